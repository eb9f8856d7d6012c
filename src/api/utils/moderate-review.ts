import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STATUS_OF_ACTION, type ModerationAction } from "../../types/reviews"
import { moderateReviewsWorkflow } from "../../workflows/reviews/workflows/moderate-reviews"
import { retrieveAdminReview } from "./admin-reviews"

/** The route of one moderation action on one review: `{ review }` with its history. */
export const moderationRoute =
  (action: ModerationAction) =>
  async (req: AuthenticatedMedusaRequest<{ reason?: string | null }>, res: MedusaResponse) => {
    await moderateReviewsWorkflow(req.scope).run({
      input: {
        changes: [{ ids: [req.params.id], status: STATUS_OF_ACTION[action] }],
        reason: req.validatedBody.reason ?? null,
        actor_id: req.auth_context.actor_id,
      },
    })
    res.json({ review: await retrieveAdminReview(req.scope, req.params.id) })
  }
