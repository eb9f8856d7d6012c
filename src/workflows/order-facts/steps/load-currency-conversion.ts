import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import type { Conversion } from "../../../modules/order-facts/facts-of-orders"
import { CrmModules } from "../../../types/modules"

export const loadCurrencyConversionStepId = "crm-load-currency-conversion"

/** The store's default currency and the settings' exchange rates into it. */
export const loadCurrencyConversionStep = createStep(loadCurrencyConversionStepId, async (_: void, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const [settings, stores] = await Promise.all([
    loyalty.loadSettings(),
    container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"], take: 1 }),
  ])
  const defaultCurrency =
    stores[0]?.supported_currencies?.find((currency) => currency.is_default)?.currency_code ??
    stores[0]?.supported_currencies?.[0]?.currency_code ??
    "eur"
  return new StepResponse<Conversion>({ default_currency: defaultCurrency, rates: settings.exchange_rates ?? {} })
})
