import type { HttpTypes } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminBatchModerateReviews,
  AdminReviewsQuery,
} from "../../client"
import type {
  AdminReviewBatchResponse,
  AdminReviewResponse,
  AdminReviewSettingsResponse,
  AdminReviewsResponse,
  ModerationAction,
  UpdateReviewSettings,
} from "../../types"
import { sdk } from "../lib/sdk"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type { AdminBatchModerateReviews, AdminReviewsQuery } from "../../client"
export type {
  AdminReview,
  AdminReviewDetail,
  RatingSummary,
  ReviewSettingsDTO,
} from "../../types"

/**
 * Query keys for everything reviews in the admin. Prefixed with "crm" so they
 * never meet the dashboard's own keys; invalidate `reviewQueryKeys.all` to
 * refresh every review query at once.
 */
export const reviewQueryKeys = {
  all: ["crm", "reviews"] as const,
  lists: () => [...reviewQueryKeys.all, "list"] as const,
  list: (query: AdminReviewsQuery) => [...reviewQueryKeys.lists(), query] as const,
  details: () => [...reviewQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...reviewQueryKeys.details(), id] as const,
  settings: () => [...reviewQueryKeys.all, "settings"] as const,
  /** Names of the staff users a review's history mentions. */
  users: (ids: readonly string[]) => [...reviewQueryKeys.all, "users", ids] as const,
}

const REVIEWS_PATH = "/admin/reviews"
const reviewPath = (id: string) => `${REVIEWS_PATH}/${encodeURIComponent(id)}`

/**
 * After a review changed: every list (queue, product and order widgets,
 * product summaries) and every detail, since a batch can touch many.
 */
const refreshReviews = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: reviewQueryKeys.details() }),
  ])

/** One review changed and came back: show it at once, then refetch the lists. */
const refreshReview = (queryClient: QueryClient, data: AdminReviewResponse) => {
  queryClient.setQueryData(reviewQueryKeys.detail(data.review.id), data)
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewQueryKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: reviewQueryKeys.detail(data.review.id) }),
  ])
}

/** The query without empty filters, so equal filters share one cache entry. */
const normalizeQuery = (query: AdminReviewsQuery): AdminReviewsQuery => {
  const q = query.q?.trim()
  const productId = query.product_id?.trim()
  return {
    limit: query.limit,
    offset: query.offset,
    ...(query.status ? { status: query.status } : {}),
    ...(productId ? { product_id: productId } : {}),
    ...(query.customer_id ? { customer_id: query.customer_id } : {}),
    ...(query.order_id ? { order_id: query.order_id } : {}),
    ...(query.rating ? { rating: query.rating } : {}),
    ...(query.verified !== undefined ? { verified: query.verified } : {}),
    ...(q ? { q } : {}),
    ...(query.order ? { order: query.order } : {}),
  }
}

export type UseReviewsOptions = Omit<
  UseQueryOptions<
    AdminReviewsResponse,
    FetchError,
    AdminReviewsResponse,
    ReturnType<typeof reviewQueryKeys.list>
  >,
  "queryKey" | "queryFn"
>

/**
 * A page of reviews (`GET /admin/reviews`) with their product and customer;
 * `summary` too when filtered by one product. The previous page stays on
 * screen while the next one loads. Returns react-query's result with
 * `reviews`, `count` and `summary` spread on top.
 */
export const useReviews = (query: AdminReviewsQuery, options?: UseReviewsOptions) => {
  const normalized = normalizeQuery(query)
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: reviewQueryKeys.list(normalized),
    queryFn: () =>
      sdk.client.fetch<AdminReviewsResponse>(REVIEWS_PATH, { query: normalized }),
  })

  return { ...data, ...rest }
}

export type UseReviewOptions = Omit<
  UseQueryOptions<
    AdminReviewResponse,
    FetchError,
    AdminReviewResponse,
    ReturnType<typeof reviewQueryKeys.detail>
  >,
  "queryKey" | "queryFn"
>

/** One review with its moderation history (`GET /admin/reviews/:id`), `review` spread on top. */
export const useReview = (id: string, options?: UseReviewOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: reviewQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminReviewResponse>(reviewPath(id)),
    enabled: id ? (options?.enabled ?? true) : false,
  })

  return { ...data, ...rest }
}

/** What `useModerateReview` takes: the review, the action and an optional reason. */
export type ModerateReviewInput = {
  id: string
  action: ModerationAction
  reason?: string
}

export type UseModerateReviewOptions = UseMutationOptions<
  AdminReviewResponse,
  FetchError,
  ModerateReviewInput
>

