import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STORE_REVIEW_FIELDS, type StoreCustomerReview, type StoreReview } from "../../types/reviews"

const CUSTOMER_REVIEW_FIELDS = [
  ...STORE_REVIEW_FIELDS,
  "status",
  "status_reason",
  "order_id",
  "product.id",
  "product.title",
  "product.handle",
  "product.thumbnail",
]

export const toStoreReview = (review: Record<string, any>): StoreReview =>
  Object.fromEntries(STORE_REVIEW_FIELDS.map((field) => [field, review[field]])) as StoreReview

const toCustomerReview = (review: Record<string, any>): StoreCustomerReview => ({
  ...toStoreReview(review),
  status: review.status,
  status_reason: review.status_reason ?? null,
  order_id: review.order_id ?? null,
  product: review.product ?? null,
})

/** The customer's own reviews (any status), newest first, with their product. */
export async function customerReviewsPage(
  scope: MedusaContainer,
  customerId: string,
  page: { limit: number; offset: number }
): Promise<{ reviews: StoreCustomerReview[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "review",
    fields: CUSTOMER_REVIEW_FIELDS,
    filters: { customer_id: customerId },
    pagination: { take: page.limit, skip: page.offset, order: { created_at: "DESC", id: "DESC" } },
  })
  return { reviews: data.map(toCustomerReview), count: metadata?.count ?? data.length }
}

/** One of the customer's own reviews; another customer's is "not found". */
export async function retrieveCustomerReview(scope: MedusaContainer, customerId: string, id: string): Promise<StoreCustomerReview> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [review],
  } = await query.graph({ entity: "review", fields: CUSTOMER_REVIEW_FIELDS, filters: { id, customer_id: customerId } })
  if (!review) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Review with id: ${id} was not found`)
  }
  return toCustomerReview(review)
}
