import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreCreateReview, StoreGetMyReviewsParams, StoreGetProductReviewsParams, StoreUpdateReview } from "./validators"

const customerAuth = authenticate("customer", ["session", "bearer"])
const list = { defaults: [], isList: true, defaultLimit: 20 }

export const storeReviewRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/products/:id/reviews",
    middlewares: [validateAndTransformQuery(StoreGetProductReviewsParams, list)],
  },
  {
    method: ["POST"],
    matcher: "/store/products/:id/reviews",
    middlewares: [customerAuth, validateAndTransformBody(StoreCreateReview)],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/reviews",
    middlewares: [customerAuth, validateAndTransformQuery(StoreGetMyReviewsParams, list)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/reviews/:id",
    middlewares: [customerAuth, validateAndTransformBody(StoreUpdateReview)],
  },
  { method: ["GET", "DELETE"], matcher: "/store/customers/me/reviews/:id", middlewares: [customerAuth] },
  { method: ["POST"], matcher: "/store/reviews/:id/helpful", middlewares: [customerAuth] },
]
