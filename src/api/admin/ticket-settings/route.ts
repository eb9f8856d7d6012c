import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type TicketsModuleService from "../../../modules/tickets/service"
import { CrmModules } from "../../../types/modules"
import { updateTicketSettingsWorkflow } from "../../../workflows/tickets/workflows/update-ticket-settings"
import type { AdminUpdateTicketSettingsType } from "./validators"

/** SLA targets per priority, business hours, auto-close and the escalation address. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ settings: await req.scope.resolve<TicketsModuleService>(CrmModules.TICKETS).loadTicketSettings() })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTicketSettingsType>, res: MedusaResponse) => {
  const { result } = await updateTicketSettingsWorkflow(req.scope).run({
    input: { settings: req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ settings: result })
}
