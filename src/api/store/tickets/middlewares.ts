import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreCreateTicket, StoreGetTicketsParams, StoreRateTicket, StoreTicketMessage } from "./validators"

const customerAuth = authenticate("customer", ["session", "bearer"])

export const storeTicketRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/tickets",
    middlewares: [customerAuth, validateAndTransformQuery(StoreGetTicketsParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  { method: ["POST"], matcher: "/store/tickets", middlewares: [customerAuth, validateAndTransformBody(StoreCreateTicket)] },
  { method: ["GET"], matcher: "/store/tickets/:id", middlewares: [customerAuth] },
  {
    method: ["POST"],
    matcher: "/store/tickets/:id/messages",
    middlewares: [customerAuth, validateAndTransformBody(StoreTicketMessage)],
  },
  { method: ["POST"], matcher: "/store/tickets/:id/rating", middlewares: [customerAuth, validateAndTransformBody(StoreRateTicket)] },
]
