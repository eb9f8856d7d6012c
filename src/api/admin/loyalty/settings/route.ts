import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../modules/loyalty/service"
import { CrmModules } from "../../../../types/modules"
import type { LoyaltySettingsDTO } from "../../../../types/settings"
import { updateLoyaltySettingsWorkflow } from "../../../../workflows/loyalty/workflows/update-loyalty-settings"
import type { AdminUpdateLoyaltySettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<{ settings: LoyaltySettingsDTO }>) => {
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  res.json({ settings: await loyalty.loadSettings() })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateLoyaltySettingsType>,
  res: MedusaResponse<{ settings: LoyaltySettingsDTO }>
) => {
  const { result } = await updateLoyaltySettingsWorkflow(req.scope).run({
    input: { settings: req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ settings: result })
}
