import { model } from "@medusajs/framework/utils"
import { LEDGER_ENTRY_TYPES } from "../../../types/ledger"

/**
 * One immutable line of the points ledger. Each entry moves points between
 * the account's three buckets with signed deltas:
 *   points        -> points_balance (available + held)
 *   pending_delta -> pending_points
 *   held_delta    -> held_points
 * so each bucket of an account always equals the sum of its column over the
 * account's entries. A database trigger refuses UPDATE and DELETE; corrections
 * are new entries. `idempotency_key` is UNIQUE: a re-delivered event that
 * posts the same key changes nothing.
 */
const LoyaltyEntry = model
  .define(
    { name: "LoyaltyEntry", tableName: "crm_loyalty_entry" },
    {
      id: model.id({ prefix: "lpent" }).primaryKey(),
      account_id: model.text(),
      type: model.enum([...LEDGER_ENTRY_TYPES]),
      points: model.number().default(0),
      pending_delta: model.number().default(0),
      held_delta: model.number().default(0),
      balance_after: model.number(),
      idempotency_key: model.text(),
      reason: model.text().nullable(),
      note: model.text().nullable(),
      source_type: model.text().nullable(),
      source_id: model.text().nullable(),
      actor_type: model.text().nullable(),
      actor_id: model.text().nullable(),
      /** Lots a debit consumed, in FIFO order: `[{ lot_id, points }]`. */
      lot_allocations: model.json().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_loyalty_entry_idempotency_key", on: ["idempotency_key"], unique: true, where: "" },
    { name: "IDX_crm_loyalty_entry_account_created", on: ["account_id", "created_at"] },
    { name: "IDX_crm_loyalty_entry_source", on: ["source_type", "source_id"] },
  ])

export default LoyaltyEntry
