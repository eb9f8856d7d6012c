import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generateEntityId } from "@medusajs/framework/utils"
import type { AdminCustomerLoyaltyResponse } from "../../../../../../types/loyalty"
import { adjustPointsWorkflow } from "../../../../../../workflows/loyalty/workflows/adjust-points"
import type { AdminAdjustLoyaltyPointsType } from "../../../validators"
import { answeringConflicts } from "../../../../../utils/conflict"
import { adminLoyaltyAccountOf, assertCustomerExists } from "../route"

/**
 * An admin adds or deducts points with a mandatory reason. An
 * `Idempotency-Key` header makes a retried request harmless.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminAdjustLoyaltyPointsType>,
  res: MedusaResponse<AdminCustomerLoyaltyResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  const clientKey = req.headers["idempotency-key"]
  const done = await answeringConflicts(res, () =>
    adjustPointsWorkflow(req.scope).run({
      input: {
      customer_id: req.params.id,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
        idempotency_key: `adjust:${typeof clientKey === "string" && clientKey ? `${req.params.id}:${clientKey}` : generateEntityId(undefined, "adj")}`,
      },
    })
  )
  if (!done) {
    return
  }
  res.json({ loyalty_account: await adminLoyaltyAccountOf(req.scope, req.params.id) })
}
