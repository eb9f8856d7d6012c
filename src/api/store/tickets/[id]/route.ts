import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveStoreTicket } from "../../../utils/store-tickets"

/** One of the customer's tickets with its public conversation (never the internal notes). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ ticket: await retrieveStoreTicket(req.scope, req.auth_context.actor_id, req.params.id) })
}
