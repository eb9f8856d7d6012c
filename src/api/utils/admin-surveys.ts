import type { MedusaContainer } from "@medusajs/framework/types"
import { surveysOf } from "../../workflows/surveys/steps/surveys-of"
import type { SurveyDTO, SurveyQuestion, SurveyTrigger, SurveyType } from "../../types/surveys"

/** A survey row as stored. */
type SurveyRow = {
  id: string
  name: string
  type: string
  questions: unknown
  trigger: string
  delay_hours: number
  active: boolean
  expiry_days: number
  completion_points: number
  review_prompt: boolean
  metadata?: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}

export { surveysOf }

/** The API's survey: the trigger and its delay as one object. */
export function toSurveyDTO(row: SurveyRow): SurveyDTO & { metadata: Record<string, unknown> | null } {
  return {
    id: row.id,
    name: row.name,
    type: row.type as SurveyType,
    questions: row.questions as SurveyQuestion[],
    trigger: { event: row.trigger as SurveyTrigger, delay_hours: row.delay_hours },
    active: row.active,
    expiry_days: row.expiry_days,
    completion_points: row.completion_points,
    review_prompt: row.review_prompt,
    metadata: row.metadata ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

/** A survey by id for the admin (404 when unknown or deleted). */
export async function retrieveAdminSurvey(scope: MedusaContainer, id: string) {
  return toSurveyDTO((await surveysOf(scope).retrieveSurvey(id)) as unknown as SurveyRow)
}
