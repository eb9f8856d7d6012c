import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCompensateTicket, AdminCreateTicket, AdminGetTicketsParams, AdminTicketMessage, AdminUpdateTicket } from "./validators"

/** `/admin/tickets/stats` is matched by `/admin/tickets/:id` too: the `:id` entries validate nothing on GET. */
export const adminTicketRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/tickets",
    middlewares: [validateAndTransformQuery(AdminGetTicketsParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  { method: ["POST"], matcher: "/admin/tickets", middlewares: [validateAndTransformBody(AdminCreateTicket)] },
  { method: ["POST"], matcher: "/admin/tickets/:id", middlewares: [validateAndTransformBody(AdminUpdateTicket)] },
  { method: ["POST"], matcher: "/admin/tickets/:id/messages", middlewares: [validateAndTransformBody(AdminTicketMessage)] },
  { method: ["POST"], matcher: "/admin/tickets/:id/compensation", middlewares: [validateAndTransformBody(AdminCompensateTicket)] },
]
