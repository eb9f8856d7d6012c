import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReviewEvents } from "../types/reviews"
import type { ReviewEventData } from "../workflows/reviews/events"
import { awardReviewPointsWorkflow } from "../workflows/reviews/workflows/award-review-points"

/** An approved review earns the review bonus (once per product and customer). */
export default async function awardPointsOnReviewApproved({ event: { data }, container }: SubscriberArgs<ReviewEventData>) {
  await awardReviewPointsWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: ReviewEvents.APPROVED,
  context: { subscriberId: "crm-reviews-award-points-on-approved" },
}
