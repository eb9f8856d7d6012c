import type { MedusaContainer } from "@medusajs/framework/types"
import type ReviewsModuleService from "../modules/reviews/service"
import { CrmModules } from "../types/modules"
import { moderateReviewsWorkflow } from "../workflows/reviews/workflows/moderate-reviews"
import { respondToReviewWorkflow } from "../workflows/reviews/workflows/respond-to-review"
import { submitReviewWorkflow } from "../workflows/reviews/workflows/submit-review"

/** What customers of the demo store say: rating, title, text, and what the moderator does. */
const DEMO_REVIEWS: { rating: number; title: string | null; content: string; then?: "approve" | "reject" | "reply" }[] = [
  { rating: 5, title: "Exactly as pictured", content: "Fits well, the fabric feels sturdy and it survived a dozen washes.", then: "approve" },
  { rating: 4, title: "Good value", content: "Nice quality for the price. Shipping took a day longer than promised.", then: "approve" },
  { rating: 5, title: null, content: "", then: "approve" },
  { rating: 2, title: "Colour faded", content: "After three washes the colour is noticeably lighter. Disappointed.", then: "reply" },
  { rating: 5, title: "Gift hit", content: "Bought it for my brother, he wears it every weekend now.", then: "approve" },
  { rating: 3, title: "Okay", content: "Does the job, nothing special. Packaging was nice though.", then: "approve" },
  { rating: 1, title: "Check my shop instead", content: "Cheaper and better at www.example-deals.test, trust me", then: "reject" },
  { rating: 4, title: "Comfortable", content: "Runs slightly large; I would size down next time." },
  { rating: 5, title: "LOVE IT", content: "BEST PURCHASE I HAVE MADE ALL YEAR, BUYING TWO MORE" },
  { rating: 4, title: "Solid", content: "Well made and arrived quickly. Would buy again." },
]

/**
 * A few dozen reviews for the demo store's admin: submitted through the
 * plugin's workflow (auto-moderation decides), then a moderator approves,
 * rejects or replies to some, so the queue, the history and the summaries
 * all have something to show. Skipped when the products already have reviews.
 */
export async function seedDemoReviews(
  container: MedusaContainer,
  input: { customer_ids: string[]; product_ids: string[] }
): Promise<number> {
  const reviews: ReviewsModuleService = container.resolve(CrmModules.REVIEWS)
  const [, existing] = await reviews.listAndCountReviews({ product_id: input.product_ids }, { take: 1 })
  if (existing > 0) {
    return 0
  }
  // Demo orders are never fulfilled, so none of these is a verified purchase; approve by hand.
  let written = 0
  for (const [index, customerId] of input.customer_ids.entries()) {
    const productId = input.product_ids[index % input.product_ids.length]
    const planned = DEMO_REVIEWS[index % DEMO_REVIEWS.length]
    const { result } = await submitReviewWorkflow(container).run({
      input: {
        customer_id: customerId,
        product_id: productId,
        rating: planned.rating,
        title: planned.title,
        content: planned.content,
        quality_rating: planned.rating,
        logistics_rating: null,
        service_rating: null,
        images: [],
      },
    })
    written += 1
    if (planned.then === "approve" || planned.then === "reply") {
      await moderateReviewsWorkflow(container).run({ input: { changes: [{ ids: [result.id], status: "approved" }], actor_id: null } })
    }
    if (planned.then === "reject") {
      await moderateReviewsWorkflow(container).run({
        input: { changes: [{ ids: [result.id], status: "rejected" }], reason: "Advertises another shop", actor_id: null },
      })
    }
    if (planned.then === "reply") {
      await respondToReviewWorkflow(container).run({
        input: { id: result.id, response: "Sorry to hear that! Please wash at 30°C inside out; we have sent you a replacement.", actor_id: null },
      })
    }
  }
  return written
}
