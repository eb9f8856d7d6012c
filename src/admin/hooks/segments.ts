import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminSegment,
  CustomerSegments,
  RfmDistribution,
  SegmentBody,
  SegmentFieldInfo,
  SegmentMember,
  SegmentPromotionBody,
  SegmentRule,
} from "../lib/segments"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type AdminSegmentsQuery = { q?: string; limit?: number; offset?: number; order?: string }
export type AdminSegmentsResponse = { segments: AdminSegment[]; count: number; offset: number; limit: number }
export type AdminSegmentResponse = { segment: AdminSegment }
export type AdminSegmentDeleteResponse = { id: string; object: "segment"; deleted: true }
export type AdminSegmentFieldsResponse = { fields: SegmentFieldInfo[] }
export type AdminSegmentPreviewResponse = {
  count: number
  sample: { id: string; email: string; first_name: string | null; last_name: string | null }[]
}
export type AdminSegmentRefreshResponse = { segment: AdminSegment; joined: number; left: number }
export type AdminSegmentCustomersQuery = { limit: number; offset: number }
export type AdminSegmentCustomersResponse = { customers: SegmentMember[]; count: number; offset: number; limit: number }
export type AdminSegmentPromotionResponse = { promotion: { id: string; code: string; status: string; is_automatic: boolean } }
export type AdminRfmResponse = RfmDistribution
export type AdminCustomerSegmentsResponse = CustomerSegments

/**
 * Query keys for everything segments in the admin, under "crm" so they never
 * meet the dashboard's own; invalidate `segmentQueryKeys.all` to refresh
 * every segment query at once.
 */
export const segmentQueryKeys = {
  all: ["crm", "segments"] as const,
  lists: () => [...segmentQueryKeys.all, "list"] as const,
  list: (query: AdminSegmentsQuery) => [...segmentQueryKeys.lists(), query] as const,
  details: () => [...segmentQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...segmentQueryKeys.details(), id] as const,
  allMembers: () => [...segmentQueryKeys.all, "members"] as const,
  members: (id: string, query: AdminSegmentCustomersQuery) => [...segmentQueryKeys.allMembers(), id, query] as const,
  fields: () => [...segmentQueryKeys.all, "fields"] as const,
  preview: (rules: string) => [...segmentQueryKeys.all, "preview", rules] as const,
  rfm: () => ["crm", "rfm"] as const,
  customer: (customerId: string) => [...segmentQueryKeys.all, "customer", customerId] as const,
}

const SEGMENTS_PATH = "/admin/segments"
const segmentPath = (id: string) => `${SEGMENTS_PATH}/${encodeURIComponent(id)}`
const RFM_PATH = "/admin/crm/rfm"

/** One segment changed: show it at once, then refetch the lists, its members and the customers' widgets. */
const refreshSegment = (queryClient: QueryClient, segment: AdminSegment) => {
  queryClient.setQueryData<AdminSegmentResponse>(segmentQueryKeys.detail(segment.id), (previous) => ({
    // The list routes and refresh answer no promotions: keep the ones shown.
    segment: { ...segment, promotions: segment.promotions ?? previous?.segment.promotions },
  }))
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: segmentQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: segmentQueryKeys.detail(segment.id) }),
    queryClient.invalidateQueries({ queryKey: segmentQueryKeys.allMembers() }),
    queryClient.invalidateQueries({ queryKey: [...segmentQueryKeys.all, "customer"] }),
  ])
}

const normalizeQuery = (query: AdminSegmentsQuery): AdminSegmentsQuery => {
  const q = query.q?.trim()
  return {
    limit: query.limit,
    offset: query.offset,
    ...(q ? { q } : {}),
    ...(query.order ? { order: query.order } : {}),
  }
}

export type UseSegmentsOptions = Omit<
  UseQueryOptions<AdminSegmentsResponse, FetchError, AdminSegmentsResponse, ReturnType<typeof segmentQueryKeys.list>>,
  "queryKey" | "queryFn"
>

/** A page of segments (`GET /admin/segments`); the previous page stays while the next loads. */
export const useSegments = (query: AdminSegmentsQuery, options?: UseSegmentsOptions) => {
  const normalized = normalizeQuery(query)
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: segmentQueryKeys.list(normalized),
    queryFn: () => sdk.client.fetch<AdminSegmentsResponse>(SEGMENTS_PATH, { query: normalized }),
  })
  return { ...data, ...rest }
}

/** One segment with its promotions (`GET /admin/segments/:id`), `segment` spread on top. */
export const useSegment = (id: string) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminSegmentResponse>(segmentPath(id)),
    enabled: !!id,
  })
  return { ...data, ...rest }
}

/** What a rule can name (`GET /admin/segments/fields`): changes only with a deploy. */
export const useSegmentFields = () => {
  const { data, ...rest } = useQuery({
    queryKey: segmentQueryKeys.fields(),
    queryFn: () => sdk.client.fetch<AdminSegmentFieldsResponse>(`${SEGMENTS_PATH}/fields`),
    staleTime: 60 * 60 * 1000,
  })
  return { ...data, ...rest }
}

/**
 * The count and a sample of who a rule matches now (`POST /admin/segments/preview`).
 * `rules` null (an incomplete rule) asks nothing. A 400 (the server names the
 * bad field, op or value) is not retried: it is the answer.
 */
