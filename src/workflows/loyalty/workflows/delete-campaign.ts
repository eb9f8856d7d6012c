import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCampaignStep } from "../steps/delete-campaign"

export const deleteLoyaltyCampaignWorkflowId = "crm-delete-loyalty-campaign"

export const deleteLoyaltyCampaignWorkflow = createWorkflow(
  deleteLoyaltyCampaignWorkflowId,
  (input: { id: string }) => new WorkflowResponse(deleteCampaignStep(input.id))
)
