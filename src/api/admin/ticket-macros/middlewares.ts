import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCreateTicketMacro, AdminGetTicketMacrosParams, AdminRenderTicketMacro, AdminUpdateTicketMacro } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminTicketMacroRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/ticket-macros",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetTicketMacrosParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  {
    method: ["POST"],
    matcher: "/admin/ticket-macros",
    middlewares: [adminAuth, validateAndTransformBody(AdminCreateTicketMacro)],
  },
  { method: ["GET", "DELETE"], matcher: "/admin/ticket-macros/:id", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/ticket-macros/:id",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateTicketMacro)],
  },
  {
    method: ["POST"],
    matcher: "/admin/ticket-macros/:id/render",
    middlewares: [adminAuth, validateAndTransformBody(AdminRenderTicketMacro)],
  },
]
