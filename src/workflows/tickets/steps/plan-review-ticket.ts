import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import type { ReviewDTO } from "../../../types/reviews"
import { isComplaint } from "../../reviews/review-events"
import type { OpenTicketWorkflowInput } from "../workflows/open-ticket"

export const planReviewTicketStepId = "crm-plan-review-ticket"

/**
 * The complaint ticket a review calls for: a review at or below the store's
 * complaint threshold that moderation did not reject, read fresh (the event
 * may be late). The review's words become the first message, from its
 * author. Null when no ticket is called for. Reads only.
 */
export const planReviewTicketStep = createStep(planReviewTicketStepId, async (input: { review_id: string }, { container }) => {
  const reviews = container.resolve<IReviewsModuleService>(CrmModules.REVIEWS)
  const [review] = (await reviews.listReviews({ id: input.review_id }, { take: 1 })) as unknown as ReviewDTO[]
  const settings = await reviews.loadReviewSettings()
  if (!review || !isComplaint(settings, review)) {
    return new StepResponse(null)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({ entity: "product", fields: ["title"], filters: { id: review.product_id } })
  const plan: OpenTicketWorkflowInput = {
    customer_id: review.customer_id,
    subject: `${review.rating}-star review of ${product?.title ?? "a product"}${review.title ? `: ${review.title}` : ""}`.slice(0, 200),
    category: "product_quality",
    message: review.content?.trim() || `Rated ${review.rating}/5 without a comment.`,
    order_id: review.order_id,
    product_id: review.product_id,
    source: "review",
    source_id: review.id,
    author_type: "customer",
    author_id: review.customer_id,
  }
  return new StepResponse(plan)
})
