import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"
import type { UpdateLoyaltySettings } from "../../../types/settings"
import { valuesBefore } from "../../../utils/settings-row"

export const updateLoyaltySettingsStepId = "crm-update-loyalty-settings"

/** Changes the settings; compensation puts back the fields it changed. */
export const updateLoyaltySettingsStep = createStep(
  updateLoyaltySettingsStepId,
  async (data: UpdateLoyaltySettings, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const previous = valuesBefore(await loyalty.loadSettings(), data) as UpdateLoyaltySettings
    return new StepResponse(await loyalty.changeSettings(data), previous)
  },
  async (previous, { container }) => {
    if (!previous || !Object.keys(previous).length) {
      return
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.changeSettings(previous)
  }
)