/**
 * Approves, rejects or flags one review
 * (`POST /admin/reviews/:id/{approve,reject,flag}`). Options spread first,
 * our `onSuccess` last.
 */
export const useModerateReview = (options?: UseModerateReviewOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, action, reason }: ModerateReviewInput) =>
      sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    refreshReview
  )

export type UseBatchModerateReviewsOptions = UseMutationOptions<
  AdminReviewBatchResponse,
  FetchError,
  AdminBatchModerateReviews
>

/**
 * Approves, rejects or flags many reviews at once (`POST /admin/reviews/batch`);
 * the answer lists the ids each action changed. Options spread first, our
 * `onSuccess` last.
 */
export const useBatchModerateReviews = (options?: UseBatchModerateReviewsOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminBatchModerateReviews) =>
      sdk.client.fetch<AdminReviewBatchResponse>(`${REVIEWS_PATH}/batch`, {
        method: "POST",
        body,
      }),
    refreshReviews
  )

/** What `useRespondToReview` takes: the review and the reply's text. */
export type RespondToReviewInput = {
  id: string
  content: string
}

export type UseRespondToReviewOptions = UseMutationOptions<
  AdminReviewResponse,
  FetchError,
  RespondToReviewInput
>

/** Sets the store's public reply (`POST /admin/reviews/:id/response`). Options spread first, our `onSuccess` last. */
export const useRespondToReview = (options?: UseRespondToReviewOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, content }: RespondToReviewInput) =>
      sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/response`, {
        method: "POST",
        body: { content },
      }),
    refreshReview
  )

export type UseRemoveReviewResponseOptions = UseMutationOptions<
  AdminReviewResponse,
  FetchError,
  string
>

/**
 * Removes the store's public reply (`DELETE /admin/reviews/:id/response`),
 * the review's id given to `mutate`. Options spread first, our `onSuccess` last.
 */
export const useRemoveReviewResponse = (options?: UseRemoveReviewResponseOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) =>
      sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/response`, {
        method: "DELETE",
      }),
    refreshReview
  )

export type UseReviewSettingsOptions = Omit<
  UseQueryOptions<
    AdminReviewSettingsResponse,
    FetchError,
    AdminReviewSettingsResponse,
    ReturnType<typeof reviewQueryKeys.settings>
  >,
  "queryKey" | "queryFn"
>

/** The moderation settings (`GET /admin/reviews/settings`), `settings` spread on top. */
export const useReviewSettings = (options?: UseReviewSettingsOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: reviewQueryKeys.settings(),
    queryFn: () => sdk.client.fetch<AdminReviewSettingsResponse>(`${REVIEWS_PATH}/settings`),
  })

  return { ...data, ...rest }
}

export type UseUpdateReviewSettingsOptions = UseMutationOptions<
  AdminReviewSettingsResponse,
  FetchError,
  UpdateReviewSettings
>

/**
 * A partial update of the moderation settings (`POST /admin/reviews/settings`):
 * send only the fields that changed. Options spread first, our `onSuccess` last.
 */
export const useUpdateReviewSettings = (options?: UseUpdateReviewSettingsOptions) =>
  useMutationWithRefresh(
    options,
    (body: UpdateReviewSettings) =>
      sdk.client.fetch<AdminReviewSettingsResponse>(`${REVIEWS_PATH}/settings`, {
        method: "POST",
        body,
      }),
    (queryClient, data) => {
      queryClient.setQueryData(reviewQueryKeys.settings(), data)
      return queryClient.invalidateQueries({ queryKey: reviewQueryKeys.settings() })
    }
  )

export type StaffUser = {
  id: string
  email: string
  name: string
}

/**
 * Name and e-mail of the staff users a review's history mentions, through
 * the dashboard's own users route, as a map by id. Not retried: an unknown
 * or deleted user is shown by id.
 */
export const useStaffUsers = (ids: string[]) => {
  const sorted = [...new Set(ids.filter(Boolean))].sort()
  return useQuery({
    queryKey: reviewQueryKeys.users(sorted),
    queryFn: async () => {
      const { users } = await sdk.admin.user.list({
        id: sorted,
        limit: sorted.length,
        fields: "id,email,first_name,last_name",
      })
      return new Map<string, StaffUser>(
        users.map((user: HttpTypes.AdminUser) => [
          user.id,
          {
            id: user.id,
            email: user.email,
            name: [user.first_name, user.last_name]
              .map((part) => part?.trim())
              .filter(Boolean)
              .join(" "),
          },
        ])
      )
    },
    enabled: sorted.length > 0,
    retry: false,
    staleTime: 5 * 60 * 1000,
  })
}
