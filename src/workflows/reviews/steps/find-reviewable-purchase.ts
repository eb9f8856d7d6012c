import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type ReviewsModuleService from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import type { ReviewSettingsDTO } from "../../../types/reviews"

export const findReviewablePurchaseStepId = "crm-find-reviewable-purchase"

export type ReviewablePurchase = {
  order_id: string | null
  order_line_item_id: string | null
  verified_purchase: boolean
}

type Input = {
  customer_id: string
  product_id: string
  /** The purchase the customer is reviewing, when they say. */
  order_id?: string | null
  settings: ReviewSettingsDTO
}

const NOT_BOUGHT = ["canceled", "draft"]

/**
 * Ties the review to a purchase: the newest line of the product, in one of
 * the customer's orders (or the one they named), that has been fulfilled or
 * delivered and not yet reviewed. Without one the review is unverified, or
 * refused (403) when the store requires verified purchases.
 */
export const findReviewablePurchaseStep = createStep(
  findReviewablePurchaseStepId,
  async (input: Input, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: input.product_id } })
    if (!products.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${input.product_id} was not found`)
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "status", "created_at", "items.id", "items.product_id", "items.detail.fulfilled_quantity"],
      filters: { customer_id: input.customer_id, ...(input.order_id ? { id: input.order_id } : {}) },
    })
    if (input.order_id && !orders.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    const fulfilledLines = orders
      .filter((order) => !NOT_BOUGHT.includes(order.status as string))
      .sort((a, b) => new Date(b.created_at as Date).getTime() - new Date(a.created_at as Date).getTime())
      .flatMap((order) =>
        (order.items ?? [])
          .filter((item: any) => item?.product_id === input.product_id && MathBN.gt(MathBN.convert(item.detail?.fulfilled_quantity ?? 0), 0))
          .map((item: any) => ({ order_id: order.id as string, order_line_item_id: item.id as string }))
      )
    const reviews: ReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const reviewed = fulfilledLines.length
      ? new Set(
          (
            await reviews.listReviews(
              { customer_id: input.customer_id, order_line_item_id: fulfilledLines.map((line) => line.order_line_item_id) },
              { select: ["order_line_item_id"] }
            )
          ).map((review) => review.order_line_item_id)
        )
      : new Set<string>()
    const line = fulfilledLines.find((candidate) => !reviewed.has(candidate.order_line_item_id))
    if (line) {
      return new StepResponse<ReviewablePurchase>({ ...line, verified_purchase: true })
    }
    if (fulfilledLines.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "You have already reviewed this product")
    }
    if (input.order_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order ${input.order_id} has no fulfilled item of this product to review`)
    }
    if (input.settings.require_verified_purchase) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Only customers who bought this product can review it, once their order has been fulfilled"
      )
    }
    return new StepResponse<ReviewablePurchase>({ order_id: null, order_line_item_id: null, verified_purchase: false })
  }
)
