/**
 * The wording of the hosted survey page, one table per locale. A new locale
 * is one more entry in PAGE_STRINGS (every key is required, so the compiler
 * lists what is missing). Texts with `{name}` placeholders are filled by
 * `fillIn`; all of them are HTML-escaped when rendered.
 */
export const SURVEY_PAGE_LOCALES = ["en", "zh-CN"] as const
export type SurveyPageLocale = (typeof SURVEY_PAGE_LOCALES)[number]

/** Why a survey link cannot be answered: picks the page's wording (and the HTTP status, see UNAVAILABLE_STATUS). */
export const UNAVAILABLE_REASONS = ["not_found", "expired", "used", "answered"] as const
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number]

export type SurveyPageStrings = {
  /** Shown above the questions when some need an answer. */
  required_note: string
  /** Read by screen readers after a required question's label. */
  required: string
  nps_low: string
  nps_high: string
  csat_low: string
  csat_high: string
  rating_low: string
  rating_high: string
  /** Under a multiple-choice question. */
  choose_any: string
  /** Under a text question; `{max}` is the character limit. */
  text_limit: string
  submit: string
  errors_title: string
  /** An error to show when the form token is missing, expired or not this link's: the customer just sends again. */
  form_expired: string
  thanks_title: string
  thanks_body: string
  reviews_title: string
  reviews_body: string
  unavailable: Record<UnavailableReason, { title: string; body: string }>
}

export const PAGE_STRINGS: Record<SurveyPageLocale, SurveyPageStrings> = {
  en: {
    required_note: "Questions marked * need an answer.",
    required: "(required)",
    nps_low: "Not at all likely",
    nps_high: "Extremely likely",
    csat_low: "Very unsatisfied",
    csat_high: "Very satisfied",
    rating_low: "Lowest",
    rating_high: "Highest",
    choose_any: "Choose any that apply.",
    text_limit: "Up to {max} characters.",
    submit: "Send my answers",
    errors_title: "Please check your answers",
    form_expired: "This page was open for too long. Please check your answers and send them again.",
    thanks_title: "Thank you!",
    thanks_body: "We have received your answers. Thank you for taking the time to tell us.",
    reviews_title: "Would you write a review?",
    reviews_body: "Other customers would love to hear what you think of:",
    unavailable: {
      not_found: {
        title: "Survey not found",
        body: "This survey link is not valid. Please open the whole link from the e-mail we sent you.",
      },
      expired: {
        title: "This survey has closed",
        body: "The link has expired and can no longer be used. Thank you all the same.",
      },
      used: {
        title: "Already answered",
        body: "This survey link has already been used. Thank you for your answers.",
      },
      answered: {
        title: "Already answered",
        body: "We already have your answers to this survey; they cannot be sent twice.",
      },
    },
  },
  "zh-CN": {
    required_note: "带 * 的问题为必答题。",
    required: "（必答）",
    nps_low: "完全不可能",
    nps_high: "非常可能",
    csat_low: "非常不满意",
    csat_high: "非常满意",
    rating_low: "最低",
    rating_high: "最高",
    choose_any: "可多选。",
    text_limit: "最多 {max} 个字符。",
    submit: "提交答案",
    errors_title: "请检查您的答案",
    form_expired: "此页面打开时间过长，请检查您的答案后重新提交。",
    thanks_title: "感谢您的参与！",
    thanks_body: "我们已收到您的答案，感谢您抽出时间告诉我们您的想法。",
    reviews_title: "愿意写一条评价吗？",
    reviews_body: "其他顾客很想知道您对以下商品的看法：",
    unavailable: {
      not_found: {
        title: "未找到问卷",
        body: "此问卷链接无效。请打开我们发给您的邮件中的完整链接。",
      },
      expired: {
        title: "问卷已结束",
        body: "此链接已过期，无法再使用。仍然感谢您的支持。",
      },
      used: {
        title: "已经作答",
        body: "此问卷链接已被使用。感谢您的回答。",
      },
      answered: {
        title: "已经作答",
        body: "我们已收到您对此问卷的答案，不能重复提交。",
      },
    },
  },
}

/** `{name}` placeholders replaced by values; unknown ones left as they are. */
export const fillIn = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole
  )

/**
 * The page's locale for a language tag ("zh-CN", "zh", "en-GB") or an
 * Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8", in the order given):
 * the first that matches a locale exactly (case-insensitive) or by its
 * language; English otherwise.
 */
export function resolvePageLocale(requested?: string | null): SurveyPageLocale {
  const tags = (typeof requested === "string" ? requested : "")
    .split(",")
    .map((part) => part.split(";")[0].trim())
    .filter((tag) => /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag))
  const language = (tag: string) => tag.split("-")[0].toLowerCase()
  for (const tag of tags) {
    const match =
      SURVEY_PAGE_LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase()) ??
      SURVEY_PAGE_LOCALES.find((locale) => language(locale) === language(tag))
    if (match) {
      return match
    }
  }
  return "en"
}
