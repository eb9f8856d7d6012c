import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminAdjustLoyaltyPoints } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminCustomerLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [adminAuth],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [adminAuth, validateAndTransformBody(AdminAdjustLoyaltyPoints)],
  },
]
