import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type {
  ResultInterval,
  SurveyAnswer,
  SurveyDTO,
  SurveyFields,
  SurveyQuestion,
  SurveyResponseDTO,
  SurveyResultsDTO,
  SurveySettingsDTO,
  SurveyType,
  UpdateSurveySettings,
} from "../types/surveys"

/** `GET /store/surveys/:token`: what a storefront's own survey page needs. */
export type StoreSurveyResponse = {
  survey: { name: string; type: SurveyType; questions: SurveyQuestion[] }
  invitation: { expires_at: string; source_type: "order" | "ticket" | "manual" }
  store: { store_name: string; brand_color: string; background_color: string; text_color: string }
}

/** `POST /store/surveys/:token/responses`: the stored answer, and for a promoter of an order survey the products to review. */
export type StoreSurveyAnswerResponse = {
  response: { id: string; survey_id: string; score: number | null; answers: SurveyAnswer[]; created_at: string }
  review_products: { product_id: string; title: string; url: string | null }[]
}

/** A survey's fields for `POST /admin/surveys` (and, any of them, `POST /admin/surveys/:id`). */
export type AdminSurveyFields = SurveyFields & { name: string; type: SurveyType }

export type AdminSurveyListItem = SurveyDTO & { invitations: number; responses: number; response_rate: number | null }

export type AdminSurveysQuery = { limit?: number; offset?: number; q?: string; type?: SurveyType; active?: boolean }
export type AdminSurveysResponse = { surveys: AdminSurveyListItem[]; count: number; limit: number; offset: number }
export type AdminSurveyResponse = { survey: SurveyDTO }
export type AdminSurveyResultsQuery = { from?: string; to?: string; interval?: ResultInterval; answers_limit?: number; answers_offset?: number }
export type AdminSurveySendBody = { customer_ids: string[] } | { customer_group_id: string } | { segment_id: string }
export type AdminSurveySettingsResponse = { settings: SurveySettingsDTO & { effective_link_base_url: string | null } }

const storeSurveyPath = (token: string) => `/store/surveys/${encodeURIComponent(token)}`
const adminSurveyPath = (id: string) => `/admin/surveys/${encodeURIComponent(id)}`

/** Answering through an invitation link's token; no customer login needed. */
export class CrmStoreSurveys {
  constructor(private readonly sdk: Medusa) {}

  /** The survey a link invites to (`GET /store/surveys/:token`); 404 unknown, 410 used or expired. */
  retrieve(token: string, headers?: ClientHeaders): Promise<StoreSurveyResponse> {
    return this.sdk.client.fetch<StoreSurveyResponse>(storeSurveyPath(token), { method: "GET", headers })
  }

  /** Answers it once (`POST /store/surveys/:token/responses`); 400 answers that do not fit, 409 answered, 410 expired. */
  respond(token: string, answers: SurveyAnswer[], headers?: ClientHeaders): Promise<StoreSurveyAnswerResponse> {
    return this.sdk.client.fetch<StoreSurveyAnswerResponse>(`${storeSurveyPath(token)}/responses`, {
      method: "POST",
      body: { answers },
      headers,
    })
  }
}

export class CrmAdminSurveys {
  constructor(private readonly sdk: Medusa) {}

  list(query?: AdminSurveysQuery, headers?: ClientHeaders): Promise<AdminSurveysResponse> {
    return this.sdk.client.fetch<AdminSurveysResponse>("/admin/surveys", { method: "GET", query, headers })
  }

  create(body: AdminSurveyFields, headers?: ClientHeaders): Promise<AdminSurveyResponse> {
    return this.sdk.client.fetch<AdminSurveyResponse>("/admin/surveys", { method: "POST", body, headers })
  }

  retrieve(id: string, headers?: ClientHeaders): Promise<AdminSurveyResponse> {
    return this.sdk.client.fetch<AdminSurveyResponse>(adminSurveyPath(id), { method: "GET", headers })
  }

  update(id: string, body: Partial<AdminSurveyFields>, headers?: ClientHeaders): Promise<AdminSurveyResponse> {
    return this.sdk.client.fetch<AdminSurveyResponse>(adminSurveyPath(id), { method: "POST", body, headers })
  }

  delete(id: string, headers?: ClientHeaders): Promise<AdminSurveyResponse & { deleted: true }> {
    return this.sdk.client.fetch<AdminSurveyResponse & { deleted: true }>(adminSurveyPath(id), { method: "DELETE", headers })
  }

  /** NPS or CSAT, distribution, trend, free-text answers and ticket CSAT over whole UTC days. */
  results(id: string, query?: AdminSurveyResultsQuery, headers?: ClientHeaders): Promise<{ results: SurveyResultsDTO }> {
    return this.sdk.client.fetch<{ results: SurveyResultsDTO }>(`${adminSurveyPath(id)}/results`, { method: "GET", query, headers })
  }

  /** Invites customers now; the send job e-mails them within a minute. */
  send(id: string, body: AdminSurveySendBody, headers?: ClientHeaders): Promise<{ invitations: number; skipped: number }> {
    return this.sdk.client.fetch<{ invitations: number; skipped: number }>(`${adminSurveyPath(id)}/send`, { method: "POST", body, headers })
  }

  /** The answers about an order or from a customer, newest first. */
  responses(query: { order_id?: string; customer_id?: string; limit?: number }, headers?: ClientHeaders): Promise<{ survey_responses: SurveyResponseDTO[] }> {
    return this.sdk.client.fetch<{ survey_responses: SurveyResponseDTO[] }>("/admin/survey-responses", { method: "GET", query, headers })
  }

  retrieveSettings(headers?: ClientHeaders): Promise<AdminSurveySettingsResponse> {
    return this.sdk.client.fetch<AdminSurveySettingsResponse>("/admin/survey-settings", { method: "GET", headers })
  }

  updateSettings(body: UpdateSurveySettings, headers?: ClientHeaders): Promise<AdminSurveySettingsResponse> {
    return this.sdk.client.fetch<AdminSurveySettingsResponse>("/admin/survey-settings", { method: "POST", body, headers })
  }
}
