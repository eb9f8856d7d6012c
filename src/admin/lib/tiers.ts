import type {
  LoyaltySettingsDTO,
  SupportPriority,
  TierMeasure,
  TierPeriod,
} from "../../types"
import type { StoreCurrencyOption } from "../hooks/store-currencies"
import type { CrmLocale, CrmMessageKey, CrmTranslation } from "./i18n"

/*
 * The admin imports the shared types only (`import type`): the lists of
 * choices are spelt out here as records over those types, so a value added
 * to SUPPORT_PRIORITIES, TIER_MEASURES or TIER_PERIODS fails the typecheck
 * until it has a colour and a label.
 */

export const PRIORITY_COLORS: Record<SupportPriority, "grey" | "blue" | "orange" | "red"> = {
  low: "grey",
  normal: "blue",
  high: "orange",
  urgent: "red",
}
export const SUPPORT_PRIORITY_OPTIONS = Object.keys(PRIORITY_COLORS) as SupportPriority[]

const MEASURE_LABELS: Record<TierMeasure, CrmMessageKey> = {
  spend: "settings.tierMeasure.spend",
  points: "settings.tierMeasure.points",
}
export const TIER_MEASURE_OPTIONS = Object.keys(MEASURE_LABELS) as TierMeasure[]
export const tierMeasureLabel = (measure: TierMeasure, t: CrmTranslation["t"]) =>
  t(MEASURE_LABELS[measure])

const PERIOD_LABELS: Record<TierPeriod, CrmMessageKey> = {
  rolling: "settings.tierPeriod.rolling",
  calendar_year: "settings.tierPeriod.calendar_year",
  lifetime: "settings.tierPeriod.lifetime",
}
export const TIER_PERIOD_OPTIONS = Object.keys(PERIOD_LABELS) as TierPeriod[]
export const tierPeriodLabel = (period: TierPeriod, t: CrmTranslation["t"]) =>
  t(PERIOD_LABELS[period])

/** The store's default currency (lower case), or null while unknown. */
export const defaultCurrencyCode = (currencies: StoreCurrencyOption[] | undefined) =>
  currencies?.find((currency) => currency.is_default)?.code ?? null

/**
 * An amount in a currency ("€1,500", "€12.50"), in the admin's language.
 * Whole amounts without decimals; the code after the number when the
 * browser does not know the currency.
 */
export const formatMoney = (amount: number, currencyCode: string, locale: CrmLocale) => {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
      minimumFractionDigits: Number.isInteger(amount) ? 0 : undefined,
    }).format(amount)
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currencyCode.toUpperCase()}`
  }
}

/**
 * A quantity of the qualifying measure: spend in `currencyCode` ("€1,500")
 * or points ("1,500 points"). Spend without a known currency is the bare
 * number.
 */
export const formatMeasure = (
  value: number | string,
  measure: TierMeasure,
  currencyCode: string | null,
  { t, locale, formatNumber }: Pick<CrmTranslation, "t" | "locale" | "formatNumber">
) => {
  // Thresholds are big numbers on the server: accept them as strings too.
  const amount = Number(value)
  if (measure === "points") {
    return t("tiers.points", { points: formatNumber(amount) })
  }
  return currencyCode ? formatMoney(amount, currencyCode, locale) : formatNumber(amount)
}

const RULE_KEYS: Record<TierMeasure, Record<TierPeriod, CrmMessageKey>> = {
  spend: {
    rolling: "tiers.rule.spend.rolling",
    calendar_year: "tiers.rule.spend.calendar_year",
    lifetime: "tiers.rule.spend.lifetime",
  },
  points: {
    rolling: "tiers.rule.points.rolling",
    calendar_year: "tiers.rule.points.calendar_year",
    lifetime: "tiers.rule.points.lifetime",
  },
}

/**
 * How members qualify, in one line: "Spend over the last 12 months, 30 days
 * grace".
 */
export const describeTierRule = (
  settings: Pick<
    LoyaltySettingsDTO,
    "tier_measure" | "tier_period" | "tier_window_months" | "tier_grace_days"
  >,
  t: CrmTranslation["t"]
) => {
  const rule = t(RULE_KEYS[settings.tier_measure][settings.tier_period], {
    months: settings.tier_window_months,
  })
  const grace = settings.tier_grace_days
    ? t("tiers.rule.grace", { days: settings.tier_grace_days })
    : t("tiers.rule.noGrace")
  return `${rule}${t("tiers.rule.separator")}${grace}`
}

/**
 * How far a member is from the next tier's threshold, 0 to 1: the measure
 * now over the next threshold (`value + remaining`). Null at the top or
 * without progress.
 */
export const progressToNextTier = (value: number, remaining: number | null) => {
  if (remaining == null) {
    return null
  }
  const target = value + remaining
  if (!(target > 0)) {
    return 1
  }
  return Math.min(1, Math.max(0, value / target))
}
