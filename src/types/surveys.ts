/** Shared by the surveys module, its routes, the admin and the client (admin: `import type` only). */
export const SURVEY_TYPES = ["nps", "csat", "custom"] as const
export type SurveyType = (typeof SURVEY_TYPES)[number]

export const QUESTION_TYPES = ["nps", "csat", "rating", "single_choice", "multiple_choice", "text"] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** What sends a survey's invitations. */
export const SURVEY_TRIGGERS = ["delivery", "ticket_resolved", "manual"] as const
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number]

export const INVITATION_STATUSES = ["scheduled", "sent", "answered", "expired", "skipped"] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/** A question of a survey; `id` is stable within the survey, answers refer to it. */
export type SurveyQuestion = {
  id: string
  type: QuestionType
  label: string
  required: boolean
  /** single_choice / multiple_choice: the options offered. */
  options?: string[]
  /** rating: the highest value (1..max); nps is 0-10 and csat 1-5. */
  max?: number
}

/** One answer: a number (nps, csat, rating), an option (single), options (multiple) or text. */
export type SurveyAnswer = { question_id: string; value: number | string | string[] }

/** `trigger` of a survey in the API: what sends it, and how many hours later. */
export type SurveyTriggerConfig = { event: SurveyTrigger; delay_hours: number }

/** A survey as the admin API returns it. */
export type SurveyDTO = {
  id: string
  name: string
  type: SurveyType
  questions: SurveyQuestion[]
  trigger: SurveyTriggerConfig
  active: boolean
  /** Days an invitation link stays valid after it is sent. */
  expiry_days: number
  /** Points for completing it (0: none), once per invitation. */
  completion_points: number
  /** NPS 9-10 (or CSAT 5) about an order: the thank-you page asks for product reviews. */
  review_prompt: boolean
  created_at: Date | string
  updated_at: Date | string
}

/** A survey's fields as the admin API takes them (create: name and type required; update: any). */
export type SurveyFields = {
  name?: string
  type?: SurveyType
  questions?: SurveyQuestion[]
  trigger?: SurveyTriggerConfig
  active?: boolean
  expiry_days?: number
  completion_points?: number
  review_prompt?: boolean
  metadata?: Record<string, unknown> | null
}

export const SURVEY_SETTINGS_ID = "srvset_default"

/** Store-wide survey settings: the frequency cap and how the hosted page looks. */
export type SurveySettingsDTO = {
  id: string
  /** At most one invitation per customer per this many days, across all surveys (0: no cap). */
  frequency_cap_days: number
  /** The hosted page's store name; the `emails.store_name` option when null. */
  store_name: string | null
  /** `#rrggbb` colours of the hosted page. */
  brand_color: string
  background_color: string
  text_color: string
  /**
   * Where invitation links point: `<link_base_url>/<token>`. Null: the
   * hosted page of this server (`<admin.backendUrl>/surveys`). Set it to a
   * storefront page that uses the store API instead.
   */
  link_base_url: string | null
}

export type UpdateSurveySettings = Partial<Omit<SurveySettingsDTO, "id">>

/** The first question of NPS and CSAT surveys carries the score; its id is fixed. */
export const SCORE_QUESTION_ID = "score"

/** The questions an NPS or CSAT survey gets when the merchant gives none. */
export const DEFAULT_QUESTIONS: Record<"nps" | "csat", SurveyQuestion[]> = {
  nps: [
    { id: SCORE_QUESTION_ID, type: "nps", label: "How likely are you to recommend us to a friend or colleague?", required: true },
    { id: "why", type: "text", label: "What is the main reason for your score?", required: false },
  ],
  csat: [
    { id: SCORE_QUESTION_ID, type: "csat", label: "How satisfied are you with your experience?", required: true },
    { id: "why", type: "text", label: "What could we have done better?", required: false },
  ],
}

export const RESULT_INTERVALS = ["week", "month"] as const
export type ResultInterval = (typeof RESULT_INTERVALS)[number]

/** One free-text answer in the results, with the score and who gave it. */
export type SurveyTextAnswer = {
  response_id: string
  question_id: string
  question_label: string | null
  text: string
  score: number | null
  customer_id: string
  customer: { email: string | null; first_name: string | null; last_name: string | null } | null
  order_id: string | null
  ticket_id: string | null
  created_at: Date | string
}

/** `GET /admin/surveys/:id/results`. */
export type SurveyResultsDTO = {
  from: string | null
  to: string | null
  interval: ResultInterval
  /** Invitations sent in the period, and responses received in it. */
  invitations: number
  responses: number
  /** responses / invitations, 0..1 (null with no invitations). */
  response_rate: number | null
  /** NPS surveys: % promoters minus % detractors (-100..100). */
  nps?: number | null
  nps_breakdown?: { promoters: number; passives: number; detractors: number }
  /** CSAT surveys: the average 1-5. */
  csat?: number | null
  /** Responses per score (0-10 or 1-5), every score listed. */
  distribution: { score: number; responses: number }[]
  /** Per week or month (period = its first day, YYYY-MM-DD, UTC): NPS or CSAT average and responses. */
  trend: { period: string; score: number | null; responses: number }[]
  /** The latest free-text answers (newest first), `answers_count` in all. */
  answers: SurveyTextAnswer[]
  answers_count: number
  /** Custom surveys: per question, the average of a rating or the count of each option. */
  questions?: { question_id: string; label: string; type: QuestionType; responses: number; average?: number | null; options?: { option: string; responses: number }[] }[]
  /** CSAT from resolved tickets' ratings in the same period, alongside. */
  ticket_csat: { average: number | null; ratings: number; distribution: { score: number; responses: number }[] }
}

/** One answer as the order widget and the customer export show it. */
export type SurveyResponseDTO = {
  id: string
  survey_id: string
  survey: { id: string; name: string; type: SurveyType } | null
  invitation_id: string
  customer_id: string
  order_id: string | null
  ticket_id: string | null
  score: number | null
  answers: SurveyAnswer[]
  created_at: Date | string
}
