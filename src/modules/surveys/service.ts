import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  SURVEY_SETTINGS_ID,
  type SurveyAnswer,
  type SurveyQuestion,
  type SurveySettingsDTO,
  type SurveyType,
  type UpdateSurveySettings,
} from "../../types/surveys"
import { knexOf } from "../../utils/module-sql"
import { ensureSettingsRow, SettingsRow, writeSettingsRow } from "../../utils/settings-row"
import {
  claimDueInvitations,
  customersNotToInvite,
  expireInvitations,
  NewInvitation,
  releaseInvitations,
  scheduleInvitations,
  unscheduleInvitations,
} from "./invitations"
import Survey from "./models/survey"
import SurveyInvitation from "./models/survey-invitation"
import SurveyResponse from "./models/survey-response"
import SurveySettings from "./models/survey-settings"
import { invitationByTokenHash, responsesOf, submitResponse, withdrawResponse } from "./responses"
import { ResultsQuery, surveyCounts, surveyTotals } from "./results"
import { hashInvitationToken, isWellFormedToken } from "./tokens"

const SURVEY_SETTINGS_ROW: SettingsRow = { table: "crm_survey_settings", id: SURVEY_SETTINGS_ID, json_columns: [] }

/**
 * Surveys: their definitions, the invitations (token hashes only), the
 * answers, and per-day counters for the results. Scoring (`scores.ts`),
 * tokens (`tokens.ts`), question and answer checks (`questions.ts`,
 * `answers.ts`) are pure; the SQL is in `invitations.ts`, `responses.ts`
 * and `results.ts`.
 */
class SurveysModuleService extends MedusaService({ Survey, SurveyInvitation, SurveyResponse, SurveySettings }) {
  @InjectManager()
  async loadSurveySettings(@MedusaContext() sharedContext: Context = {}): Promise<SurveySettingsDTO> {
    const [existing] = await this.listSurveySettings({ id: SURVEY_SETTINGS_ID }, { take: 1 }, sharedContext)
    if (existing) {
      return existing as unknown as SurveySettingsDTO
    }
    await this.ensureSettings_(sharedContext)
    return (await this.retrieveSurveySettings(SURVEY_SETTINGS_ID, {}, sharedContext)) as unknown as SurveySettingsDTO
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await ensureSettingsRow(knexOf(sharedContext), SURVEY_SETTINGS_ROW)
  }

  @InjectManager()
  async changeSurveySettings(data: UpdateSurveySettings, @MedusaContext() sharedContext: Context = {}): Promise<SurveySettingsDTO> {
    await this.changeSurveySettings_(data, sharedContext)
    return await this.loadSurveySettings(sharedContext)
  }

  @InjectTransactionManager()
  protected async changeSurveySettings_(data: UpdateSurveySettings, @MedusaContext() sharedContext: Context = {}) {
    await writeSettingsRow(knexOf(sharedContext), SURVEY_SETTINGS_ROW, data)
  }

  /** Active surveys a trigger sends. */
  @InjectManager()
  async activeSurveysFor(trigger: "delivery" | "ticket_resolved", @MedusaContext() sharedContext: Context = {}) {
    return await this.listSurveys({ trigger, active: true }, { select: ["id", "delay_hours"] }, sharedContext)
  }

  @InjectTransactionManager()
  async scheduleInvitations(invitations: NewInvitation[], @MedusaContext() sharedContext: Context = {}) {
    return await scheduleInvitations(knexOf(sharedContext), invitations)
  }

  @InjectTransactionManager()
  async unscheduleInvitations(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await unscheduleInvitations(knexOf(sharedContext), ids)
  }

  /** Claims due invitations under the settings' frequency cap (see `claimDueInvitations`). */
  @InjectTransactionManager()
  async claimDueInvitations(now: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    const settings = await this.loadSurveySettings(sharedContext)
    return await claimDueInvitations(knexOf(sharedContext), now, limit, settings.frequency_cap_days)
  }

  @InjectTransactionManager()
  async releaseInvitations(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await releaseInvitations(knexOf(sharedContext), ids)
  }

  @InjectTransactionManager()
  async expireInvitations(now: Date, @MedusaContext() sharedContext: Context = {}) {
    return await expireInvitations(knexOf(sharedContext), now)
  }

  /** Customers a manual send leaves out: invited within the frequency cap, or already scheduled for the survey. */
  @InjectManager()
  async customersNotToInvite(surveyId: string, customerIds: string[], now: Date, @MedusaContext() sharedContext: Context = {}) {
    const { frequency_cap_days } = await this.loadSurveySettings(sharedContext)
    const since = frequency_cap_days > 0 ? new Date(now.getTime() - frequency_cap_days * 86_400_000) : null
    return await customersNotToInvite(knexOf(sharedContext), surveyId, customerIds, since)
  }

  /** The invitation a link's token belongs to; null for an unknown or malformed token. */
  @InjectManager()
  async invitationByToken(token: string, @MedusaContext() sharedContext: Context = {}) {
    return isWellFormedToken(token) ? await invitationByTokenHash(knexOf(sharedContext), hashInvitationToken(token)) : null
  }

  @InjectTransactionManager()
  async submitSurveyResponse(input: { token: string; answers: SurveyAnswer[] }, now: Date, @MedusaContext() sharedContext: Context = {}) {
    // A malformed token hashes to nothing stored: the same "not valid" as an unknown one.
    return await submitResponse(knexOf(sharedContext), { token_hash: hashInvitationToken(input.token), answers: input.answers }, now)
  }

  @InjectTransactionManager()
  async withdrawSurveyResponse(responseId: string, @MedusaContext() sharedContext: Context = {}) {
    await withdrawResponse(knexOf(sharedContext), responseId)
  }

  @InjectManager()
  async surveyCounts(
    survey: { id: string; type: SurveyType; questions: SurveyQuestion[] },
    query: ResultsQuery,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await surveyCounts(knexOf(sharedContext), survey, query)
  }

  /** Invitations sent and responses, all time, per survey (the admin list). */
  @InjectManager()
  async surveyTotals(surveyIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await surveyTotals(knexOf(sharedContext), surveyIds)
  }

  @InjectManager()
  async surveyResponsesOf(filter: { order_id?: string; customer_id?: string }, limit = 50, @MedusaContext() sharedContext: Context = {}) {
    return await responsesOf(knexOf(sharedContext), filter, limit)
  }
}

export default SurveysModuleService
