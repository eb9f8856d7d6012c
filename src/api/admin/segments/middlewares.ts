import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateSegment,
  AdminCreateSegmentPromotion,
  AdminGetSegmentCustomersParams,
  AdminGetSegmentsParams,
  AdminPreviewSegment,
  AdminUpdateSegment,
} from "./validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])
const list = { defaults: [], isList: true, defaultLimit: 20 }

export const adminSegmentRoutesMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/segments", middlewares: [adminAuth, validateAndTransformQuery(AdminGetSegmentsParams, list)] },
  { method: ["POST"], matcher: "/admin/segments", middlewares: [adminAuth, validateAndTransformBody(AdminCreateSegment)] },
  { method: ["GET"], matcher: "/admin/segments/fields", middlewares: [adminAuth] },
  { method: ["POST"], matcher: "/admin/segments/preview", middlewares: [adminAuth, validateAndTransformBody(AdminPreviewSegment)] },
  { method: ["GET", "DELETE"], matcher: "/admin/segments/:id", middlewares: [adminAuth] },
  { method: ["POST"], matcher: "/admin/segments/:id", middlewares: [adminAuth, validateAndTransformBody(AdminUpdateSegment)] },
  { method: ["POST"], matcher: "/admin/segments/:id/refresh", middlewares: [adminAuth] },
  {
    method: ["GET"],
    matcher: "/admin/segments/:id/customers",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetSegmentCustomersParams, list)],
  },
  {
    method: ["POST"],
    matcher: "/admin/segments/:id/promotions",
    middlewares: [adminAuth, validateAndTransformBody(AdminCreateSegmentPromotion)],
  },
  { method: ["GET", "POST"], matcher: "/admin/crm/rfm", middlewares: [adminAuth] },
  { method: ["GET"], matcher: "/admin/customers/:id/segments", middlewares: [adminAuth] },
]
