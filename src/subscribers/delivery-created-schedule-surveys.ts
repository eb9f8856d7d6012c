import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { scheduleDeliverySurveysWorkflow } from "../workflows/surveys/workflows/schedule-delivery-surveys"

/** The delivery that completes an order schedules its "delivery" surveys (once per order and survey). */
export default async function scheduleSurveysOnDelivery({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await scheduleDeliverySurveysWorkflow(container).run({ input: { fulfillment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "crm-surveys-schedule-on-delivery" },
}
