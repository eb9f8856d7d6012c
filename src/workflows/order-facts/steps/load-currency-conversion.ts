import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import type { Conversion } from "../../../modules/order-facts/facts-of-orders"
import { CrmModules } from "../../../types/modules"
import { defaultCurrencyOf } from "../default-currency"

export const loadCurrencyConversionStepId = "crm-load-currency-conversion"

/** The store's default currency and the settings' exchange rates into it. */
export const loadCurrencyConversionStep = createStep(loadCurrencyConversionStepId, async (_: void, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const [settings, defaultCurrency] = await Promise.all([loyalty.loadSettings(), defaultCurrencyOf(container)])
  return new StepResponse<Conversion>({ default_currency: defaultCurrency, rates: settings.exchange_rates ?? {} })
})
