import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { compensateTicketWorkflow, type CompensateTicketInput } from "../../../../../workflows/tickets/workflows/compensate-ticket"
import { retrieveAdminTicket } from "../../../../utils/admin-tickets"
import { answeringConflicts } from "../../../../utils/conflict"
import type { AdminCompensateTicketType } from "../../validators"

/** Points (through the loyalty ledger, once per ticket) or a one-time promotion code for the customer; 409 for a second of a kind. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCompensateTicketType>, res: MedusaResponse) => {
  const { points, promotion } = req.validatedBody
  const input = {
    ticket_id: req.params.id,
    actor_id: req.auth_context.actor_id,
    ...(points !== undefined ? { points } : { promotion }),
  } as CompensateTicketInput
  const answered = await answeringConflicts(res, () => compensateTicketWorkflow(req.scope).run({ input }))
  if (answered) {
    res.json({ ticket: await retrieveAdminTicket(req.scope, req.params.id) })
  }
}
