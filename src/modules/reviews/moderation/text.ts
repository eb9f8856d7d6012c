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

/** Control characters other than tab and newline, and NUL, which PostgreSQL refuses in text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** Text as it is stored: trimmed, \r\n as \n, no control characters. Nothing else changes. */
export function plainText(text: string | null | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim()
}
