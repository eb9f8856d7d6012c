import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReviewEvents } from "../types/reviews"
import { sendReviewReplyEmailWorkflow } from "../workflows/reviews/workflows/send-review-reply-email"

/** The store replied to a review: the author gets an e-mail (once per review). */
export default async function emailAuthorOnReviewResponded({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await sendReviewReplyEmailWorkflow(container).run({ input: { id: data.id } })
}

export const config: SubscriberConfig = {
  event: ReviewEvents.RESPONDED,
  context: { subscriberId: "crm-reviews-email-author-on-responded" },
}
