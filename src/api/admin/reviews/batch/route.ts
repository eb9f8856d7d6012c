import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminReviewBatchResponse } from "../../../../types/reviews"
import { moderateReviewsWorkflow } from "../../../../workflows/reviews/workflows/moderate-reviews"
import type { AdminBatchModerateReviewsType } from "../validators"

/**
 * Approves, rejects and flags many reviews at once, all or none: an unknown
 * id is a 404 and nothing changes. Each list in the answer holds the ids now
 * in that status (those already there included).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminBatchModerateReviewsType>,
  res: MedusaResponse<AdminReviewBatchResponse>
) => {
  const { approve = [], reject = [], flag = [], reason } = req.validatedBody
  await moderateReviewsWorkflow(req.scope).run({
    input: {
      changes: [
        { ids: approve, status: "approved" },
        { ids: reject, status: "rejected" },
        { ids: flag, status: "flagged" },
      ],
      reason: reason ?? null,
      actor_id: req.auth_context.actor_id,
    },
  })
  res.json({ approved: approve, rejected: reject, flagged: flag })
}
