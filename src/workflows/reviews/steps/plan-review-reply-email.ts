import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"

export const planReviewReplyEmailStepId = "crm-plan-review-reply-email"

/**
 * The e-mail telling the author that the store replied to their review:
 * when the settings allow, the review still has a reply and the author an
 * e-mail address. Keyed by the review, so each review's author hears of a
 * reply once, however often it is edited or the event delivered.
 */
export const planReviewReplyEmailStep = createStep(planReviewReplyEmailStepId, async (input: { id: string }, { container }) => {
  const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
  const settings = await reviews.loadReviewSettings()
  if (!settings.reply_email) {
    return new StepResponse([] as CrmEmailInput[])
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [review],
  } = await query.graph({
    entity: "review",
    fields: [
      "id",
      "rating",
      "title",
      "content",
      "response",
      "product.title",
      "product.handle",
      "customer.id",
      "customer.email",
      "customer.first_name",
      "customer.metadata",
    ],
    filters: { id: input.id },
  })
  if (!review?.response || !review.customer?.email) {
    return new StepResponse([] as CrmEmailInput[])
  }
  const email: CrmEmailInput = {
    to: review.customer.email,
    template: "review-replied",
    locale: customerLocale(review.customer),
    data: {
      first_name: review.customer.first_name ?? null,
      product_title: review.product?.title ?? "",
      product_handle: review.product?.handle ?? null,
      rating: review.rating,
      review_title: review.title ?? null,
      review_content: review.content,
      response: review.response,
    },
    idempotency_key: `crm:review-replied:${review.id}`,
    trigger_type: "crm.review.responded",
    resource_id: review.id,
    resource_type: "review",
    receiver_id: review.customer.id,
  }
  return new StepResponse([email])
})
