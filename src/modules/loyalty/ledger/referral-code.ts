import { randomInt } from "crypto"

/** Crockford's base 32: no I, L, O or U, so a code read aloud or retyped survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
export const REFERRAL_CODE_LENGTH = 8
const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`)

/** A fresh code: 40 random bits. */
export function newReferralCode(): string {
  let code = ""
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) {
    code += ALPHABET[randomInt(ALPHABET.length)]
  }
  return code
}

/**
 * The code as typed by a customer, in canonical form: upper case, without
 * spaces or dashes, with the letters Crockford reads as digits (I, L -> 1,
 * O -> 0). Null when it cannot be a code.
 */
export function normalizeReferralCode(input: unknown): string | null {
  if (typeof input !== "string") return null
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0")
  return CODE_PATTERN.test(code) ? code : null
}
