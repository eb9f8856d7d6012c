import type { Posting } from "./plan-posting"

export type BonusPostingInput = {
  account_id: string
  points: number
  /** The bonus's own key: it pays once. */
  idempotency_key: string
  reason: string
  source_type: string
  source_id: string
  /** Bonus points expire like earned points, counted from `at`. */
  expiry_months: number | null
  at?: Date
  metadata?: Record<string, unknown>
}

/** Expiry of points earned at `at`: `months` later, or never. */
export function expiryOf(at: Date, months: number | null): Date | null {
  if (!months) return null
  const expiresAt = new Date(at)
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + months)
  return expiresAt
}

/** A bonus credit: available at once, counted as earned, opening its own lot. */
export function bonusPosting(input: BonusPostingInput): Posting {
  return {
    account_id: input.account_id,
    type: "bonus",
    idempotency_key: input.idempotency_key,
    points: input.points,
    counts_as_earned: true,
    lot: { status: "available", expires_at: expiryOf(input.at ?? new Date(), input.expiry_months) },
    reason: input.reason,
    source_type: input.source_type,
    source_id: input.source_id,
    actor_type: "system",
    metadata: input.metadata ?? null,
  }
}
