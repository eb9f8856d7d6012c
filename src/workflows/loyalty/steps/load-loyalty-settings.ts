import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const loadLoyaltySettingsStepId = "crm-load-loyalty-settings"

export const loadLoyaltySettingsStep = createStep(loadLoyaltySettingsStepId, async (_: void, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  return new StepResponse(await loyalty.loadSettings())
})