export const useSegmentPreview = (rules: SegmentRule | null) => {
  const serialized = rules ? JSON.stringify(rules) : ""
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    queryKey: segmentQueryKeys.preview(serialized),
    queryFn: () =>
      sdk.client.fetch<AdminSegmentPreviewResponse>(`${SEGMENTS_PATH}/preview`, { method: "POST", body: { rules } }),
    enabled: !!rules,
    retry: (failures, error) => (error as FetchError | undefined)?.status !== 400 && failures < 2,
    staleTime: 30 * 1000,
  })
  return { ...data, ...rest }
}

export type UseCreateSegmentOptions = UseMutationOptions<AdminSegmentResponse, FetchError, Partial<SegmentBody>>

/** `POST /admin/segments` (created and refreshed once). Options spread first, our `onSuccess` last. */
export const useCreateSegment = (options?: UseCreateSegmentOptions) =>
  useMutationWithRefresh(
    options,
    (body: Partial<SegmentBody>) => sdk.client.fetch<AdminSegmentResponse>(SEGMENTS_PATH, { method: "POST", body }),
    (queryClient, data) => refreshSegment(queryClient, data.segment)
  )

export type UpdateSegmentInput = { id: string; body: Partial<SegmentBody> }
export type UseUpdateSegmentOptions = UseMutationOptions<AdminSegmentResponse, FetchError, UpdateSegmentInput>

/** A partial update (`POST /admin/segments/:id`; refreshed when the rules change). Options spread first, our `onSuccess` last. */
export const useUpdateSegment = (options?: UseUpdateSegmentOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: UpdateSegmentInput) => sdk.client.fetch<AdminSegmentResponse>(segmentPath(id), { method: "POST", body }),
    (queryClient, data) => refreshSegment(queryClient, data.segment)
  )

export type UseDeleteSegmentOptions = UseMutationOptions<AdminSegmentDeleteResponse, FetchError, string>

/** `DELETE /admin/segments/:id` (its customer group goes too), the id given to `mutate`. */
export const useDeleteSegment = (options?: UseDeleteSegmentOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) => sdk.client.fetch<AdminSegmentDeleteResponse>(segmentPath(id), { method: "DELETE" }),
    // Only the lists: the deleted segment's page is being left.
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...segmentQueryKeys.all, "customer"] }),
      ])
  )

export type UseRefreshSegmentOptions = UseMutationOptions<AdminSegmentRefreshResponse, FetchError, string>

/** Recomputes the members now (`POST /admin/segments/:id/refresh`): answers how many joined and left. */
export const useRefreshSegment = (options?: UseRefreshSegmentOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) => sdk.client.fetch<AdminSegmentRefreshResponse>(`${segmentPath(id)}/refresh`, { method: "POST" }),
    (queryClient, data) => refreshSegment(queryClient, data.segment)
  )

/** The segment's members, a page at a time (`GET /admin/segments/:id/customers`). */
export const useSegmentCustomers = (id: string, query: AdminSegmentCustomersQuery) => {
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    queryKey: segmentQueryKeys.members(id, query),
    queryFn: () => sdk.client.fetch<AdminSegmentCustomersResponse>(`${segmentPath(id)}/customers`, { query }),
    enabled: !!id,
  })
  return { ...data, ...rest }
}

export type CreateSegmentPromotionInput = { id: string; body: SegmentPromotionBody }
export type UseCreateSegmentPromotionOptions = UseMutationOptions<
  AdminSegmentPromotionResponse,
  FetchError,
  CreateSegmentPromotionInput
>

/** A Medusa promotion limited to the segment's customer group (`POST /admin/segments/:id/promotions`). */
export const useCreateSegmentPromotion = (options?: UseCreateSegmentPromotionOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: CreateSegmentPromotionInput) =>
      sdk.client.fetch<AdminSegmentPromotionResponse>(`${segmentPath(id)}/promotions`, { method: "POST", body }),
    // The segment's page lists its promotions.
    (queryClient) => queryClient.invalidateQueries({ queryKey: segmentQueryKeys.details() })
  )

/** How the customers spread over the ten RFM groups (`GET /admin/crm/rfm`). */
export const useRfmDistribution = () => {
  const { data, ...rest } = useQuery({
    queryKey: segmentQueryKeys.rfm(),
    queryFn: () => sdk.client.fetch<AdminRfmResponse>(RFM_PATH),
  })
  return { ...data, ...rest }
}

export type UseRescoreRfmOptions = UseMutationOptions<AdminRfmResponse, FetchError, void>

/** Scores every customer again now (`POST /admin/crm/rfm`); segments on RFM fields change at their next refresh. */
export const useRescoreRfm = (options?: UseRescoreRfmOptions) =>
  useMutationWithRefresh(
    options,
    () => sdk.client.fetch<AdminRfmResponse>(RFM_PATH, { method: "POST" }),
    (queryClient, data) => {
      queryClient.setQueryData(segmentQueryKeys.rfm(), data)
      return queryClient.invalidateQueries({ queryKey: [...segmentQueryKeys.all, "customer"] })
    }
  )

/** A customer's segments and RFM scores (`GET /admin/customers/:id/segments`), for the customer widget. */
export const useCustomerSegments = (customerId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: segmentQueryKeys.customer(customerId),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerSegmentsResponse>(`/admin/customers/${encodeURIComponent(customerId)}/segments`),
    enabled: !!customerId,
  })
  return { ...data, ...rest }
}
