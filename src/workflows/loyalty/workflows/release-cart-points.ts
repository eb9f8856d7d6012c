import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PromotionActions } from "@medusajs/framework/utils"
import {
  updateCartPromotionsWorkflow,
  updatePromotionsStatusWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { assertCartOwnerStep } from "../steps/assert-cart-owner"
import { findRedemptionsStep } from "../steps/find-redemptions"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"
import { updateRedemptionsStep } from "../steps/update-redemptions"

export const releaseCartPointsWorkflowId = "crm-release-cart-points"

export type ReleaseCartPointsInput = {
  cart_id: string
  /** The customer asking; omitted when the hold-expiry job releases. */
  customer_id?: string
  reason: "removed_by_customer" | "hold_expired"
}

/**
 * Takes the points off a cart: the promotion is removed from the cart and
 * switched off, the held points are released (`release:{redemption_id}`).
 * Nothing to release is not an error.
 */
export const releaseCartPointsWorkflow = createWorkflow(releaseCartPointsWorkflowId, (input: ReleaseCartPointsInput) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at"],
    filters: { id: input.cart_id },
  }).config({ name: "crm-release-get-cart" })
  assertCartOwnerStep({ cart: transform({ carts }, ({ carts }) => carts[0] as any), customer_id: input.customer_id })
  const held = findRedemptionsStep({ cart_ids: transform({ input }, ({ input }) => [input.cart_id]), status: "held" })

  const redemption = transform({ held }, ({ held }) => (held[0] ?? null) as LoyaltyRedemptionDTO | null)
  // Flat conditions: Medusa workflows do not nest `when`.
  const plan = transform({ redemption, carts }, ({ redemption, carts }) => ({
    release: !!redemption,
    remove_from_cart: !!redemption && !!carts[0] && !carts[0].completed_at,
    deactivate_promotion: !!redemption?.promotion_id,
  }))

  when("crm-release-when-cart-open", { plan }, ({ plan }) => plan.remove_from_cart).then(() => {
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ input, redemption }, ({ input, redemption }) => ({
        cart_id: input.cart_id,
        promo_codes: [redemption!.promotion_code],
        action: PromotionActions.REMOVE,
      })),
    })
  })
  when("crm-release-when-held", { plan }, ({ plan }) => plan.release).then(() => {
    postLedgerEntriesStep({
      postings: transform({ redemption, input }, ({ redemption, input }): Posting[] => [
        {
          account_id: redemption!.account_id,
          type: "release",
          idempotency_key: `release:${redemption!.id}`,
          held_delta: -redemption!.points,
          reason: input.reason,
          source_type: "cart",
          source_id: redemption!.cart_id,
          actor_type: input.customer_id ? "customer" : "system",
          actor_id: input.customer_id ?? null,
          metadata: { redemption_id: redemption!.id },
        },
      ]),
    }).config({ name: "crm-release-points" })
    updateRedemptionsStep(transform({ redemption }, ({ redemption }) => [{ id: redemption!.id, status: "released" as const }]))
  })
  when("crm-release-when-promotion", { plan }, ({ plan }) => plan.deactivate_promotion).then(() => {
    updatePromotionsStatusWorkflow.runAsStep({
      input: transform({ redemption }, ({ redemption }) => ({
        promotionsData: [{ id: redemption!.promotion_id!, status: "inactive" as any }],
      })),
    })
  })
  return new WorkflowResponse({ released: redemption })
})
