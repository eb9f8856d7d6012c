import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreApplyLoyaltyPoints } from "./validators"

const customerAuth = authenticate("customer", ["session", "bearer"])

export const storeCartLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/loyalty-points",
    middlewares: [customerAuth, validateAndTransformBody(StoreApplyLoyaltyPoints)],
  },
  {
    method: ["DELETE"],
    matcher: "/store/carts/:id/loyalty-points",
    middlewares: [customerAuth],
  },
]
