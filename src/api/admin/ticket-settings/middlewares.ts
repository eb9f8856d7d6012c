import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateTicketSettings } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminTicketSettingsRoutesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/ticket-settings", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/ticket-settings",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateTicketSettings)],
  },
]
