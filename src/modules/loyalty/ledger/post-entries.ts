import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { LoyaltyEntryDTO } from "../../../types/ledger"
import {
  AccountState,
  LotChange,
  LotState,
  planPosting,
  Posting,
  PostingRejected,
} from "./plan-posting"

export type PostEntriesResult = {
  /** Entries this call wrote, in posting order. */
  entries: LoyaltyEntryDTO[]
  /** Idempotency keys that were already in the ledger: nothing was done. */
  skipped_keys: string[]
}

type LockedAccount = AccountState & { id: string }

/**
 * Applies postings to the ledger inside the caller's transaction:
 * locks the accounts (sorted by id, so concurrent batches cannot deadlock),
 * drops postings whose idempotency key is already in the ledger, plans each
 * posting against the locked state, then writes entries, lots and balances.
 * The balance UPDATE is conditional on the state it was planned from, and the
 * table's CHECK constraints and UNIQUE key are the last guards.
 */
export async function postEntries(trx: Knex.Transaction, postings: Posting[]): Promise<PostEntriesResult> {
  if (!postings.length) {
    return { entries: [], skipped_keys: [] }
  }
  const accountIds = [...new Set(postings.map((p) => p.account_id))].sort()
  const accounts: LockedAccount[] = await trx("crm_loyalty_account")
    .select("id", "points_balance", "pending_points", "held_points", "lifetime_points")
    .whereIn("id", accountIds)
    .whereNull("deleted_at")
    .orderBy("id")
    .forUpdate()
  const missing = accountIds.filter((id) => !accounts.some((a) => a.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty account ${missing.join(", ")} was not found`)
  }

  const keys = postings.flatMap((p) => [
    p.idempotency_key,
    ...(p.unless_keys ?? []),
    ...(p.reverse_of ? [p.reverse_of.idempotency_key] : []),
  ])
  const knownEntries: { id: string; idempotency_key: string; points: number; pending_delta: number }[] =
    await trx("crm_loyalty_entry")
      .select("id", "idempotency_key", "points", "pending_delta")
      .whereIn("idempotency_key", [...new Set(keys)])
  const known = new Set<string>(knownEntries.map((row) => row.idempotency_key))

  const lots: (LotState & { account_id: string })[] = (
    await trx("crm_loyalty_lot")
      .select("id", "account_id", "status", "remaining", "expires_at", "created_at")
      .whereIn("account_id", accountIds)
      .whereIn("status", ["pending", "available"])
      .where("remaining", ">", 0)
  ).map((lot: any) => ({
    ...lot,
    expires_at: lot.expires_at ? new Date(lot.expires_at) : null,
    created_at: new Date(lot.created_at),
  }))

  const state = new Map(accounts.map((a) => [a.id, { ...a }]))
  const original = new Map(accounts.map((a) => [a.id, { ...a }]))
  const now = new Date()
  const entryRows: Record<string, unknown>[] = []
  const newLots: Record<string, unknown>[] = []
  const lotChanges = new Map<string, LotChange>()
  const skipped: string[] = []

  for (const posting of postings) {
    if (
      known.has(posting.idempotency_key) ||
      posting.unless_keys?.some((key) => known.has(key))
    ) {
      skipped.push(posting.idempotency_key)
      continue
    }
    known.add(posting.idempotency_key)

    const account = state.get(posting.account_id)!
    const accountLots = lots.filter((lot) => lot.account_id === posting.account_id)
    const resolved = posting.reverse_of
      ? await resolveReversal(trx, posting, knownEntries, accountLots, newLots)
      : posting
    let plan
    try {
      plan = planPosting(account, accountLots, resolved)
    } catch (error) {
      if (error instanceof PostingRejected) {
        throw new MedusaError(MedusaError.Types.CONFLICT, error.message)
      }
      throw error
    }

    const entryId = generateEntityId(undefined, "lpent")
    entryRows.push({
      id: entryId,
      account_id: posting.account_id,
      type: posting.type,
      points: plan.points,
      pending_delta: plan.pending_delta,
      held_delta: plan.held_delta,
      balance_after: plan.after.points_balance,
      idempotency_key: posting.idempotency_key,
      reason: posting.reason ?? null,
      note: posting.note ?? null,
      source_type: posting.source_type ?? null,
      source_id: posting.source_id ?? null,
      actor_type: posting.actor_type ?? null,
      actor_id: posting.actor_id ?? null,
      lot_allocations: plan.allocations.length ? JSON.stringify(plan.allocations) : null,
      metadata: resolved.metadata ? JSON.stringify(resolved.metadata) : null,
      created_at: now,
      updated_at: now,
    })

    // Keep the in-memory lots in step, so later postings of the batch see them.
    for (const change of plan.lot_changes) {
      lotChanges.set(change.lot_id, change)
      const lot = lots.find((l) => l.id === change.lot_id)!
      lot.remaining = change.remaining
      lot.status = change.status
    }
    const credit = Math.max(plan.points, 0) + Math.max(plan.pending_delta, 0)
    if (posting.lot && credit > 0 && posting.type !== "activate") {
      const lot = {
        id: generateEntityId(undefined, "lplot"),
        account_id: posting.account_id,
        entry_id: entryId,
        status: posting.lot.status,
        points: credit,
        remaining: credit,
        source_type: posting.source_type ?? null,
        source_id: posting.source_id ?? null,
        available_at: posting.lot.available_at ?? null,
        expires_at: posting.lot.expires_at ?? null,
        created_at: now,
        updated_at: now,
      }
      newLots.push(lot)
      lots.push({ ...lot, expires_at: lot.expires_at, created_at: now })
    }
    state.set(posting.account_id, { id: posting.account_id, ...plan.after })
  }

  for (const [id, after] of state) {
    const before = original.get(id)!
    if (
      before.points_balance === after.points_balance &&
      before.pending_points === after.pending_points &&
      before.held_points === after.held_points &&
      before.lifetime_points === after.lifetime_points
    ) {
      continue
    }
    const updated = await trx("crm_loyalty_account")
      .where({
        id,
        points_balance: before.points_balance,
        pending_points: before.pending_points,
        held_points: before.held_points,
      })
      .update({
        points_balance: after.points_balance,
        pending_points: after.pending_points,
        held_points: after.held_points,
        lifetime_points: after.lifetime_points,
        updated_at: now,
      })
    if (updated !== 1) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Loyalty account ${id} changed while it was being updated`)
    }
  }

  if (entryRows.length) {
    await trx("crm_loyalty_entry").insert(entryRows)
  }
  if (newLots.length) {
    await trx("crm_loyalty_lot").insert(newLots)
  }
  for (const change of lotChanges.values()) {
    await trx("crm_loyalty_lot")
      .where({ id: change.lot_id })
      .update({ remaining: change.remaining, status: change.status, updated_at: now })
  }

  return {
    entries: entryRows.map((row) => ({
      ...(row as unknown as LoyaltyEntryDTO),
      lot_allocations: row.lot_allocations ? JSON.parse(row.lot_allocations as string) : null,
      metadata: row.metadata ? JSON.parse(row.metadata as string) : null,
    })),
    skipped_keys: skipped,
  }
}

