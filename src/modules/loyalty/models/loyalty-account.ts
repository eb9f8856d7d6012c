import { model } from "@medusajs/framework/utils"

/**
 * One loyalty account per customer. The point columns are a cache of the
 * ledger kept in the same transaction as each ledger entry; CHECK constraints
 * in the migration keep them from ever going negative.
 */
const LoyaltyAccount = model
  .define(
    { name: "LoyaltyAccount", tableName: "crm_loyalty_account" },
    {
      id: model.id({ prefix: "lpacc" }).primaryKey(),
      customer_id: model.text(),
      points_balance: model.number().default(0),
      pending_points: model.number().default(0),
      held_points: model.number().default(0),
      lifetime_points: model.number().default(0),
      /** "MM-DD", from the customer's `metadata.birthday`. */
      birthday: model.text().nullable(),
      /** When the birthday was entered or last changed. */
      birthday_set_at: model.dateTime().nullable(),
      /** The code this member shares; unique, see ledger/referral-code.ts. */
      referral_code: model.text().nullable(),
      /** The member whose code this customer signed up with. */
      referred_by_account_id: model.text().nullable(),
      /** The member's tier (see loyalty-tier.ts); null until first evaluated. */
      tier_id: model.text().nullable(),
      tier_since: model.dateTime().nullable(),
      /** When the member stopped qualifying for their tier: the grace period runs from here. */
      tier_below_since: model.dateTime().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_crm_loyalty_account_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_crm_loyalty_account_referral_code_unique",
      on: ["referral_code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_crm_loyalty_account_referred_by",
      on: ["referred_by_account_id"],
      where: "referred_by_account_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      // The admin's members list: largest balance first.
      name: "IDX_crm_loyalty_account_points_balance",
      on: ["points_balance", "id"],
      where: "deleted_at IS NULL",
    },
    // Members of a tier (admin filter, member counts, group sync).
    { name: "IDX_crm_loyalty_account_tier", on: ["tier_id", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_loyalty_account_birthday", on: ["birthday"], where: "birthday IS NOT NULL AND deleted_at IS NULL" },
  ])

export default LoyaltyAccount
