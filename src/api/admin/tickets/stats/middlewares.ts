import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetTicketStatsParams } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminTicketStatsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/tickets/stats",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetTicketStatsParams, { defaults: [] })],
  },
]
