import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateTicketWorkflow } from "../../../../workflows/tickets/workflows/update-ticket"
import { retrieveAdminTicket } from "../../../utils/admin-tickets"
import type { AdminUpdateTicketType } from "../validators"

/** The ticket with its whole conversation (internal notes too), SLA, compensation and the customer's standing. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ ticket: await retrieveAdminTicket(req.scope, req.params.id) })
}

/** Status (allowed moves only, 400 otherwise), priority, category, assignee (null unassigns). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateTicketType>, res: MedusaResponse) => {
  await updateTicketWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ ticket: await retrieveAdminTicket(req.scope, req.params.id) })
}
