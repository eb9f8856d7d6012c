import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { normalizeReferralCode } from "../../../modules/loyalty/ledger/referral-code"
import { captureReferralStep } from "../steps/capture-referral"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { awardPointsWorkflow } from "./award-points"
import { ensureLoyaltyAccountsWorkflow } from "./ensure-loyalty-accounts"
import { syncCustomerBirthdayWorkflow } from "./sync-customer-birthday"

export const openMemberAccountWorkflowId = "crm-open-member-account"

/** Where a storefront puts the code a customer signs up with (`POST /store/customers`). */
export const REFERRAL_CODE_METADATA_KEY = "referral_code"

/**
 * A new customer with an account (not a guest checkout) becomes a member:
 * the loyalty account opens and the sign-up bonus, when switched on, pays
 * once (`bonus:signup:{customer_id}`). A referral code in the customer's
 * `metadata.referral_code` links them to the member who referred them.
 */
export const openMemberAccountWorkflow = createWorkflow(openMemberAccountWorkflowId, (input: { customer_id: string }) => {
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "has_account", "metadata"],
    filters: { id: input.customer_id },
  }).config({ name: "crm-member-get-customer" })
  const settings = loadLoyaltySettingsStep()
  const member = transform({ customers }, ({ customers }) => !!customers[0]?.has_account)
  const referralCode = transform({ customers }, ({ customers }) =>
    normalizeReferralCode(customers[0]?.metadata?.[REFERRAL_CODE_METADATA_KEY])
  )

  when("crm-member-when-registered", { member }, ({ member }) => member).then(() => {
    ensureLoyaltyAccountsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ customer_ids: [input.customer_id] })),
    })
    syncCustomerBirthdayWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ customer_id: input.customer_id })) })
  })
  when("crm-member-when-referred", { member, referralCode }, ({ member, referralCode }) => member && !!referralCode).then(() => {
    captureReferralStep({
      customer_id: input.customer_id,
      code: transform({ referralCode }, ({ referralCode }) => referralCode as string),
    })
  })
  when("crm-member-when-bonus", { member, settings }, ({ member, settings }) => member && settings.signup_bonus_points > 0).then(() => {
    awardPointsWorkflow.runAsStep({
      input: transform({ input, settings }, ({ input, settings }) => ({
        customer_id: input.customer_id,
        points: settings.signup_bonus_points,
        reason: "signup_bonus",
        source_type: "customer",
        source_id: input.customer_id,
        idempotency_key: `bonus:signup:${input.customer_id}`,
      })),
    })
  })
  return new WorkflowResponse({ member })
})
