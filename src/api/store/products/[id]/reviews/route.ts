import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { IReviewsModuleService } from "../../../../../modules/reviews/service"
import { CrmModules } from "../../../../../types/modules"
import type { StoreProductReviewsResponse } from "../../../../../types/reviews"
import { submitReviewWorkflow } from "../../../../../workflows/reviews/workflows/submit-review"
import { answeringConflicts } from "../../../../utils/conflict"
import { retrieveCustomerReview, toStoreReview } from "../../../../utils/store-reviews"
import type { StoreCreateReviewType, StoreGetProductReviewsParamsType } from "../../../../store/reviews/validators"

/**
 * A product's approved reviews with its rating summary. Two indexed reads:
 * the kept summary (which also gives the count) and one page of reviews.
 */
export const GET = async (
  req: MedusaRequest<unknown, StoreGetProductReviewsParamsType>,
  res: MedusaResponse<StoreProductReviewsResponse>
) => {
  const { limit, offset, order, rating } = req.validatedQuery as StoreGetProductReviewsParamsType
  const productId = req.params.id
  const reviews = req.scope.resolve<IReviewsModuleService>(CrmModules.REVIEWS)
  const [summaries, page] = await Promise.all([
    reviews.ratingSummaries([productId]),
    reviews.publicReviewsPage(productId, { rating, order, limit, offset }),
  ])
  const summary = summaries[productId]
  if (!summary.review_count) {
    // Nothing approved yet: say "not found" for a product that does not exist rather than "no reviews".
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productId } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
    }
  }
  res.json({
    reviews: page.map(toStoreReview),
    count: rating ? summary.distribution[String(rating) as "1"] : summary.review_count,
    offset,
    limit,
    summary,
  })
}

/** The logged-in customer reviews the product: 201 with the review and the status moderation gave it. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateReviewType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const customerId = req.auth_context.actor_id
  let reviewId = ""
  const answered = await answeringConflicts(res, async () => {
    const { result } = await submitReviewWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        product_id: req.params.id,
        order_id: body.order_id ?? null,
        rating: body.rating,
        title: body.title || null,
        content: body.content ?? "",
        quality_rating: body.quality_rating ?? null,
        logistics_rating: body.logistics_rating ?? null,
        service_rating: body.service_rating ?? null,
        images: body.images ?? [],
      },
    })
    reviewId = result.id
  })
  if (answered) {
    res.status(201).json({ review: await retrieveCustomerReview(req.scope, customerId, reviewId) })
  }
}
