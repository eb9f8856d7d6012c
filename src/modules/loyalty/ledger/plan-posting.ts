import type { LedgerEntryType, LotAllocation, LotStatus } from "../../../types/ledger"

/** What a debit does when the available points do not cover it. */
export type OverdraftPolicy =
  /** refuse the whole posting (a redemption, a negative adjustment) */
  | "reject"
  /** take what is available, never below zero (reversal, clamp setting) */
  | "clamp"
  /** take it all; the balance may go negative (reversal, arrears setting) */
  | "allow"

export type Posting = {
  account_id: string
  type: LedgerEntryType
  idempotency_key: string
  /** Change of the available balance: > 0 credits, < 0 debits. */
  points?: number
  /** Change of the pending points. */
  pending_delta?: number
  /** Change of the held points. */
  held_delta?: number
  /** A credit opens a lot with this status and dates. */
  lot?: { status: "pending" | "available"; available_at?: Date | null; expires_at?: Date | null }
  /** `activate`: the pending lot whose points become available. */
  activate_lot_id?: string
  /** Lots a debit consumes first (e.g. the order's own lot on reversal). */
  prefer_lot_ids?: string[]
  overdraft?: OverdraftPolicy
  /** Skip this posting when any of these keys is already in the ledger. */
  unless_keys?: string[]
  /**
   * Reverse a share (0-1] of the points an earlier entry credited, never more
   * than is left of them; resolved under the account lock into
   * `pending_delta` / `points`.
   */
  reverse_of?: { idempotency_key: string; ratio: number }
  /** Counts towards lifetime points (earned, not merely moved). */
  counts_as_earned?: boolean
  reason?: string | null
  note?: string | null
  source_type?: string | null
  source_id?: string | null
  actor_type?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type AccountState = {
  points_balance: number
  pending_points: number
  held_points: number
  lifetime_points: number
}

export type LotState = {
  id: string
  status: LotStatus
  remaining: number
  expires_at: Date | null
  created_at: Date
}

export type LotChange = { lot_id: string; remaining: number; status: LotStatus }

export type PostingPlan = {
  points: number
  pending_delta: number
  held_delta: number
  lifetime_delta: number
  after: AccountState
  allocations: LotAllocation[]
  lot_changes: LotChange[]
  /** Set when the posting was clamped to nothing: no entry is written. */
  empty: boolean
}

export class PostingRejected extends Error {
  constructor(message: string) {
    super(message)
    this.name = "PostingRejected"
  }
}

const isWholeNumber = (value: number) => Number.isSafeInteger(value)

/** FIFO: soonest expiry first, never-expiring last, then oldest. */
export function fifoOrder(a: LotState, b: LotState): number {
  const ax = a.expires_at ? a.expires_at.getTime() : Number.POSITIVE_INFINITY
  const bx = b.expires_at ? b.expires_at.getTime() : Number.POSITIVE_INFINITY
  if (ax !== bx) {
    return ax < bx ? -1 : 1
  }
  if (a.created_at.getTime() !== b.created_at.getTime()) {
    return a.created_at.getTime() - b.created_at.getTime()
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Takes `amount` points from lots of the given status: the preferred lots
 * first, then the others in FIFO order. Returns what it took; the caller
 * decides what to do with any shortfall.
 */
export function allocateFromLots(
  lots: LotState[],
  amount: number,
  status: LotStatus,
  preferIds: string[] = []
): { allocations: LotAllocation[]; taken: number } {
  const usable = lots.filter((lot) => lot.status === status && lot.remaining > 0)
  const preferred = preferIds
    .map((id) => usable.find((lot) => lot.id === id))
    .filter((lot): lot is LotState => !!lot)
  const rest = usable.filter((lot) => !preferIds.includes(lot.id)).sort(fifoOrder)

  const allocations: LotAllocation[] = []
  let left = amount
  for (const lot of [...preferred, ...rest]) {
    if (left <= 0) {
      break
    }
    const take = Math.min(lot.remaining, left)
    allocations.push({ lot_id: lot.id, points: take })
    left -= take
  }
  return { allocations, taken: amount - left }
}

/**
 * Plans one posting against an account's current state: the deltas actually
 * applied (after the overdraft policy), the lots it consumes or activates,
 * and the state after it. Pure: the service applies the plan under a row
 * lock, and the database constraints check it once more.
 */
export function planPosting(
  account: AccountState,
  lots: LotState[],
  posting: Posting
): PostingPlan {
  let points = posting.points ?? 0
  let pendingDelta = posting.pending_delta ?? 0
  const heldDelta = posting.held_delta ?? 0
  for (const [name, value] of Object.entries({ points, pending_delta: pendingDelta, held_delta: heldDelta })) {
    if (!isWholeNumber(value)) {
      throw new PostingRejected(`${name} must be a whole number of points, got ${value}`)
    }
  }

  const allocations: LotAllocation[] = []
  const lotChanges = new Map<string, LotChange>()
  const changeLot = (lot: LotState, remaining: number, status: LotStatus) =>
    lotChanges.set(lot.id, { lot_id: lot.id, remaining, status })

  if (posting.type === "activate") {
    const lot = lots.find((l) => l.id === posting.activate_lot_id)
    if (!lot || lot.status !== "pending") {
      return emptyPlan(account)
    }
    points = lot.remaining
    pendingDelta = -lot.remaining
    changeLot(lot, lot.remaining, lot.remaining > 0 ? "available" : "exhausted")
  } else if (pendingDelta < 0) {
    // Pending points taken back (an order cancelled before its points vested).
    const wanted = Math.min(-pendingDelta, account.pending_points)
    const { allocations: taken, taken: total } = allocateFromLots(
      lots,
      wanted,
      "pending",
      posting.prefer_lot_ids
    )
    pendingDelta = -total
    allocations.push(...taken)
    for (const allocation of taken) {
      const lot = lots.find((l) => l.id === allocation.lot_id)!
      const remaining = lot.remaining - allocation.points
      changeLot(lot, remaining, remaining === 0 ? (posting.type === "expire" ? "expired" : "reversed") : lot.status)
    }
  }

  if (points < 0 && posting.type !== "activate") {
    const available = account.points_balance - account.held_points
    // A redemption spends held points: they are already set aside.
    const coveredByHeld = Math.min(-heldDelta, -points)
    const needed = -points - Math.max(coveredByHeld, 0)
    // Arrears never while points are held: held points stay covered.
    const requested = posting.overdraft ?? "reject"
    const policy = requested === "allow" && account.held_points > 0 ? "clamp" : requested
    if (needed > available) {
      if (policy === "reject") {
        throw new PostingRejected(
          `Not enough points: ${needed} needed, ${Math.max(available, 0)} available`
        )
      }
      if (policy === "clamp") {
        points += needed - Math.max(available, 0)
      }
    }
    const spend = -points
    const { allocations: taken } = allocateFromLots(lots, spend, "available", posting.prefer_lot_ids)
    allocations.push(...taken)
    for (const allocation of taken) {
      const lot = lots.find((l) => l.id === allocation.lot_id)!
      const remaining = lot.remaining - allocation.points
      const drained: LotStatus =
        posting.type === "expire" ? "expired" : posting.type === "reverse" ? "reversed" : "exhausted"
      changeLot(lot, remaining, remaining === 0 ? drained : lot.status)
    }
  }

  if (heldDelta > 0 && heldDelta > account.points_balance - account.held_points + Math.min(points, 0)) {
    throw new PostingRejected(
      `Not enough points: ${heldDelta} needed, ${Math.max(account.points_balance - account.held_points, 0)} available`
    )
  }
  if (heldDelta < 0 && -heldDelta > account.held_points) {
    throw new PostingRejected(`Cannot release ${-heldDelta} points: only ${account.held_points} held`)
  }

  const earned = posting.counts_as_earned ? Math.max(points, 0) + Math.max(pendingDelta, 0) : 0
  const unearned =
    posting.type === "reverse" ? Math.min(-Math.min(points, 0) - Math.min(pendingDelta, 0), account.lifetime_points) : 0
  const lifetimeDelta = earned - unearned

  const after: AccountState = {
    points_balance: account.points_balance + points,
    pending_points: account.pending_points + pendingDelta,
    held_points: account.held_points + heldDelta,
    lifetime_points: account.lifetime_points + lifetimeDelta,
  }
  const empty = points === 0 && pendingDelta === 0 && heldDelta === 0
  return {
    points,
    pending_delta: pendingDelta,
    held_delta: heldDelta,
    lifetime_delta: lifetimeDelta,
    after,
    allocations,
    lot_changes: [...lotChanges.values()],
    empty,
  }
}

function emptyPlan(account: AccountState): PostingPlan {
  return {
    points: 0,
    pending_delta: 0,
    held_delta: 0,
    lifetime_delta: 0,
    after: { ...account },
    allocations: [],
    lot_changes: [],
    empty: true,
  }
}
