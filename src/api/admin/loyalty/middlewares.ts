import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminGetLoyaltyAccountsParams, AdminUpdateLoyaltySettings } from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminLoyaltyRoutesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/loyalty/settings", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/settings",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateLoyaltySettings)],
  },
  {
    method: ["GET"],
    matcher: "/admin/loyalty/accounts",
    middlewares: [
      adminAuth,
      validateAndTransformQuery(AdminGetLoyaltyAccountsParams, { defaults: [], isList: true, defaultLimit: 20 }),
    ],
  },
]
