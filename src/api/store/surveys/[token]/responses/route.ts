import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submitSurveyResponseWorkflow } from "../../../../../workflows/surveys/workflows/submit-survey-response"
import { answeringConflicts } from "../../../../utils/conflict"
import { reviewProductsFor } from "../../../../utils/review-prompt"
import type { StoreSurveyResponseType } from "../../validators"

/**
 * Answers a survey through its link: 201 with the response (and, for a
 * promoter of an order survey, the products to review); 400 for answers
 * that do not fit the questions, 404 unknown link, 409 already answered,
 * 410 expired.
 */
export const POST = async (req: MedusaRequest<StoreSurveyResponseType>, res: MedusaResponse) => {
  await answeringConflicts(res, async () => {
    const {
      result: { response, invitation },
    } = await submitSurveyResponseWorkflow(req.scope).run({
      input: { token: req.params.token, answers: req.validatedBody.answers },
    })
    res.status(201).json({
      response: { id: response.id, survey_id: response.survey_id, score: response.score, answers: response.answers, created_at: response.created_at },
      review_products: await reviewProductsFor(req.scope, invitation, response),
    })
  })
}
