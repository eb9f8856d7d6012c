import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewInvitation } from "../../../modules/surveys/invitations"
import { segmentsOf } from "../../segments/steps/segments-of"
import { surveysOf } from "./surveys-of"

export const planManualInvitationsStepId = "crm-plan-manual-survey-invitations"

/** Who a manual send goes to: listed customers, a customer group, or a segment. */
export type ManualRecipients = { customer_ids?: string[]; customer_group_id?: string; segment_id?: string }

type Recipient = { id: string; email: string | null }

async function recipientsOf(container: MedusaContainer, to: ManualRecipients): Promise<Recipient[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (to.segment_id) {
    const segments = segmentsOf(container)
    await segments.retrieveSegment(to.segment_id, { select: ["id"] })
    return await customersWithEmails(container, await segments.segmentMemberIds(to.segment_id))
  }
  if (to.customer_group_id) {
    const { data: groups } = await query.graph({
      entity: "customer_group",
      fields: ["id", "customers.id", "customers.email"],
      filters: { id: to.customer_group_id },
    })
    if (!groups.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer group ${to.customer_group_id} was not found`)
    }
    return (groups[0].customers ?? []).filter(Boolean).map((customer: any) => ({ id: customer.id, email: customer.email ?? null }))
  }
  const ids = [...new Set(to.customer_ids ?? [])]
  const customers = await customersWithEmails(container, ids)
  const found = new Set(customers.map((customer) => customer.id))
  const unknown = ids.filter((id) => !found.has(id))
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown customers: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? "..." : ""}`)
  }
  return customers
}

async function customersWithEmails(container: MedusaContainer, ids: string[]): Promise<Recipient[]> {
  if (!ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: ids } })
  return customers.map((customer) => ({ id: customer.id as string, email: (customer.email as string | null) ?? null }))
}

/**
 * A manual send: an invitation due now for each recipient, except those
 * without an e-mail address, those already waiting for this survey, and
 * those invited within the frequency cap (`skipped`). The survey must exist.
 */
export const planManualInvitationsStep = createStep(
  planManualInvitationsStepId,
  async (input: ManualRecipients & { survey_id: string; now: Date | string }, { container }) => {
    const surveys = surveysOf(container)
    await surveys.retrieveSurvey(input.survey_id)
    const now = new Date(input.now)
    const recipients = await recipientsOf(container, input)
    const excluded = await surveys.customersNotToInvite(
      input.survey_id,
      recipients.map((recipient) => recipient.id),
      now
    )
    const invitations = recipients
      .filter((recipient) => recipient.email && !excluded.has(recipient.id))
      .map(
        (recipient): NewInvitation => ({
          survey_id: input.survey_id,
          customer_id: recipient.id,
          source_type: "manual",
          source_id: null,
          source_display_id: null,
          email: recipient.email,
          due_at: now,
        })
      )
    return new StepResponse({ invitations, skipped: recipients.length - invitations.length })
  }
)
