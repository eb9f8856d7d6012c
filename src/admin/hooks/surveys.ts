import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useQueries,
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminSurveyResponse,
  AdminSurveyResultsQuery,
  AdminSurveySendBody,
  AdminSurveySettingsResponse,
  AdminSurveysQuery,
  AdminSurveysResponse,
} from "../../client"
import type { SurveyDTO, SurveyResponseDTO, SurveyResultsDTO, UpdateSurveySettings } from "../../types/surveys"
import { sdk } from "../lib/sdk"
import type { SurveyBody } from "../lib/surveys"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type {
  AdminSurveyListItem,
  AdminSurveyResultsQuery,
  AdminSurveySettingsResponse,
  AdminSurveysQuery,
} from "../../client"
export type { SurveyDTO, SurveyResponseDTO, SurveyResultsDTO, SurveySettingsDTO } from "../../types/surveys"

export type AdminSurveyDeleteResponse = AdminSurveyResponse & { id?: string; deleted: true }
export type AdminCreateSurvey = SurveyBody
export type AdminUpdateSurvey = Partial<SurveyBody>
export type AdminSurveyResultsResponse = { results: SurveyResultsDTO }
/** The send drawer sends to customers or a customer group (segments: once that capability exists). */
export type AdminSendSurvey = Exclude<AdminSurveySendBody, { segment_id: string }>
export type AdminSendSurveyResponse = { invitations: number; skipped: number }
export type AdminSurveyResponsesQuery = { order_id?: string; customer_id?: string }
export type AdminSurveyResponsesResponse = { survey_responses: SurveyResponseDTO[] }

/**
 * Query keys for everything surveys in the admin, under "crm" so they never
 * meet the dashboard's own; invalidate `surveyQueryKeys.all` to refresh
 * every survey query at once.
 */
export const surveyQueryKeys = {
  all: ["crm", "surveys"] as const,
  lists: () => [...surveyQueryKeys.all, "list"] as const,
  list: (query: AdminSurveysQuery) => [...surveyQueryKeys.lists(), query] as const,
  details: () => [...surveyQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...surveyQueryKeys.details(), id] as const,
  allResults: () => [...surveyQueryKeys.all, "results"] as const,
  results: (id: string, query: AdminSurveyResultsQuery) => [...surveyQueryKeys.allResults(), id, query] as const,
  responses: (query: AdminSurveyResponsesQuery) => [...surveyQueryKeys.all, "responses", query] as const,
  settings: () => [...surveyQueryKeys.all, "settings"] as const,
  customers: (q: string) => [...surveyQueryKeys.all, "customers", q] as const,
  customerGroups: () => [...surveyQueryKeys.all, "customer-groups"] as const,
}

const SURVEYS_PATH = "/admin/surveys"
const surveyPath = (id: string) => `${SURVEYS_PATH}/${encodeURIComponent(id)}`
const SETTINGS_PATH = "/admin/survey-settings"
const RESPONSES_PATH = "/admin/survey-responses"

/** One survey changed: show it at once, then refetch the lists and its results. */
const refreshSurvey = (queryClient: QueryClient, data: AdminSurveyResponse) => {
  queryClient.setQueryData(surveyQueryKeys.detail(data.survey.id), data)
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: surveyQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: surveyQueryKeys.detail(data.survey.id) }),
    queryClient.invalidateQueries({ queryKey: surveyQueryKeys.allResults() }),
  ])
}

/** The query without empty filters, so equal filters share one cache entry. */
const normalizeQuery = (query: AdminSurveysQuery): AdminSurveysQuery => {
  const q = query.q?.trim()
  return {
    limit: query.limit,
    offset: query.offset,
    ...(q ? { q } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.active !== undefined ? { active: query.active } : {}),
  }
}

export type UseSurveysOptions = Omit<
  UseQueryOptions<AdminSurveysResponse, FetchError, AdminSurveysResponse, ReturnType<typeof surveyQueryKeys.list>>,
  "queryKey" | "queryFn"
>

/** A page of surveys with their counts (`GET /admin/surveys`); the previous page stays while the next loads. */
export const useSurveys = (query: AdminSurveysQuery, options?: UseSurveysOptions) => {
  const normalized = normalizeQuery(query)
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: surveyQueryKeys.list(normalized),
    queryFn: () => sdk.client.fetch<AdminSurveysResponse>(SURVEYS_PATH, { query: normalized }),
  })

  return { ...data, ...rest }
}

const fetchSurvey = (id: string) => sdk.client.fetch<AdminSurveyResponse>(surveyPath(id))

/** One survey (`GET /admin/surveys/:id`), `survey` spread on top. */
export const useSurvey = (id: string) => {
  const { data, ...rest } = useQuery({
    queryKey: surveyQueryKeys.detail(id),
    queryFn: () => fetchSurvey(id),
    enabled: !!id,
  })

  return { ...data, ...rest }
}

/** Several surveys at once (the order widget's, for their questions), by id. */
export const useSurveysById = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: surveyQueryKeys.detail(id),
      queryFn: () => fetchSurvey(id),
      staleTime: 5 * 60 * 1000,
    })),
    combine: (results) => {
      const surveys: Record<string, SurveyDTO> = {}
      results.forEach((result) => {
        if (result.data) surveys[result.data.survey.id] = result.data.survey
      })
      return surveys
    },
  })

export type UseCreateSurveyOptions = UseMutationOptions<AdminSurveyResponse, FetchError, AdminCreateSurvey>

/** `POST /admin/surveys`. Options spread first, our `onSuccess` last. */
export const useCreateSurvey = (options?: UseCreateSurveyOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminCreateSurvey) => sdk.client.fetch<AdminSurveyResponse>(SURVEYS_PATH, { method: "POST", body }),
    refreshSurvey
  )

