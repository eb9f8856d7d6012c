import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCampaignStep, CreateCampaignInput } from "../steps/create-campaign"

export const createLoyaltyCampaignWorkflowId = "crm-create-loyalty-campaign"

export const createLoyaltyCampaignWorkflow = createWorkflow(
  createLoyaltyCampaignWorkflowId,
  (input: CreateCampaignInput) => new WorkflowResponse(createCampaignStep(input))
)
