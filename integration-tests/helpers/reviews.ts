import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import type ReviewsModuleService from "../../src/modules/reviews/service"
import { CrmModules } from "../../src/types/modules"
import { registerMember } from "./auth"
import type { StoreFixtures } from "./store"

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

/**
 * A review of the fixtures' product by a new member; its text names the
 * author so that the duplicate-text rule stays quiet unless a test wants it.
 */
export async function writeReview(
  api: AxiosInstance,
  container: MedusaContainer,
  fixtures: StoreFixtures,
  email: string,
  rating: number,
  extra: object = {}
) {
  const customer = await registerMember(api, container, fixtures.publishableKey, email)
  const { data } = await api.post(
    `/store/products/${fixtures.productId}/reviews`,
    { rating, content: `Review by ${email}, rated ${rating}.`, ...extra },
    { headers: customer.headers }
  )
  return { ...customer, review: data.review }
}
