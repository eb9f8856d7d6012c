import type { LoyaltyEntryDTO, LoyaltyLotDTO } from "../../types/ledger"
import type { AdminLoyaltyTransaction } from "../../types/loyalty"

/** Entry types a customer sees; `activate` only changes an earn's status. */
export const CUSTOMER_VISIBLE_ENTRY_TYPES = ["earn", "bonus", "adjust", "hold", "release", "redeem", "reverse", "expire"]

/**
 * A ledger entry as a transaction line: the points it moved (pending or
 * available), and for credits the status and expiry of their lot.
 */
export function toTransaction(entry: LoyaltyEntryDTO, lot?: LoyaltyLotDTO): AdminLoyaltyTransaction {
  const moved = entry.type === "hold" || entry.type === "release" ? entry.held_delta : entry.points + entry.pending_delta
  return {
    id: entry.id,
    type: entry.type,
    points: moved,
    reason: entry.reason,
    note: entry.note,
    reference_type: entry.source_type,
    reference_id: entry.source_id,
    status: lot ? lot.status : "completed",
    created_at: new Date(entry.created_at).toISOString(),
    expires_at: lot?.expires_at ? new Date(lot.expires_at).toISOString() : null,
    actor_type: entry.actor_type,
    actor_id: entry.actor_id,
  }
}
