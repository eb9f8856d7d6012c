import { model } from "@medusajs/framework/utils"
import { SURVEY_TRIGGERS, SURVEY_TYPES } from "../../../types/surveys"
import SurveyInvitation from "./survey-invitation"

/**
 * A survey the merchant defined: NPS, CSAT or custom questions (`questions`,
 * a list of SurveyQuestion), what sends it and when, how long an
 * invitation lasts, and what completing it earns.
 */
const Survey = model.define(
  { name: "Survey", tableName: "crm_survey" },
  {
    id: model.id({ prefix: "srv" }).primaryKey(),
    name: model.text(),
    type: model.enum([...SURVEY_TYPES]),
    questions: model.json().default([] as unknown as Record<string, unknown>),
    trigger: model.enum([...SURVEY_TRIGGERS]).default("manual"),
    /** Hours after the trigger (a delivery, a resolution) before the invitation goes out. */
    delay_hours: model.number().default(0),
    active: model.boolean().default(false),
    expiry_days: model.number().default(14),
    /** Points for a completed survey (0: none), once per invitation. */
    completion_points: model.number().default(0),
    /** A promoter's thank-you page links to reviews of the order's products. */
    review_prompt: model.boolean().default(true),
    metadata: model.json().nullable(),
    invitations: model.hasMany(() => SurveyInvitation, { mappedBy: "survey" }),
  }
)

export default Survey
