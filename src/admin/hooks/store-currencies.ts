import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export const storeCurrenciesQueryKey = ["crm", "store", "currencies"] as const

export type StoreCurrencyOption = {
  /** Lower-case ISO code, as the loyalty settings keep it. */
  code: string
  name: string | null
  is_default: boolean
}

/**
 * The store's supported currencies (the choices for per-currency loyalty
 * rates), default currency first.
 */
export const useStoreCurrencies = () =>
  useQuery({
    queryKey: storeCurrenciesQueryKey,
    queryFn: async (): Promise<StoreCurrencyOption[]> => {
      const { stores } = await sdk.admin.store.list()
      const seen = new Map<string, StoreCurrencyOption>()
      for (const store of stores) {
        for (const supported of store.supported_currencies ?? []) {
          const code = supported.currency_code?.toLowerCase()
          if (code && !seen.has(code)) {
            seen.set(code, {
              code,
              name: supported.currency?.name ?? null,
              is_default: !!supported.is_default,
            })
          }
        }
      }
      return [...seen.values()].sort(
        (a, b) => Number(b.is_default) - Number(a.is_default) || a.code.localeCompare(b.code)
      )
    },
    staleTime: 5 * 60 * 1000,
  })
