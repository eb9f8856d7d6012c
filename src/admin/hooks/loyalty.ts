import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type { AdminCustomerLoyaltyTransactionsResponse } from "../../client"
import type {
  AdminCustomerLoyaltyResponse,
  LoyaltySettingsDTO,
  StoreLoyaltyAccount,
  UpdateLoyaltySettings,
} from "../../types"
import { sdk } from "../lib/sdk"
import { useMutationWithRefresh } from "./mutation-with-refresh"

/**
 * Query keys for everything loyalty in the admin. Prefixed with "crm" so they
 * never meet the dashboard's own keys; invalidate `loyaltyQueryKeys.all` to
 * refresh every loyalty query at once.
 */
export const loyaltyQueryKeys = {
  all: ["crm", "loyalty"] as const,
  customers: () => [...loyaltyQueryKeys.all, "customer"] as const,
  customer: (customerId: string) =>
    [...loyaltyQueryKeys.customers(), customerId] as const,
  /**
   * Under the customer's key on purpose: invalidating the account (as an
   * adjustment does) refreshes the pages of its ledger too.
   */
  customerTransactions: (customerId: string) =>
    [...loyaltyQueryKeys.customer(customerId), "transactions"] as const,
  customerTransactionList: (customerId: string, query: LoyaltyTransactionsQuery) =>
    [...loyaltyQueryKeys.customerTransactions(customerId), query] as const,
  /** Name and e-mail of a customer the widget links to (a referrer). */
  customerSummary: (customerId: string) =>
    [...loyaltyQueryKeys.all, "customer-summary", customerId] as const,
  settings: () => [...loyaltyQueryKeys.all, "settings"] as const,
  accountLists: () => [...loyaltyQueryKeys.all, "accounts"] as const,
  accountList: (query: LoyaltyAccountsQuery) =>
    [...loyaltyQueryKeys.accountLists(), query] as const,
}

export type CustomerLoyaltyQueryKey = ReturnType<
  typeof loyaltyQueryKeys.customer
>

/* ------------------------------------------------------------------------ */
/* A customer's account                                                     */
/* ------------------------------------------------------------------------ */

export type UseCustomerLoyaltyOptions = Omit<
  UseQueryOptions<
    AdminCustomerLoyaltyResponse,
    FetchError,
    AdminCustomerLoyaltyResponse,
    CustomerLoyaltyQueryKey
  >,
  "queryKey" | "queryFn"
>

const customerLoyaltyPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/loyalty`

export const fetchCustomerLoyalty = (customerId: string) =>
  sdk.client.fetch<AdminCustomerLoyaltyResponse>(customerLoyaltyPath(customerId))

/**
 * A customer's loyalty account (`GET /admin/customers/:id/loyalty`).
 * Returns react-query's result with `loyalty_account` spread on top.
 */
export const useCustomerLoyalty = (
  customerId: string,
  options?: UseCustomerLoyaltyOptions
) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: loyaltyQueryKeys.customer(customerId),
    queryFn: () => fetchCustomerLoyalty(customerId),
    enabled: customerId ? (options?.enabled ?? true) : false,
  })

  return { ...data, ...rest }
}

export type LoyaltyTransactionsQuery = {
  limit: number
  offset: number
}

export type UseCustomerLoyaltyTransactionsOptions = Omit<
  UseQueryOptions<
    AdminCustomerLoyaltyTransactionsResponse,
    FetchError,
    AdminCustomerLoyaltyTransactionsResponse,
    ReturnType<typeof loyaltyQueryKeys.customerTransactionList>
  >,
  "queryKey" | "queryFn"
>

/**
 * A page of a customer's whole ledger, every entry type, newest first
 * (`GET /admin/customers/:id/loyalty/transactions`). The previous page stays
 * on screen while the next one loads.
 */
export const useCustomerLoyaltyTransactions = (
  customerId: string,
  query: LoyaltyTransactionsQuery,
  options?: UseCustomerLoyaltyTransactionsOptions
) => {
  const normalized: LoyaltyTransactionsQuery = { limit: query.limit, offset: query.offset }
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: loyaltyQueryKeys.customerTransactionList(customerId, normalized),
    queryFn: () =>
      sdk.client.fetch<AdminCustomerLoyaltyTransactionsResponse>(
        `${customerLoyaltyPath(customerId)}/transactions`,
        { query: normalized }
      ),
    enabled: customerId ? (options?.enabled ?? true) : false,
  })

  return { ...data, ...rest }
}

export type CustomerSummary = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
}

/**
 * Name and e-mail of another customer (who referred this one), through the
 * dashboard's own customers route. Not retried: a deleted customer is a 404
 * and the caller falls back to the id.
 */
export const useCustomerSummary = (customerId: string | null | undefined) =>
  useQuery({
    queryKey: loyaltyQueryKeys.customerSummary(customerId ?? ""),
    queryFn: async (): Promise<CustomerSummary> => {
      const { customer } = await sdk.admin.customer.retrieve(customerId!, {
        fields: "id,email,first_name,last_name",
      })
      return {
        id: customer.id,
        email: customer.email ?? null,
        first_name: customer.first_name ?? null,
        last_name: customer.last_name ?? null,
      }
    },
    enabled: !!customerId,
    retry: false,
    staleTime: 5 * 60 * 1000,
  })

/** What the Adjust points form sends. */
export type AdjustLoyaltyPointsInput = {
  /** Signed whole number, never 0. */
  points: number
  /** Why (3 to 500 characters); kept on the ledger entry. */
  reason: string
  /**
   * One key per submission: the server posts an adjustment once per key, so
   * a double click or a retried request cannot add the points twice.
   */
  idempotency_key: string
}

export type UseAdjustLoyaltyPointsOptions = UseMutationOptions<
  AdminCustomerLoyaltyResponse,
  FetchError,
  AdjustLoyaltyPointsInput
>

/**
 * Adds or deducts points (`POST /admin/customers/:id/loyalty/adjustments`).
 * The caller's options are spread first and our `onSuccess` comes after and
 * calls theirs, so the refresh of the account and the members list can never
 * be dropped by a caller's `onSuccess`.
 */
export const useAdjustLoyaltyPoints = (
  customerId: string,
  options?: UseAdjustLoyaltyPointsOptions
) =>
  useMutationWithRefresh(
    options,
    ({ idempotency_key, ...body }: AdjustLoyaltyPointsInput) =>
      sdk.client.fetch<AdminCustomerLoyaltyResponse>(
        `${customerLoyaltyPath(customerId)}/adjustments`,
        {
          method: "POST",
          body,
          headers: { "Idempotency-Key": idempotency_key },
        }
      ),
    (queryClient, data) => {
      // The answer is the fresh account: show it at once, then refetch
      // everything that lists balances.
      queryClient.setQueryData(loyaltyQueryKeys.customer(customerId), data)
      // The customer's key is a prefix of its ledger pages' keys: the
      // activity list refetches as well.
      return Promise.all([
        queryClient.invalidateQueries({
          queryKey: loyaltyQueryKeys.customer(customerId),
        }),
        queryClient.invalidateQueries({
          queryKey: loyaltyQueryKeys.accountLists(),
        }),
      ])
    }
  )

/* ------------------------------------------------------------------------ */
/* Settings                                                                 */
/* ------------------------------------------------------------------------ */

export type AdminLoyaltySettingsResponse = { settings: LoyaltySettingsDTO }

export type UseLoyaltySettingsOptions = Omit<
  UseQueryOptions<
    AdminLoyaltySettingsResponse,
    FetchError,
    AdminLoyaltySettingsResponse,
    ReturnType<typeof loyaltyQueryKeys.settings>
  >,
  "queryKey" | "queryFn"
>

/** The store's loyalty settings (`GET /admin/loyalty/settings`). */
export const useLoyaltySettings = (options?: UseLoyaltySettingsOptions) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: loyaltyQueryKeys.settings(),
    queryFn: () =>
      sdk.client.fetch<AdminLoyaltySettingsResponse>("/admin/loyalty/settings"),
  })

  return { ...data, ...rest }
}

export type UseUpdateLoyaltySettingsOptions = UseMutationOptions<
  AdminLoyaltySettingsResponse,
  FetchError,
  UpdateLoyaltySettings
>

/**
 * A partial update of the settings (`POST /admin/loyalty/settings`): send
 * only the fields that changed. Options spread first, our `onSuccess` last.
 */
export const useUpdateLoyaltySettings = (
  options?: UseUpdateLoyaltySettingsOptions
) =>
  useMutationWithRefresh(
    options,
    (body: UpdateLoyaltySettings) =>
      sdk.client.fetch<AdminLoyaltySettingsResponse>("/admin/loyalty/settings", {
        method: "POST",
        body,
      }),
    (queryClient, data) => {
      queryClient.setQueryData(loyaltyQueryKeys.settings(), data)
      return queryClient.invalidateQueries({
        queryKey: loyaltyQueryKeys.settings(),
      })
    }
  )

/* ------------------------------------------------------------------------ */
/* Members (all accounts)                                                   */
/* ------------------------------------------------------------------------ */

export type LoyaltyAccountsQuery = {
  q?: string
  /** Only the members of this tier. */
  tier_id?: string
  limit: number
  offset: number
}

/** One row of `GET /admin/loyalty/accounts`. */
export type AdminLoyaltyAccountListItem = StoreLoyaltyAccount & {
  created_at: string
  /** Null when the customer was deleted. */
  customer: {
    id: string
    email: string | null
    first_name: string | null
    last_name: string | null
  } | null
}

export type AdminLoyaltyAccountsResponse = {
  loyalty_accounts: AdminLoyaltyAccountListItem[]
  count: number
  offset: number
  limit: number
}

export type UseLoyaltyAccountsOptions = Omit<
  UseQueryOptions<
    AdminLoyaltyAccountsResponse,
    FetchError,
    AdminLoyaltyAccountsResponse,
    ReturnType<typeof loyaltyQueryKeys.accountList>
  >,
  "queryKey" | "queryFn"
>

/**
 * A page of loyalty accounts, largest balance first, with their customer
 * and tier; `tier_id` keeps one tier's members.
 * The previous page stays on screen while the next one loads.
 */
export const useLoyaltyAccounts = (
  query: LoyaltyAccountsQuery,
  options?: UseLoyaltyAccountsOptions
) => {
  const q = query.q?.trim()
  const normalized: LoyaltyAccountsQuery = {
    limit: query.limit,
    offset: query.offset,
    ...(q ? { q } : {}),
    ...(query.tier_id ? { tier_id: query.tier_id } : {}),
  }
  const { data, ...rest } = useQuery({
    placeholderData: keepPreviousData,
    ...options,
    queryKey: loyaltyQueryKeys.accountList(normalized),
    queryFn: () =>
      sdk.client.fetch<AdminLoyaltyAccountsResponse>("/admin/loyalty/accounts", {
        query: normalized,
      }),
  })

  return { ...data, ...rest }
}