/**
 * Turns `reverse_of` into concrete deltas: a share of what the earlier
 * credit entry earned, less what reversals of it already took, taken from
 * its lot (pending points first if it has not vested yet). With nothing to
 * reverse (the earn has not arrived), the posting becomes an empty marker.
 */
async function resolveReversal(
  trx: Knex.Transaction,
  posting: Posting,
  knownEntries: { id: string; idempotency_key: string; points: number; pending_delta: number }[],
  accountLots: (LotState & { account_id: string })[],
  newLots: Record<string, unknown>[]
): Promise<Posting> {
  const { idempotency_key, ratio } = posting.reverse_of!
  const credit = knownEntries.find((e) => e.idempotency_key === idempotency_key)
  if (!credit || !(ratio > 0)) {
    return { ...posting, points: 0, pending_delta: 0, reverse_of: undefined }
  }
  const earned = Math.max(credit.points, 0) + Math.max(credit.pending_delta, 0)
  const [{ reversed }] = await trx("crm_loyalty_entry")
    .where({ type: "reverse" })
    .whereRaw("metadata->>'reverse_of' = ?", [idempotency_key])
    .select(trx.raw("coalesce(-sum(points + pending_delta), 0)::int as reversed"))
  const amount = Math.min(Math.floor(earned * Math.min(ratio, 1) + 1e-9), earned - reversed)
  const lotRow =
    (await trx("crm_loyalty_lot").select("id", "status").where({ entry_id: credit.id }).first()) ??
    (newLots.find((l) => l.entry_id === credit.id) as { id: string; status: string } | undefined)
  const lot = accountLots.find((l) => l.id === lotRow?.id)
  const metadata = { ...(posting.metadata ?? {}), reverse_of: idempotency_key }
  if (amount <= 0) {
    return { ...posting, points: 0, pending_delta: 0, reverse_of: undefined, metadata }
  }
  if (lot?.status === "pending") {
    return {
      ...posting,
      pending_delta: -amount,
      points: 0,
      prefer_lot_ids: [lot.id],
      reverse_of: undefined,
      metadata,
    }
  }
  return {
    ...posting,
    points: -amount,
    pending_delta: 0,
    prefer_lot_ids: lot ? [lot.id] : [],
    reverse_of: undefined,
    metadata,
  }
}
