import { useMemo, useSyncExternalStore } from "react"

/**
 * The plugin's admin texts, in the dashboard's current language.
 *
 * The dashboard (i18next + i18next-browser-languagedetector) keeps the chosen
 * language in the `lng` cookie and the `lng` localStorage entry, with codes
 * such as "en" and "zhCN", and writes the resolved one to
 * `<html lang="zh-CN">` (its I18nProvider). We read the same places, in the
 * order that reflects what is on screen right now, and follow changes.
 */

export type CrmLocale = "en" | "zh-CN"

export const CRM_DEFAULT_LOCALE: CrmLocale = "en"

const en = {
  "loyalty.title": "Loyalty",
  "loyalty.availablePoints": "Available points",
  "loyalty.pendingPoints": "Pending points",
  "loyalty.heldPoints": "Held points",
  "loyalty.lifetimePoints": "Lifetime points",
  "loyalty.tier": "Tier",
  "loyalty.noTier": "No tier yet",
  "loyalty.toNextTier": "{points} points to {tier}",
  "loyalty.memberSince": "Member since",
  "loyalty.expiring": "{points} points expire on {date}",
  "loyalty.noPointsYet": "No points earned yet.",
  "loyalty.noAccount": "No loyalty account for this customer yet.",
  "loyalty.loading": "Loading loyalty account",
  "loyalty.errorTitle": "Couldn't load the loyalty account",
  "loyalty.retry": "Try again",
} as const

export type CrmMessageKey = keyof typeof en
export type CrmMessages = Record<CrmMessageKey, string>

const zhCN: CrmMessages = {
  "loyalty.title": "会员积分",
  "loyalty.availablePoints": "可用积分",
  "loyalty.pendingPoints": "待入账积分",
  "loyalty.heldPoints": "冻结积分",
  "loyalty.lifetimePoints": "累计积分",
  "loyalty.tier": "会员等级",
  "loyalty.noTier": "暂无等级",
  "loyalty.toNextTier": "再获得 {points} 积分升级为 {tier}",
  "loyalty.memberSince": "入会时间",
  "loyalty.expiring": "{points} 积分将于 {date} 过期",
  "loyalty.noPointsYet": "尚未获得积分。",
  "loyalty.noAccount": "该客户还没有会员积分账户。",
  "loyalty.loading": "正在加载会员积分账户",
  "loyalty.errorTitle": "无法加载会员积分账户",
  "loyalty.retry": "重试",
}

export const crmMessages: Record<CrmLocale, CrmMessages> = {
  en,
  "zh-CN": zhCN,
}

/**
 * Maps a dashboard language code ("zhCN", "zh-CN", "en", "enGB", ...) to one
 * the plugin has texts for. Every Chinese variant gets Simplified Chinese
 * (closer to a Chinese reader than English); anything else gets English.
 */
export function resolveCrmLocale(code: string | null | undefined): CrmLocale {
  const normalized = (code ?? "").trim().toLowerCase()
  if (normalized.startsWith("zh")) {
    return "zh-CN"
  }
  return CRM_DEFAULT_LOCALE
}

const LANGUAGE_KEY = "lng"

function readCookie(name: string): string | null {
  const prefix = `${name}=`
  for (const part of document.cookie.split(";")) {
    const entry = part.trim()
    if (entry.startsWith(prefix)) {
      try {
        return decodeURIComponent(entry.slice(prefix.length))
      } catch {
        return null
      }
    }
  }
  return null
}

function readLocalStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames).
    return null
  }
}

/** The dashboard's current language code, or null outside a browser. */
export function readDashboardLanguage(): string | null {
  if (typeof document === "undefined") {
    return null
  }
  return (
    document.documentElement.getAttribute("lang") ||
    readLocalStorage(LANGUAGE_KEY) ||
    readCookie(LANGUAGE_KEY) ||
    null
  )
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined") {
    return () => {}
  }
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["lang"],
  })
  window.addEventListener("storage", onChange)
  return () => {
    observer.disconnect()
    window.removeEventListener("storage", onChange)
  }
}

const getSnapshot = (): CrmLocale => resolveCrmLocale(readDashboardLanguage())
const getServerSnapshot = (): CrmLocale => CRM_DEFAULT_LOCALE

export type TranslateValues = Record<string, string | number>

/**
 * Looks a key up and fills `{name}` placeholders. The result is plain text:
 * render it as a React child, never as HTML.
 */
export function translate(
  locale: CrmLocale,
  key: CrmMessageKey,
  values?: TranslateValues
): string {
  const template = crmMessages[locale][key] ?? crmMessages.en[key]
  if (!values) {
    return template
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name)
      ? String(values[name])
      : match
  )
}

export type CrmTranslation = {
  locale: CrmLocale
  t: (key: CrmMessageKey, values?: TranslateValues) => string
  formatNumber: (value: number) => string
  formatDate: (value: string | Date) => string
}

/** The plugin's `t()` plus number and date formatting in the same language. */
export function useCrmTranslation(): CrmTranslation {
  const locale = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)

  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale)
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" })
    return {
      locale,
      t: (key, values) => translate(locale, key, values),
      formatNumber: (value) => numberFormat.format(value),
      formatDate: (value) => {
        const date = value instanceof Date ? value : new Date(value)
        return Number.isNaN(date.getTime()) ? "-" : dateFormat.format(date)
      },
    }
  }, [locale])
}
