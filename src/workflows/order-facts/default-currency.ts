import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The store's default currency (the first supported one when none is marked
 * default; null in a store without currencies): spend in the order facts
 * and tier thresholds are in it.
 */
export async function defaultCurrencyOf(container: MedusaContainer): Promise<string | null> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { relations: ["supported_currencies"], take: 1 })
  const currencies = store?.supported_currencies ?? []
  return (currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? null
}
