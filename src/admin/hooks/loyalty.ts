import type { FetchError } from "@medusajs/js-sdk"
import { useQuery, type UseQueryOptions } from "@tanstack/react-query"
import type { AdminCustomerLoyaltyResponse } from "../../types"
import { sdk } from "../lib/sdk"

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
}

export type CustomerLoyaltyQueryKey = ReturnType<
  typeof loyaltyQueryKeys.customer
>

export type UseCustomerLoyaltyOptions = Omit<
  UseQueryOptions<
    AdminCustomerLoyaltyResponse,
    FetchError,
    AdminCustomerLoyaltyResponse,
    CustomerLoyaltyQueryKey
  >,
  "queryKey" | "queryFn"
>

export const fetchCustomerLoyalty = (customerId: string) =>
  sdk.client.fetch<AdminCustomerLoyaltyResponse>(
    `/admin/customers/${encodeURIComponent(customerId)}/loyalty`
  )

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

/*
 * Mutations (adjust points, ...) follow the same shape, with the caller's
 * options spread FIRST and our onSuccess after, calling theirs, so the
 * invalidation below can never be dropped by a caller's onSuccess:
 *
 *   const queryClient = useQueryClient()
 *   return useMutation({
 *     ...options,
 *     mutationFn: (body) => sdk.client.fetch(..., { method: "POST", body }),
 *     onSuccess: async (data, variables, context) => {
 *       await queryClient.invalidateQueries({
 *         queryKey: loyaltyQueryKeys.customer(customerId),
 *       })
 *       return options?.onSuccess?.(data, variables, context)
 *     },
 *   })
 */
