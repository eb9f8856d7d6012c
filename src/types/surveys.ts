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
