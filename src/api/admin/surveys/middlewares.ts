import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCreateSurvey,
  AdminGetSurveyResultsParams,
  AdminGetSurveysParams,
  AdminSendSurvey,
  AdminUpdateSurvey,
} from "./validators"
import { AdminGetSurveyResponsesParams } from "../survey-responses/validators"
import { AdminUpdateSurveySettings } from "../survey-settings/validators"

const adminAuth = authenticate("user", ["session", "bearer", "api-key"])

export const adminSurveyRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/surveys",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetSurveysParams, { defaults: [], isList: true, defaultLimit: 20 })],
  },
  { method: ["POST"], matcher: "/admin/surveys", middlewares: [adminAuth, validateAndTransformBody(AdminCreateSurvey)] },
  { method: ["GET", "DELETE"], matcher: "/admin/surveys/:id", middlewares: [adminAuth] },
  { method: ["POST"], matcher: "/admin/surveys/:id", middlewares: [adminAuth, validateAndTransformBody(AdminUpdateSurvey)] },
  {
    method: ["GET"],
    matcher: "/admin/surveys/:id/results",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetSurveyResultsParams, { defaults: [], isList: false })],
  },
  { method: ["POST"], matcher: "/admin/surveys/:id/send", middlewares: [adminAuth, validateAndTransformBody(AdminSendSurvey)] },
  { method: ["GET"], matcher: "/admin/survey-settings", middlewares: [adminAuth] },
  { method: ["POST"], matcher: "/admin/survey-settings", middlewares: [adminAuth, validateAndTransformBody(AdminUpdateSurveySettings)] },
  {
    method: ["GET"],
    matcher: "/admin/survey-responses",
    middlewares: [adminAuth, validateAndTransformQuery(AdminGetSurveyResponsesParams, { defaults: [], isList: false })],
  },
]
