import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminCreateLoyaltyCampaign,
  AdminCreateLoyaltyTier,
  AdminUpdateLoyaltyTier,
  AdminGetLoyaltyAccountsParams,
  AdminGetLoyaltyCampaignsParams,
  AdminUpdateLoyaltyCampaign,
  AdminUpdateLoyaltySettings,
} from "./validators"

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
    matcher: "/admin/loyalty/campaigns",
    middlewares: [
      adminAuth,
      validateAndTransformQuery(AdminGetLoyaltyCampaignsParams, { defaults: [], isList: true, defaultLimit: 20 }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns",
    middlewares: [adminAuth, validateAndTransformBody(AdminCreateLoyaltyCampaign)],
  },
  { method: ["GET", "DELETE"], matcher: "/admin/loyalty/campaigns/:id", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/campaigns/:id",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateLoyaltyCampaign)],
  },
  { method: ["GET"], matcher: "/admin/loyalty/tiers", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers",
    middlewares: [adminAuth, validateAndTransformBody(AdminCreateLoyaltyTier)],
  },
  { method: ["POST"], matcher: "/admin/loyalty/tiers/evaluate", middlewares: [adminAuth] },
  { method: ["GET", "DELETE"], matcher: "/admin/loyalty/tiers/:id", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/loyalty/tiers/:id",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateLoyaltyTier)],
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
