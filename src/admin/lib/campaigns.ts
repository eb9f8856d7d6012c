import type { AdminLoyaltyCampaign } from "../hooks/campaigns"
import type { CrmLocale, CrmTranslation } from "./i18n"

export type CampaignStatus = "active" | "scheduled" | "ended" | "paused"

/**
 * Where a campaign stands at `now`: switched off (paused), before its window
 * (scheduled), past it (ended, `ends_at` excluded as the server counts it),
 * or running. A paused campaign that has ended is shown as ended.
 */
export const campaignStatus = (
  campaign: Pick<AdminLoyaltyCampaign, "active" | "starts_at" | "ends_at">,
  now: Date = new Date()
): CampaignStatus => {
  const time = now.getTime()
  if (time >= Date.parse(campaign.ends_at)) {
    return "ended"
  }
  if (!campaign.active) {
    return "paused"
  }
  return time < Date.parse(campaign.starts_at) ? "scheduled" : "active"
}

/** Weekdays in the order the form shows them, Monday first (0 = Sunday). */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const

/** "Mon", "周一", ... for 0 (Sunday) to 6, in the admin's language. */
export const weekdayName = (day: number, locale: CrmLocale, width: "short" | "long" = "short") =>
  // 2024-01-07 was a Sunday.
  new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, 7 + day))
  )

const sortedUnique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b)

/**
 * The campaign's member days in words: its weekdays and days of the month
 * (a day must match both when both are set), or "every day".
 */
export const describeMemberDays = (
  campaign: Pick<AdminLoyaltyCampaign, "weekdays" | "days_of_month">,
  { t, locale }: Pick<CrmTranslation, "t" | "locale">
): string[] => {
  const separator = t("campaigns.listSeparator")
  const lines: string[] = []
  const weekdays = campaign.weekdays ?? []
  if (weekdays.length && weekdays.length < 7) {
    lines.push(
      WEEKDAY_ORDER.filter((day) => weekdays.includes(day))
        .map((day) => weekdayName(day, locale))
        .join(separator)
    )
  }
  const days = sortedUnique(campaign.days_of_month ?? [])
  if (days.length) {
    lines.push(
      t(days.length === 1 ? "campaigns.dayOfMonth" : "campaigns.daysOfMonth", {
        days: days.join(separator),
      })
    )
  }
  return lines.length ? lines : [t("campaigns.everyDay")]
}

/**
 * "1, 15, 28" as days of the month: whole numbers from 1 to 31, separated by
 * commas (ASCII or full-width) or spaces. Empty text is no days (every day);
 * anything else is null.
 */
export const parseDaysOfMonth = (text: string): number[] | null => {
  const parts = text
    .split(/[\s,，、]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  const days: number[] = []
  for (const part of parts) {
    if (!/^\d{1,2}$/.test(part)) {
      return null
    }
    const day = Number(part)
    if (day < 1 || day > 31) {
      return null
    }
    days.push(day)
  }
  return sortedUnique(days)
}
