import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

export const storeLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/account",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
