import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminCustomerLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [adminAuth],
  },
]
