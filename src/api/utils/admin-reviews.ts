import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REVIEW_ORDER_COLUMNS, STORE_REVIEW_FIELDS, type AdminReview, type AdminReviewDetail, type ReviewOrder } from "../../types/reviews"

/** A review as moderators see it, with its product and author through the module links. */
export const ADMIN_REVIEW_FIELDS = [
  ...STORE_REVIEW_FIELDS,
  "customer_id",
  "order_id",
  "order_line_item_id",
  "status",
  "status_reason",
  "auto_moderation",
  "responded_by",
  "updated_at",
  "product.id",
  "product.title",
  "product.handle",
  "product.thumbnail",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
]

const toAdminReview = (review: Record<string, any>): AdminReview =>
  ({ ...review, product: review.product ?? null, customer: review.customer ?? null }) as AdminReview

/** `-created_at` -> `{ created_at: "DESC", id: "DESC" }`: the storefront's columns, in Query's form. */
const orderOf = (order: ReviewOrder): Record<string, "ASC" | "DESC"> =>
  Object.fromEntries(REVIEW_ORDER_COLUMNS[order].map(([column, direction]) => [column, direction === "asc" ? "ASC" : "DESC"]))

export async function adminReviewsPage(
  scope: MedusaContainer,
  filters: Record<string, unknown>,
  page: { limit: number; offset: number; order: ReviewOrder }
): Promise<{ reviews: AdminReview[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "review",
    fields: ADMIN_REVIEW_FIELDS,
    filters,
    pagination: { take: page.limit, skip: page.offset, order: orderOf(page.order) },
  })
  return { reviews: data.map(toAdminReview), count: metadata?.count ?? data.length }
}

/** One review with its whole moderation history, oldest first. */
export async function retrieveAdminReview(scope: MedusaContainer, id: string): Promise<AdminReviewDetail> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [review],
  } = await query.graph({
    entity: "review",
    fields: [
      ...ADMIN_REVIEW_FIELDS,
      "moderation.id",
      "moderation.event",
      "moderation.from_status",
      "moderation.to_status",
      "moderation.reason",
      "moderation.actor_type",
      "moderation.actor_id",
      "moderation.created_at",
    ],
    filters: { id },
  })
  if (!review) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Review with id: ${id} was not found`)
  }
  const moderation = [...(review.moderation ?? [])].sort(
    (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || String(a.id).localeCompare(String(b.id))
  )
  return { ...toAdminReview(review), moderation } as AdminReviewDetail
}
