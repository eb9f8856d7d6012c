import { model } from "@medusajs/framework/utils"

/**
 * Points a customer applied to a cart: held while the cart is open, spent
 * when its order is placed, released when removed or when the hold expires.
 * The discount itself is a one-off Medusa promotion (`promotion_code`),
 * limited to the customer, applied to the cart.
 */
const LoyaltyRedemption = model
  .define(
    { name: "LoyaltyRedemption", tableName: "crm_loyalty_redemption" },
    {
      id: model.id({ prefix: "lpred" }).primaryKey(),
      account_id: model.text(),
      customer_id: model.text(),
      cart_id: model.text(),
      points: model.number(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      promotion_id: model.text().nullable(),
      promotion_code: model.text(),
      status: model.enum(["held", "redeemed", "released"]).default("held"),
      expires_at: model.dateTime(),
      order_id: model.text().nullable(),
    }
  )
  .indexes([
    // At most one open redemption per cart.
    { name: "IDX_crm_loyalty_redemption_cart_held", on: ["cart_id"], unique: true, where: "status = 'held' AND deleted_at IS NULL" },
    { name: "IDX_crm_loyalty_redemption_status_expires", on: ["status", "expires_at"] },
    { name: "IDX_crm_loyalty_redemption_order", on: ["order_id"] },
  ])

export default LoyaltyRedemption
