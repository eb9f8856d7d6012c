import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreSurveyResponse } from "./validators"

/** The token in the path is the only credential: no customer login needed. */
export const storeSurveyRoutesMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/surveys/:token/responses", middlewares: [validateAndTransformBody(StoreSurveyResponse)] },
]
