import type { FetchError } from "@medusajs/js-sdk"
import {
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminCreateLoyaltyTier,
  AdminLoyaltyTierDeleteResponse,
  AdminUpdateLoyaltyTier,
} from "../../client"
import type {
  AdminLoyaltyTierResponse,
  AdminLoyaltyTiersResponse,
  AdminTierEvaluationResponse,
} from "../../types"
import { sdk } from "../lib/sdk"
import { loyaltyQueryKeys } from "./loyalty"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type {
  AdminCreateLoyaltyTier,
  AdminUpdateLoyaltyTier,
} from "../../client"
export type { AdminLoyaltyTier, TierEvaluationResult } from "../../types"

/** Under `loyaltyQueryKeys.all`, so refreshing everything loyalty refreshes these too. */
export const tierQueryKeys = {
  all: [...loyaltyQueryKeys.all, "tiers"] as const,
  list: () => [...tierQueryKeys.all, "list"] as const,
  details: () => [...tierQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...tierQueryKeys.details(), id] as const,
}

const TIERS_PATH = "/admin/loyalty/tiers"
const tierPath = (id: string) => `${TIERS_PATH}/${encodeURIComponent(id)}`

/**
 * After any change to the ladder: the tiers (list and details), the members
 * list (its tier column and filter) and every customer's account (tier,
 * next tier, progress) may all have moved.
 */
const refreshTiers = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: tierQueryKeys.all }),
    queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.accountLists() }),
    queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.customers() }),
  ])

export type UseLoyaltyTiersOptions = Omit<
  UseQueryOptions<
    AdminLoyaltyTiersResponse,
    FetchError,
    AdminLoyaltyTiersResponse,
    ReturnType<typeof tierQueryKeys.list>
  >,
  "queryKey" | "queryFn"
>

/**
 * Every tier with its member count, lowest rank first
 * (`GET /admin/loyalty/tiers`). Returns react-query's result with `tiers`
 * spread on top.
 */
export const useLoyaltyTiers = (options?: UseLoyaltyTiersOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: tierQueryKeys.list(),
    queryFn: () => sdk.client.fetch<AdminLoyaltyTiersResponse>(TIERS_PATH),
  })

  return { ...data, ...rest }
}

export type UseLoyaltyTierOptions = Omit<
  UseQueryOptions<
    AdminLoyaltyTierResponse,
    FetchError,
    AdminLoyaltyTierResponse,
    ReturnType<typeof tierQueryKeys.detail>
  >,
  "queryKey" | "queryFn"
>

/** One tier (`GET /admin/loyalty/tiers/:id`), with `tier` spread on top. */
export const useLoyaltyTier = (id: string, options?: UseLoyaltyTierOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: tierQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminLoyaltyTierResponse>(tierPath(id)),
    enabled: id ? (options?.enabled ?? true) : false,
  })

  return { ...data, ...rest }
}

export type UseCreateLoyaltyTierOptions = UseMutationOptions<
  AdminLoyaltyTierResponse,
  FetchError,
  AdminCreateLoyaltyTier
>

/** `POST /admin/loyalty/tiers`. Options spread first, our `onSuccess` last. */
export const useCreateLoyaltyTier = (options?: UseCreateLoyaltyTierOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminCreateLoyaltyTier) =>
      sdk.client.fetch<AdminLoyaltyTierResponse>(TIERS_PATH, {
        method: "POST",
        body,
      }),
    refreshTiers
  )

/** What `useUpdateLoyaltyTier` takes: the tier's id and the changed fields. */
export type UpdateLoyaltyTierInput = {
  id: string
  body: AdminUpdateLoyaltyTier
}

export type UseUpdateLoyaltyTierOptions = UseMutationOptions<
  AdminLoyaltyTierResponse,
  FetchError,
  UpdateLoyaltyTierInput
>

/**
 * A partial update (`POST /admin/loyalty/tiers/:id`), the id given to
 * `mutate` so one hook serves the drawer and any other caller.
 * Sending `rank` moves the tier and shifts the others. Options spread
 * first, our `onSuccess` last.
 */
export const useUpdateLoyaltyTier = (options?: UseUpdateLoyaltyTierOptions) =>
  useMutationWithRefresh(
    options,
    ({ id, body }: UpdateLoyaltyTierInput) =>
      sdk.client.fetch<AdminLoyaltyTierResponse>(tierPath(id), {
        method: "POST",
        body,
      }),
    refreshTiers
  )

export type UseDeleteLoyaltyTierOptions = UseMutationOptions<
  AdminLoyaltyTierDeleteResponse,
  FetchError,
  string
>

/**
 * `DELETE /admin/loyalty/tiers/:id`, the id given to `mutate`. The tier's
 * members move to the next lower tier. Options spread first, our
 * `onSuccess` last.
 */
export const useDeleteLoyaltyTier = (options?: UseDeleteLoyaltyTierOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) =>
      sdk.client.fetch<AdminLoyaltyTierDeleteResponse>(tierPath(id), {
        method: "DELETE",
      }),
    refreshTiers
  )

export type UseEvaluateLoyaltyTiersOptions = UseMutationOptions<
  AdminTierEvaluationResponse,
  FetchError,
  void
>

/**
 * Re-scores every member now (`POST /admin/loyalty/tiers/evaluate`). Options
 * spread first, our `onSuccess` last.
 */
export const useEvaluateLoyaltyTiers = (options?: UseEvaluateLoyaltyTiersOptions) =>
  useMutationWithRefresh(
    options,
    () =>
      sdk.client.fetch<AdminTierEvaluationResponse>(`${TIERS_PATH}/evaluate`, {
        method: "POST",
      }),
    refreshTiers
  )
