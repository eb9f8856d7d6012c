import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"

export const repairRatingSummariesStepId = "crm-repair-rating-summaries"

/** Products checked per transaction. */
const PAGE = 500

const sameSummary = (a: object | undefined, b: object | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Compares every product's kept rating summary with a fresh aggregate of its
 * approved reviews and rewrites the ones that differ (with `repair`).
 * Returns the products that differed. Nothing to compensate: a rewrite only
 * ever makes a summary equal to its reviews.
 */
export const repairRatingSummariesStep = createStep(
  repairRatingSummariesStepId,
  async (input: { repair: boolean }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const productIds = await reviews.reviewedProductIds()
    const differing: string[] = []
    for (let start = 0; start < productIds.length; start += PAGE) {
      const page = productIds.slice(start, start + PAGE)
      const [kept, fresh] = await Promise.all([reviews.keptSummaries(page), reviews.freshSummaries(page)])
      const keptByProduct = new Map(kept.filter((row) => row.review_count > 0).map((row) => [row.product_id, row]))
      const freshByProduct = new Map(fresh.map((row) => [row.product_id, row]))
      const wrong = page.filter((id) => !sameSummary(keptByProduct.get(id), freshByProduct.get(id)))
      if (wrong.length && input.repair) {
        await reviews.rebuildSummaries(wrong)
      }
      differing.push(...wrong)
    }
    return new StepResponse({ checked: productIds.length, differing })
  }
)
