import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PromotionActions } from "@medusajs/framework/utils"
import {
  createPromotionsWorkflow,
  updateCartPromotionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { createRedemptionStep } from "../steps/create-redemption"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { findRedemptionsStep } from "../steps/find-redemptions"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"
import { updateRedemptionsStep } from "../steps/update-redemptions"
import { CartForRedemption, validateRedemptionStep } from "../steps/validate-redemption"

export const applyPointsToCartWorkflowId = "crm-apply-points-to-cart"

export type ApplyPointsToCartInput = { cart_id: string; customer_id: string; points: number }

/**
 * The customer pays part of a cart with points: the points are held (a
 * conditional ledger write: 409 when they are not available, whatever the
 * concurrency), and the cart gets a one-off Medusa promotion worth them,
 * limited to this customer. Any failure undoes every step.
 */
export const applyPointsToCartWorkflow = createWorkflow(applyPointsToCartWorkflowId, (input: ApplyPointsToCartInput) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    // An order-level total makes the cart module compute item_subtotal.
    fields: ["id", "customer_id", "currency_code", "completed_at", "total", "item_subtotal"],
    filters: { id: input.cart_id },
  }).config({ name: "crm-apply-get-cart" })
  const settings = loadLoyaltySettingsStep()
  const cartIds = transform({ input }, ({ input }) => [input.cart_id])
  const held = findRedemptionsStep({ cart_ids: cartIds, status: "held" })
  const cart = transform({ carts }, ({ carts }) => carts[0] as unknown as CartForRedemption | undefined)
  const { amount, currency_code } = validateRedemptionStep({
    cart,
    customer_id: input.customer_id,
    points: input.points,
    settings,
    held,
  })

  const customerIds = transform({ input }, ({ input }) => [input.customer_id])
  const { accounts } = ensureLoyaltyAccountsStep({ customer_ids: customerIds })
  const redemption = createRedemptionStep(
    transform({ input, accounts, amount, currency_code, settings }, (data) => ({
      account_id: data.accounts[0].id,
      customer_id: data.input.customer_id,
      cart_id: data.input.cart_id,
      points: data.input.points,
      amount: data.amount,
      currency_code: data.currency_code,
      hold_minutes: data.settings.hold_minutes,
    }))
  )
  postLedgerEntriesStep({
    postings: transform({ redemption }, ({ redemption }): Posting[] => [
      {
        account_id: redemption.account_id,
        type: "hold",
        idempotency_key: `hold:${redemption.id}`,
        held_delta: redemption.points,
        reason: "cart_redemption",
        source_type: "cart",
        source_id: redemption.cart_id,
        actor_type: "customer",
        actor_id: redemption.customer_id,
        metadata: { redemption_id: redemption.id },
      },
    ]),
  }).config({ name: "crm-apply-hold-points" })

  const promotions = createPromotionsWorkflow.runAsStep({
    input: transform({ redemption }, ({ redemption }) => ({
      promotionsData: [
        {
          code: redemption.promotion_code,
          type: "standard" as const,
          status: "active" as const,
          is_automatic: false,
          // Usable once: Medusa refuses a second order with it.
          limit: 1,
          application_method: {
            type: "fixed" as const,
            target_type: "order" as const,
            allocation: "across" as const,
            value: redemption.amount,
            currency_code: redemption.currency_code,
          },
          rules: [{ attribute: "customer.id", operator: "eq" as const, values: [redemption.customer_id] }],
        },
      ],
    })),
  })
  updateRedemptionsStep(
    transform({ redemption, promotions }, ({ redemption, promotions }) => [
      { id: redemption.id, promotion_id: promotions[0].id },
    ])
  )
  updateCartPromotionsWorkflow.runAsStep({
    input: transform({ input, redemption }, ({ input, redemption }) => ({
      cart_id: input.cart_id,
      promo_codes: [redemption.promotion_code],
      action: PromotionActions.ADD,
    })),
  })
  return new WorkflowResponse(redemption)
})
