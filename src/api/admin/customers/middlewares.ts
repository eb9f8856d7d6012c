import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminAdjustLoyaltyPoints, AdminGetCustomerLoyaltyTransactionsParams } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminCustomerLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [adminAuth],
  },
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/loyalty/transactions",
    middlewares: [
      adminAuth,
      validateAndTransformQuery(AdminGetCustomerLoyaltyTransactionsParams, { defaults: [], isList: true, defaultLimit: 20 }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [adminAuth, validateAndTransformBody(AdminAdjustLoyaltyPoints)],
  },
]
