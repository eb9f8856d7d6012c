import { createHash } from "crypto"

/** Lower case without accents: "Crème BRÛLÉE" -> "creme brulee". */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()
}

/** Texts shorter than this (folded, letters and digits only) are too generic to call duplicates ("Great!"). */
export const MIN_FINGERPRINT_LENGTH = 20

/**
 * A key equal for texts that differ only in case, accents, spacing and
 * punctuation; null for short texts.
 */
export function textFingerprint(title: string | null | undefined, content: string | null | undefined): string | null {
  const letters = foldText(`${title ?? ""} ${content ?? ""}`).replace(/[^\p{L}\p{N}]+/gu, "")
  if (letters.length < MIN_FINGERPRINT_LENGTH) {
    return null
  }
  return createHash("md5").update(letters).digest("hex")
}

export { plainText } from "../../../utils/plain-text"
