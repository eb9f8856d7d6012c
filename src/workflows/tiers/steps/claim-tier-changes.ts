import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const claimTierChangesStepId = "crm-claim-tier-changes"

/** Claims unprocessed tier moves (see tiers/tier-changes.ts); a failed run gives them back. */
export const claimTierChangesStep = createStep(
  claimTierChangesStepId,
  async (input: { limit: number; customer_ids?: string[] }, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const changes = await loyalty.claimTierChanges(input.limit, input.customer_ids)
    return new StepResponse(changes, changes.map((change) => change.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (ids?.length) {
      await container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY).releaseTierChanges(ids)
    }
  }
)
