import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addTicketMessageWorkflow } from "../../../../../workflows/tickets/workflows/add-ticket-message"
import { answeringConflicts } from "../../../../utils/conflict"
import { retrieveStoreTicket } from "../../../../utils/store-tickets"
import type { StoreTicketMessageType } from "../../validators"

/** The customer replies: a wait on them ends, a resolved ticket reopens; a closed one is a 409. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreTicketMessageType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const answered = await answeringConflicts(res, () =>
    addTicketMessageWorkflow(req.scope).run({
      input: {
        ticket_id: req.params.id,
        customer_id: customerId,
        message: { author_type: "customer", author_id: customerId, body: req.validatedBody.body, internal: false },
      },
    })
  )
  if (answered) {
    res.json({ ticket: await retrieveStoreTicket(req.scope, customerId, req.params.id) })
  }
}
