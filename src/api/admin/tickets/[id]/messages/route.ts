import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addTicketMessageWorkflow } from "../../../../../workflows/tickets/workflows/add-ticket-message"
import { retrieveAdminTicket } from "../../../../utils/admin-tickets"
import { answeringConflicts } from "../../../../utils/conflict"
import type { AdminTicketMessageType } from "../../validators"

/** A reply to the customer (e-mailed to them) or an internal note (`internal: true`, never shown to them). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminTicketMessageType>, res: MedusaResponse) => {
  const { body, internal, status } = req.validatedBody
  const answered = await answeringConflicts(res, () =>
    addTicketMessageWorkflow(req.scope).run({
      input: {
        ticket_id: req.params.id,
        status,
        message: { author_type: "user", author_id: req.auth_context.actor_id, body, internal },
      },
    })
  )
  if (answered) {
    res.json({ ticket: await retrieveAdminTicket(req.scope, req.params.id) })
  }
}
