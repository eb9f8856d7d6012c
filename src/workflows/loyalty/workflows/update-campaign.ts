import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCampaignStep, UpdateCampaignInput } from "../steps/update-campaign"

export const updateLoyaltyCampaignWorkflowId = "crm-update-loyalty-campaign"

export const updateLoyaltyCampaignWorkflow = createWorkflow(
  updateLoyaltyCampaignWorkflowId,
  (input: UpdateCampaignInput) => new WorkflowResponse(updateCampaignStep(input))
)
