import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type TicketsModuleService from "../../../../modules/tickets/service"
import { CrmModules } from "../../../../types/modules"
import { deleteTicketMacroWorkflow } from "../../../../workflows/tickets/workflows/delete-ticket-macro"
import { updateTicketMacroWorkflow } from "../../../../workflows/tickets/workflows/update-ticket-macro"
import type { AdminUpdateTicketMacroType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ ticket_macro: await req.scope.resolve<TicketsModuleService>(CrmModules.TICKETS).retrieveTicketMacro(req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTicketMacroType>, res: MedusaResponse) => {
  const { result } = await updateTicketMacroWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ ticket_macro: result })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteTicketMacroWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "ticket_macro", deleted: true })
}
