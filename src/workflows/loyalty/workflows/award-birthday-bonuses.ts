import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planBirthdayBonusesStep } from "../steps/plan-birthday-bonuses"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const awardBirthdayBonusesWorkflowId = "crm-award-birthday-bonuses"

/** Pays today's birthday bonuses; re-running the same day pays nothing more. */
export const awardBirthdayBonusesWorkflow = createWorkflow(
  awardBirthdayBonusesWorkflowId,
  (input: { day: Date | string }) => {
    const postings = planBirthdayBonusesStep(input)
    return new WorkflowResponse(postLedgerEntriesStep({ postings }))
  }
)
