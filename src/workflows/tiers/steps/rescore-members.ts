import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService, RescoreMembersInput } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const rescoreMembersStepId = "crm-rescore-members"

/**
 * Moves members between tiers (see tiers/rescore.ts). No compensation: the
 * moves are logged in the same statement and then processed from that log,
 * so a failure after this step leaves them waiting, never lost.
 */
export const rescoreMembersStep = createStep(rescoreMembersStepId, async (input: RescoreMembersInput, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  return new StepResponse(await loyalty.rescoreMembers(input))
})
