import type { FetchError } from "@medusajs/js-sdk"
import {
  useMutation,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
} from "@tanstack/react-query"

/**
 * `useMutation` that brings the cache up to date after a success. The
 * caller's options are spread first and our `onSuccess` comes last: it runs
 * `refresh`, then calls the caller's `onSuccess`, so a caller can never drop
 * the refresh.
 */
export const useMutationWithRefresh = <TData, TVariables>(
  options: UseMutationOptions<TData, FetchError, TVariables> | undefined,
  mutationFn: (variables: TVariables) => Promise<TData>,
  refresh: (queryClient: QueryClient, data: TData) => Promise<unknown>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    mutationFn,
    onSuccess: async (data, variables, context) => {
      await refresh(queryClient, data)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}
