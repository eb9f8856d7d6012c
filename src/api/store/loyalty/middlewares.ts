import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetLoyaltyTransactionsParams } from "./validators"

const customerAuth = authenticate("customer", ["session", "bearer"])

export const storeLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/loyalty/account",
    middlewares: [customerAuth],
  },
  {
    method: ["GET"],
    matcher: "/store/loyalty/transactions",
    middlewares: [
      customerAuth,
      validateAndTransformQuery(StoreGetLoyaltyTransactionsParams, { defaults: [], isList: true, defaultLimit: 20 }),
    ],
  },
]
