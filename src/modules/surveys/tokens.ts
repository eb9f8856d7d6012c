import { createHash, randomBytes } from "crypto"

/** 256 random bits, URL-safe: what an invitation link carries. */
export const TOKEN_BYTES = 32

/** A new invitation token and the hash stored in its place (the token itself is never stored). */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url")
  return { token, hash: hashInvitationToken(token) }
}

/** The stored form of a token: its SHA-256, hex. A well-formed token only: anything else hashes to nothing found. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** Whether a string can be a token at all (43 base64url characters), before any lookup. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token)
