import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CrmModules } from "../../../types/modules"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export const ensureLoyaltyAccountsStepId = "crm-ensure-loyalty-accounts"

export type EnsureLoyaltyAccountsStepInput = {
  customer_ids: string[]
}

/**
 * Creates the loyalty accounts the given customers do not have yet.
 * Compensation removes only the accounts this step created.
 */
export const ensureLoyaltyAccountsStep = createStep(
  ensureLoyaltyAccountsStepId,
  async (input: EnsureLoyaltyAccountsStepInput, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const result = await loyalty.ensureAccounts(input.customer_ids)
    return new StepResponse(result, result.created_ids)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.deleteLoyaltyAccounts(createdIds)
  }
)
