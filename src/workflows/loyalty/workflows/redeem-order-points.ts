import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updatePromotionsStatusWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { findRedemptionsStep } from "../steps/find-redemptions"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"
import { updateRedemptionsStep } from "../steps/update-redemptions"

export const redeemOrderPointsWorkflowId = "crm-redeem-order-points"

/**
 * When a cart with points becomes an order, its held points are spent
 * (`redeem:{redemption_id}`, once) and its one-off promotion is switched off.
 */
export const redeemOrderPointsWorkflow = createWorkflow(redeemOrderPointsWorkflowId, (input: { order_id: string }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "cart.id"],
    filters: { id: input.order_id },
  }).config({ name: "crm-redeem-get-order" })
  const cartIds = transform({ orders }, ({ orders }) => (orders[0]?.cart?.id ? [orders[0].cart.id as string] : []))
  const held = findRedemptionsStep({ cart_ids: cartIds, status: "held" })

  const redemption = transform({ held }, ({ held }) => (held[0] ?? null) as LoyaltyRedemptionDTO | null)
  // Flat conditions: Medusa workflows do not nest `when`.
  const plan = transform({ redemption }, ({ redemption }) => ({
    redeem: !!redemption,
    deactivate_promotion: !!redemption?.promotion_id,
  }))

  when("crm-redeem-when-held", { plan }, ({ plan }) => plan.redeem).then(() => {
    postLedgerEntriesStep({
      postings: transform({ redemption, input }, ({ redemption, input }): Posting[] => [
        {
          account_id: redemption!.account_id,
          type: "redeem",
          idempotency_key: `redeem:${redemption!.id}`,
          points: -redemption!.points,
          held_delta: -redemption!.points,
          reason: "order",
          source_type: "order",
          source_id: input.order_id,
          actor_type: "customer",
          actor_id: redemption!.customer_id,
          metadata: { redemption_id: redemption!.id, cart_id: redemption!.cart_id },
        },
      ]),
    }).config({ name: "crm-redeem-points" })
    updateRedemptionsStep(
      transform({ redemption, input }, ({ redemption, input }) => [
        { id: redemption!.id, status: "redeemed" as const, order_id: input.order_id },
      ])
    )
  })
  when("crm-redeem-when-promotion", { plan }, ({ plan }) => plan.deactivate_promotion).then(() => {
    updatePromotionsStatusWorkflow.runAsStep({
      input: transform({ redemption }, ({ redemption }) => ({
        promotionsData: [{ id: redemption!.promotion_id!, status: "inactive" as any }],
      })),
    })
  })
  return new WorkflowResponse({ redeemed: redemption })
})
