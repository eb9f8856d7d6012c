import { z } from "@medusajs/framework/zod"
import { MAX_OPTIONS, QUESTION_ID } from "../../../modules/surveys/questions"
import { QUESTION_TYPES, RESULT_INTERVALS, SURVEY_TRIGGERS, SURVEY_TYPES } from "../../../types/surveys"
import { listParams } from "../../utils/list-params"

const MAX_LABEL = 500
const MAX_DELAY_HOURS = 24 * 90

const question = z
  .object({
    id: z.string().regex(QUESTION_ID, "A question id is 1-40 letters, digits, - or _"),
    type: z.enum(QUESTION_TYPES, { error: `A question's type is one of ${QUESTION_TYPES.join(", ")}` }),
    label: z.string().trim().min(1, "Every question needs a label").max(MAX_LABEL, `A question's label has at most ${MAX_LABEL} characters`),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1, "An option cannot be empty").max(200, "An option has at most 200 characters")).max(MAX_OPTIONS).optional(),
    max: z.number().int().min(2, "A rating's max is 2 to 10").max(10, "A rating's max is 2 to 10").optional(),
  })
  .strict()

const trigger = z
  .object({
    event: z.enum(SURVEY_TRIGGERS, { error: `trigger.event is one of ${SURVEY_TRIGGERS.join(", ")}` }),
    delay_hours: z
      .number()
      .int("trigger.delay_hours must be a whole number")
      .min(0, "trigger.delay_hours cannot be negative")
      .max(MAX_DELAY_HOURS, `trigger.delay_hours is at most ${MAX_DELAY_HOURS} (90 days)`)
      .default(0),
  })
  .strict()

const surveyFields = {
  name: z.string().trim().min(1, "name is required").max(200, "name has at most 200 characters"),
  type: z.enum(SURVEY_TYPES, { error: `type is one of ${SURVEY_TYPES.join(", ")}` }),
  questions: z.array(question).max(30, "A survey has at most 30 questions"),
  trigger,
  active: z.boolean(),
  expiry_days: z.number().int("expiry_days must be a whole number").min(1, "expiry_days is 1 to 365").max(365, "expiry_days is 1 to 365"),
  completion_points: z.number().int("completion_points must be a whole number").min(0, "completion_points cannot be negative").max(1_000_000),
  review_prompt: z.boolean(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminCreateSurvey = z
  .object({
    ...surveyFields,
    questions: surveyFields.questions.optional(),
    trigger: trigger.default({ event: "manual", delay_hours: 0 }),
    active: surveyFields.active.default(false),
    expiry_days: surveyFields.expiry_days.optional(),
    completion_points: surveyFields.completion_points.optional(),
    review_prompt: surveyFields.review_prompt.optional(),
    metadata: surveyFields.metadata.optional(),
  })
  .strict()

export type AdminCreateSurveyType = z.infer<typeof AdminCreateSurvey>

export const AdminUpdateSurvey = z
  .object(surveyFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to change" })

export type AdminUpdateSurveyType = z.infer<typeof AdminUpdateSurvey>

const flag = z.enum(["true", "false"]).transform((value) => value === "true")

export const AdminGetSurveysParams = z
  .object({
    ...listParams,
    q: z.string().trim().min(1).max(200).optional(),
    type: z.enum(SURVEY_TYPES).optional(),
    trigger: z.enum(SURVEY_TRIGGERS).optional(),
    active: flag.optional(),
  })
  .strict()

export type AdminGetSurveysParamsType = z.infer<typeof AdminGetSurveysParams>

const day = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} is a day, YYYY-MM-DD`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `${field} is not a real day`)

export const AdminGetSurveyResultsParams = z
  .object({
    from: day("from").optional(),
    to: day("to").optional(),
    interval: z.enum(RESULT_INTERVALS).default("month"),
    answers_limit: z.coerce.number().int().min(1).max(100).default(50),
    answers_offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from must not be after to" })

export type AdminGetSurveyResultsParamsType = z.infer<typeof AdminGetSurveyResultsParams>

export const AdminSendSurvey = z
  .object({
    // Refinements, not min/max: Medusa's validator replaces built-in messages with its own.
    customer_ids: z
      .array(z.string().min(1))
      .refine((ids) => ids.length > 0, "customer_ids needs at least one customer")
      .refine((ids) => ids.length <= 1000, "Send to at most 1000 customers at once (or to a customer group)")
      .optional(),
    customer_group_id: z.string().min(1).optional(),
    segment_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((body) => [body.customer_ids, body.customer_group_id, body.segment_id].filter(Boolean).length === 1, {
    message: "Send to exactly one of customer_ids, customer_group_id or segment_id",
  })

export type AdminSendSurveyType = z.infer<typeof AdminSendSurvey>
