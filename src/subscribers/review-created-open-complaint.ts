import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReviewEvents } from "../types/reviews"
import type { ReviewEventData } from "../workflows/reviews/events"
import { openTicketFromReviewWorkflow } from "../workflows/tickets/workflows/open-ticket-from-review"

/**
 * A new low review (and one edited down to a low rating, `crm.review.low_rating`)
 * opens a complaint ticket linked to it: one per review, whichever event
 * arrives and however often.
 */
export default async function openComplaintOnLowReview({ event: { data }, container }: SubscriberArgs<ReviewEventData>) {
  await openTicketFromReviewWorkflow(container).run({ input: { review_id: data.id } })
}

export const config: SubscriberConfig = {
  event: [ReviewEvents.CREATED, ReviewEvents.LOW_RATING],
  context: { subscriberId: "crm-tickets-open-on-low-review" },
}
