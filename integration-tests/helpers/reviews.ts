import type { MedusaContainer } from "@medusajs/framework/types"
import type ReviewsModuleService from "../../src/modules/reviews/service"
import { CrmModules } from "../../src/types/modules"

export const reviewsOf = (container: MedusaContainer): ReviewsModuleService => container.resolve(CrmModules.REVIEWS)

/** Every review row, deleted or not: "nothing written" checks count these. */
export async function reviewRowCount(container: MedusaContainer): Promise<number> {
  const [, count] = await reviewsOf(container).listAndCountReviews({}, { withDeleted: true, take: 1 })
  return count
}

/** Moderation that approves everything clean and limits nothing, so a test sets only what it checks. */
export async function permissiveModeration(container: MedusaContainer) {
  await reviewsOf(container).changeReviewSettings({ auto_approve: "all", rate_limit_count: 0 })
}
