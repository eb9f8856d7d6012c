import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { LoyaltyEvents } from "../../loyalty/events"
import { claimTierChangesStep } from "../steps/claim-tier-changes"
import { planTierChangeNoticesStep } from "../steps/plan-tier-change-notices"
import { syncTierGroupsStep } from "../steps/sync-tier-groups"

export const processTierChangesWorkflowId = "crm-process-tier-changes"

/**
 * Follows up up to `limit` logged tier moves: the members' customer groups,
 * `crm.loyalty.tier_changed` per move, and the upgrade e-mails. A move is
 * claimed once, so replays and parallel workers do each follow-up once.
 */
export const processTierChangesWorkflow = createWorkflow(
  processTierChangesWorkflowId,
  (input: { limit: number; customer_ids?: string[] }) => {
    const changes = claimTierChangesStep(input)
    const groups = syncTierGroupsStep(
      transform({ changes }, ({ changes }) => ({ customer_ids: changes.map((change) => change.customer_id) }))
    )
    const notices = planTierChangeNoticesStep(changes)
    when("crm-tier-changes-when-events", { notices }, ({ notices }) => notices.events.length > 0).then(() => {
      emitEventStep({
        eventName: LoyaltyEvents.TIER_CHANGED,
        data: transform({ notices }, ({ notices }) => notices.events),
      })
    })
    when("crm-tier-changes-when-emails", { notices }, ({ notices }) => notices.emails.length > 0).then(() => {
      sendCrmEmailsWorkflow.runAsStep({ input: transform({ notices }, ({ notices }) => ({ emails: notices.emails })) })
    })
    return new WorkflowResponse(
      transform({ changes, groups }, ({ changes, groups }) => ({ processed: changes.length, ...groups }))
    )
  }
)
