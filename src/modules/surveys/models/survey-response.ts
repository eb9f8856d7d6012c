import { model } from "@medusajs/framework/utils"

/**
 * A customer's answers to one invitation (at most one per invitation).
 * `score` is the survey's main number (NPS 0-10, CSAT 1-5) for the
 * results; `answers` the list of SurveyAnswer.
 */
const SurveyResponse = model
  .define(
    { name: "SurveyResponse", tableName: "crm_survey_response" },
    {
      id: model.id({ prefix: "srvres" }).primaryKey(),
      survey_id: model.text(),
      invitation_id: model.text(),
      customer_id: model.text(),
      order_id: model.text().nullable(),
      ticket_id: model.text().nullable(),
      score: model.number().nullable(),
      answers: model.json().default([] as unknown as Record<string, unknown>),
      /** Some answer is free text: the results list these. */
      has_text: model.boolean().default(false),
    }
  )
  .indexes([
    { name: "IDX_crm_survey_response_invitation_unique", on: ["invitation_id"], unique: true, where: "deleted_at IS NULL" },
    // Results: a survey's answers over a period.
    { name: "IDX_crm_survey_response_survey_created", on: ["survey_id", "created_at"], where: "deleted_at IS NULL" },
    // Results: the latest free-text answers.
    { name: "IDX_crm_survey_response_survey_text", on: ["survey_id", "created_at"], where: "deleted_at IS NULL AND has_text" },
    { name: "IDX_crm_survey_response_customer", on: ["customer_id"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_survey_response_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
  ])

export default SurveyResponse