export type UpdateSurveyInput = { id: string; body: AdminUpdateSurvey }
export type UseUpdateSurveyOptions = UseMutationOptions<AdminSurveyResponse, FetchError, UpdateSurveyInput>

/** A partial update (`POST /admin/surveys/:id`), also to activate or deactivate. Options spread first, our `onSuccess` last. */
export const useUpdateSurvey = (options?: UseUpdateSurveyOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: UpdateSurveyInput) => sdk.client.fetch<AdminSurveyResponse>(surveyPath(id), { method: "POST", body }),
    refreshSurvey
  )

export type UseDeleteSurveyOptions = UseMutationOptions<AdminSurveyDeleteResponse, FetchError, string>

/** `DELETE /admin/surveys/:id`, the id given to `mutate`. Options spread first, our `onSuccess` last. */
export const useDeleteSurvey = (options?: UseDeleteSurveyOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) => sdk.client.fetch<AdminSurveyDeleteResponse>(surveyPath(id), { method: "DELETE" }),
    // Only the lists: the deleted survey's own page is being left, and
    // refetching its detail or results would only answer 404.
    (queryClient) => queryClient.invalidateQueries({ queryKey: surveyQueryKeys.lists() })
  )

/**
 * A survey's results for a period (`GET /admin/surveys/:id/results`), the
 * free-text answers paged by `answers_offset`; the previous answer stays on
 * screen while a new period or page loads. `results` spread on top.
 */
export const useSurveyResults = (id: string, query: AdminSurveyResultsQuery) => {
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    queryKey: surveyQueryKeys.results(id, query),
    queryFn: () => sdk.client.fetch<AdminSurveyResultsResponse>(`${surveyPath(id)}/results`, { query }),
    enabled: !!id,
  })

  return { ...data, ...rest }
}

export type SendSurveyInput = { id: string; body: AdminSendSurvey }
export type UseSendSurveyOptions = UseMutationOptions<AdminSendSurveyResponse, FetchError, SendSurveyInput>

/** Invites customers now (`POST /admin/surveys/:id/send`). Options spread first, our `onSuccess` last. */
export const useSendSurvey = (options?: UseSendSurveyOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: SendSurveyInput) =>
      sdk.client.fetch<AdminSendSurveyResponse>(`${surveyPath(id)}/send`, { method: "POST", body }),
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: surveyQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: surveyQueryKeys.allResults() }),
      ])
  )

/** The answers given about an order or by a customer (`GET /admin/survey-responses`). */
export const useSurveyResponses = (query: AdminSurveyResponsesQuery, options?: { enabled?: boolean }) => {
  const { data, ...rest } = useQuery({
    queryKey: surveyQueryKeys.responses(query),
    queryFn: () => sdk.client.fetch<AdminSurveyResponsesResponse>(RESPONSES_PATH, { query }),
    enabled: options?.enabled ?? true,
  })

  return { ...data, ...rest }
}

/** The frequency cap and the hosted page's look (`GET /admin/survey-settings`), `settings` spread on top. */
export const useSurveySettings = () => {
  const { data, ...rest } = useQuery({
    queryKey: surveyQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<AdminSurveySettingsResponse>(SETTINGS_PATH),
  })

  return { ...data, ...rest }
}

export type UseUpdateSurveySettingsOptions = UseMutationOptions<AdminSurveySettingsResponse, FetchError, UpdateSurveySettings>

/** Changes the given settings (`POST /admin/survey-settings`): send only what changed. Options spread first, our `onSuccess` last. */
export const useUpdateSurveySettings = (options?: UseUpdateSurveySettingsOptions) =>
  useMutationWithRefresh(
    options,
    (body: UpdateSurveySettings) => sdk.client.fetch<AdminSurveySettingsResponse>(SETTINGS_PATH, { method: "POST", body }),
    (queryClient, data) => {
      queryClient.setQueryData(surveyQueryKeys.settings(), data)
      return queryClient.invalidateQueries({ queryKey: surveyQueryKeys.settings() })
    }
  )

export type SurveyCustomerOption = { id: string; email: string; name: string }

const CUSTOMER_SEARCH_LIMIT = 10

const toCustomerOption = (customer: HttpTypes.AdminCustomer): SurveyCustomerOption => ({
  id: customer.id,
  email: customer.email,
  name: [customer.first_name, customer.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" "),
})

/** Customers matching a search (the dashboard's own `GET /admin/customers?q=`), for the send drawer. */
export const useCustomerSearch = (q: string) =>
  useQuery<SurveyCustomerOption[]>({
    placeholderData: keepPreviousData,
    queryKey: surveyQueryKeys.customers(q),
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({
        ...(q ? { q } : {}),
        limit: CUSTOMER_SEARCH_LIMIT,
        fields: "id,email,first_name,last_name",
      })
      return customers.map(toCustomerOption)
    },
    staleTime: 30 * 1000,
  })

/** Enough for any store's customer groups in one request. */
const GROUPS_LIMIT = 200

/** The store's customer groups (a segment keeps one too), sorted by name. */
export const useCustomerGroups = (options?: { enabled?: boolean }) =>
  useQuery<{ id: string; name: string }[]>({
    queryKey: surveyQueryKeys.customerGroups(),
    queryFn: async () => {
      const { customer_groups } = await sdk.admin.customerGroup.list({ limit: GROUPS_LIMIT, fields: "id,name" })
      return customer_groups
        .map((group: HttpTypes.AdminCustomerGroup) => ({ id: group.id, name: group.name ?? group.id }))
        .sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))
    },
    enabled: options?.enabled ?? true,
    staleTime: 60 * 1000,
  })
