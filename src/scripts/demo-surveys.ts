import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type SurveysModuleService from "../modules/surveys/service"
import { CrmModules } from "../types/modules"
import type { SurveyAnswer, SurveyType } from "../types/surveys"
import type { SurveyFields } from "../workflows/surveys/steps/prepare-survey"
import { createSurveyWorkflow } from "../workflows/surveys/workflows/create-survey"
import { submitSurveyResponseWorkflow } from "../workflows/surveys/workflows/submit-survey-response"

const DAY = 86_400_000

/** What the demo's customers answer: a score and, now and then, why. */
const NPS_ANSWERS: [number, string | null][] = [
  [10, "Great quality and it arrived in two days."],
  [9, null],
  [10, null],
  [8, "Good, but the parcel was battered."],
  [9, "Lovely fabric."],
  [7, null],
  [3, "The shirt shrank after the first wash."],
  [10, null],
  [6, "Delivery took a week."],
  [9, null],
  [8, null],
  [10, "My third order, never disappointed."],
]

/**
 * The demo's surveys: an NPS survey after delivery with three months of
 * answers (some about the customers' orders, so the order widget shows
 * them), a CSAT survey after resolved tickets, a custom packaging survey.
 * Answers go through the plugin's workflows, so detractors open tickets.
 * Skipped when surveys exist.
 */
export async function seedDemoSurveys(container: MedusaContainer, input: { customer_ids: string[] }): Promise<number> {
  const surveys: SurveysModuleService = container.resolve(CrmModules.SURVEYS)
  const [, existing] = await surveys.listAndCountSurveys({}, { take: 1, withDeleted: true })
  if (existing > 0) {
    return 0
  }
  const create = async (input: SurveyFields & { name: string; type: SurveyType }) => (await createSurveyWorkflow(container).run({ input })).result
  const nps = await create({ name: "How did we do? (after delivery)", type: "nps", trigger: { event: "delivery", delay_hours: 72 }, active: true, completion_points: 20 })
  await create({ name: "Support satisfaction", type: "csat", trigger: { event: "ticket_resolved", delay_hours: 1 }, active: true })
  await create({
    name: "Packaging",
    type: "custom",
    active: false,
    questions: [
      { id: "box", type: "rating", label: "How did the box arrive?", required: true, max: 5 },
      { id: "inside", type: "multiple_choice", label: "What was inside?", required: false, options: ["Thank-you card", "Sticker", "Sample"] },
      { id: "note", type: "text", label: "Anything we should change?", required: false },
    ],
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customers = input.customer_ids.slice(0, NPS_ANSWERS.length * 3)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "customer_id", "display_id", "email"], filters: { customer_id: customers } })
  const orderOf = new Map(orders.map((order) => [order.customer_id as string, order]))
  const { frequency_cap_days } = await surveys.loadSurveySettings()
  await surveys.changeSurveySettings({ frequency_cap_days: 0 })
  const now = Date.now()
  let answered = 0
  for (const [index, customerId] of customers.entries()) {
    const order = orderOf.get(customerId)
    const sentAt = new Date(now - (90 - index * 2) * DAY)
    await surveys.scheduleInvitations([
      {
        survey_id: nps.id,
        customer_id: customerId,
        source_type: order ? "order" : "manual",
        source_id: (order?.id as string) ?? null,
        source_display_id: order?.display_id != null ? Number(order.display_id) : null,
        email: (order?.email as string) ?? `${customerId}@crm-demo.local`,
        due_at: sentAt,
      },
    ])
    const { sent } = await surveys.claimDueInvitations(sentAt, 10)
    // Two in three answer.
    if (index % 3 === 2) continue
    const [score, why] = NPS_ANSWERS[answered % NPS_ANSWERS.length]
    const answers: SurveyAnswer[] = [{ question_id: "score", value: score }, ...(why ? [{ question_id: "why", value: why }] : [])]
    for (const invitation of sent) {
      await submitSurveyResponseWorkflow(container).run({ input: { token: invitation.token, answers, now: new Date(sentAt.getTime() + DAY) } })
      answered += 1
    }
  }
  await surveys.changeSurveySettings({ frequency_cap_days })
  return answered
}
