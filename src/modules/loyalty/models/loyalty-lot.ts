import { model } from "@medusajs/framework/utils"
import { LOT_STATUSES } from "../../../types/ledger"

/**
 * Points credited by one entry (an earn, bonus or positive adjustment), with
 * what is left of them. Debits consume lots in expiry order (FIFO); the
 * expiry job expires what is left of a lot once, keyed `expire:{lot_id}`.
 * A pending lot is not spendable until it becomes available.
 */
const LoyaltyLot = model
  .define(
    { name: "LoyaltyLot", tableName: "crm_loyalty_lot" },
    {
      id: model.id({ prefix: "lplot" }).primaryKey(),
      account_id: model.text(),
      entry_id: model.text(),
      status: model.enum([...LOT_STATUSES]),
      points: model.number(),
      remaining: model.number(),
      source_type: model.text().nullable(),
      source_id: model.text().nullable(),
      available_at: model.dateTime().nullable(),
      expires_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_loyalty_lot_account_status", on: ["account_id", "status", "expires_at"] },
    { name: "IDX_crm_loyalty_lot_status_expires", on: ["status", "expires_at"] },
    { name: "IDX_crm_loyalty_lot_status_available", on: ["status", "available_at"] },
    { name: "IDX_crm_loyalty_lot_source", on: ["source_type", "source_id"] },
  ])

export default LoyaltyLot
