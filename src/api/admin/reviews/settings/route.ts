import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IReviewsModuleService } from "../../../../modules/reviews/service"
import { CrmModules } from "../../../../types/modules"
import { updateReviewSettingsWorkflow } from "../../../../workflows/reviews/workflows/update-review-settings"
import type { AdminUpdateReviewSettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ settings: await req.scope.resolve<IReviewsModuleService>(CrmModules.REVIEWS).loadReviewSettings() })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReviewSettingsType>, res: MedusaResponse) => {
  const { result } = await updateReviewSettingsWorkflow(req.scope).run({
    input: { settings: req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ settings: result })
}
