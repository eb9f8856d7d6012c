import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import type { AdminReviewsResponse } from "../../../types/reviews"
import { adminReviewsPage } from "../../utils/admin-reviews"
import type { AdminGetReviewsParamsType } from "./validators"

/**
 * The moderation queue: reviews by status, rating, product, customer, order
 * and verified, with a text search over title, text and author. Filtered by
 * one product, the answer carries that product's rating summary too.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetReviewsParamsType>,
  res: MedusaResponse<AdminReviewsResponse>
) => {
  const { limit, offset, order, q, verified, ...exact } = req.validatedQuery as AdminGetReviewsParamsType
  const filters: Record<string, unknown> = Object.fromEntries(Object.entries(exact).filter(([, value]) => value !== undefined))
  if (verified !== undefined) {
    filters.verified_purchase = verified
  }
  if (q) {
    const like = { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
    filters.$or = [{ title: like }, { content: like }, { author_name: like }, { response: like }]
  }
  const { reviews, count } = await adminReviewsPage(req.scope, filters, { limit, offset, order })
  const summary = exact.product_id
    ? (await req.scope.resolve<IReviewsModuleService>(CrmModules.REVIEWS).ratingSummaries([exact.product_id]))[exact.product_id]
    : undefined
  res.json({ reviews, count, offset, limit, ...(summary ? { summary } : {}) })
}
