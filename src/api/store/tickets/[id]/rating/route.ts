import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rateTicketWorkflow } from "../../../../../workflows/tickets/workflows/rate-ticket"
import { answeringConflicts } from "../../../../utils/conflict"
import { retrieveStoreTicket } from "../../../../utils/store-tickets"
import type { StoreRateTicketType } from "../../validators"

/** The customer rates the handling once the ticket is resolved; once (409 before resolution or a second time). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRateTicketType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const answered = await answeringConflicts(res, () =>
    rateTicketWorkflow(req.scope).run({
      input: { id: req.params.id, customer_id: customerId, score: req.validatedBody.score, comment: req.validatedBody.comment ?? null },
    })
  )
  if (answered) {
    res.json({ ticket: await retrieveStoreTicket(req.scope, customerId, req.params.id) })
  }
}
