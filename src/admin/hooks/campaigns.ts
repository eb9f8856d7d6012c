import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useQuery,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminCreateLoyaltyCampaign,
  AdminLoyaltyCampaignDeleteResponse,
  AdminLoyaltyCampaignListResponse,
  AdminLoyaltyCampaignResponse,
  AdminUpdateLoyaltyCampaign,
} from "../../client"
import { sdk } from "../lib/sdk"
import { loyaltyQueryKeys } from "./loyalty"
import { useMutationWithRefresh } from "./mutation-with-refresh"

export type {
  AdminCreateLoyaltyCampaign,
  AdminLoyaltyCampaign,
  AdminUpdateLoyaltyCampaign,
} from "../../client"

export type LoyaltyCampaignsQuery = {
  limit: number
  offset: number
}

/** Under `loyaltyQueryKeys.all`, so refreshing everything loyalty refreshes these too. */
export const campaignQueryKeys = {
  all: [...loyaltyQueryKeys.all, "campaigns"] as const,
  lists: () => [...campaignQueryKeys.all, "list"] as const,
  list: (query: LoyaltyCampaignsQuery) => [...campaignQueryKeys.lists(), query] as const,
}

const CAMPAIGNS_PATH = "/admin/loyalty/campaigns"
const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${encodeURIComponent(id)}`

/** After any change to a campaign: refetch every page of the list. */
const refreshCampaignLists = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: campaignQueryKeys.lists() })

export type UseLoyaltyCampaignsOptions = Omit<
  UseQueryOptions<
    AdminLoyaltyCampaignListResponse,
    FetchError,
    AdminLoyaltyCampaignListResponse,
    ReturnType<typeof campaignQueryKeys.list>
  >,
  "queryKey" | "queryFn"
>

/**
 * A page of campaigns, the latest start first (`GET /admin/loyalty/campaigns`).
 * The previous page stays on screen while the next one loads.
 */
export const useLoyaltyCampaigns = (
  query: LoyaltyCampaignsQuery,
  options?: UseLoyaltyCampaignsOptions
) => {
  const normalized: LoyaltyCampaignsQuery = { limit: query.limit, offset: query.offset }
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: campaignQueryKeys.list(normalized),
    queryFn: () =>
      sdk.client.fetch<AdminLoyaltyCampaignListResponse>(CAMPAIGNS_PATH, {
        query: normalized,
      }),
  })

  return { ...data, ...rest }
}

export type UseCreateLoyaltyCampaignOptions = UseMutationOptions<
  AdminLoyaltyCampaignResponse,
  FetchError,
  AdminCreateLoyaltyCampaign
>

/** `POST /admin/loyalty/campaigns`. Options spread first, our `onSuccess` last. */
export const useCreateLoyaltyCampaign = (options?: UseCreateLoyaltyCampaignOptions) =>
  useMutationWithRefresh(
    options,
    (body: AdminCreateLoyaltyCampaign) =>
      sdk.client.fetch<AdminLoyaltyCampaignResponse>(CAMPAIGNS_PATH, {
        method: "POST",
        body,
      }),
    refreshCampaignLists
  )

export type UseUpdateLoyaltyCampaignOptions = UseMutationOptions<
  AdminLoyaltyCampaignResponse,
  FetchError,
  AdminUpdateLoyaltyCampaign
>

/**
 * A partial update (`POST /admin/loyalty/campaigns/:id`): send only the
 * fields that changed. Options spread first, our `onSuccess` last.
 */
export const useUpdateLoyaltyCampaign = (
  id: string,
  options?: UseUpdateLoyaltyCampaignOptions
) =>
  useMutationWithRefresh(
    options,
    (body: AdminUpdateLoyaltyCampaign) =>
      sdk.client.fetch<AdminLoyaltyCampaignResponse>(campaignPath(id), {
        method: "POST",
        body,
      }),
    refreshCampaignLists
  )

export type UseDeleteLoyaltyCampaignOptions = UseMutationOptions<
  AdminLoyaltyCampaignDeleteResponse,
  FetchError,
  string
>

/**
 * `DELETE /admin/loyalty/campaigns/:id`, the id given to `mutate`: one hook
 * serves every row of the table. Options spread first, our `onSuccess` last.
 */
export const useDeleteLoyaltyCampaign = (options?: UseDeleteLoyaltyCampaignOptions) =>
  useMutationWithRefresh(
    options,
    (id: string) =>
      sdk.client.fetch<AdminLoyaltyCampaignDeleteResponse>(campaignPath(id), {
        method: "DELETE",
      }),
    refreshCampaignLists
  )
