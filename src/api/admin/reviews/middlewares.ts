import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminBatchModerateReviews,
  AdminGetReviewsParams,
  AdminModerateReview,
  AdminRespondToReview,
  AdminUpdateReviewSettings,
} from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminReviewRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/reviews",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetReviewsParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  { method: ["GET"], matcher: "/admin/reviews/settings", middlewares: [adminAuth] },
  {
    method: ["POST"],
    matcher: "/admin/reviews/settings",
    middlewares: [adminAuth, validateAndTransformBody(AdminUpdateReviewSettings)],
  },
  {
    method: ["POST"],
    matcher: "/admin/reviews/batch",
    middlewares: [adminAuth, validateAndTransformBody(AdminBatchModerateReviews)],
  },
  { method: ["GET"], matcher: "/admin/reviews/:id", middlewares: [adminAuth] },
  ...["approve", "reject", "flag"].map((action) => ({
    method: ["POST" as const],
    matcher: `/admin/reviews/:id/${action}`,
    middlewares: [adminAuth, validateAndTransformBody(AdminModerateReview)],
  })),
  {
    method: ["POST"],
    matcher: "/admin/reviews/:id/response",
    middlewares: [adminAuth, validateAndTransformBody(AdminRespondToReview)],
  },
  { method: ["DELETE"], matcher: "/admin/reviews/:id/response", middlewares: [adminAuth] },
]
