import { MedusaService } from "@medusajs/framework/utils"
import Survey from "./models/survey"
import SurveyInvitation from "./models/survey-invitation"
import SurveyResponse from "./models/survey-response"

/**
 * Surveys: their definitions, the invitations (token hashes only) and the
 * answers. The scoring (`scores.ts`), token (`tokens.ts`) and answer
 * checks (`answers.ts`) are pure.
 */
class SurveysModuleService extends MedusaService({ Survey, SurveyInvitation, SurveyResponse }) {}

export default SurveysModuleService
