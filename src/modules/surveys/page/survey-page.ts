import fs from "fs"
import path from "path"
import Handlebars from "handlebars"
import type { SurveyAnswer, SurveyQuestion } from "../../../types/surveys"
import { findShippedTemplatesDir } from "../../mailer/package-root"
import { MAX_TEXT_ANSWER, scaleOf } from "../answers"
import { pageColors, type PageColors } from "./page-colors"
import {
  fillIn,
  PAGE_STRINGS,
  resolvePageLocale,
  type SurveyPageLocale,
  type SurveyPageStrings,
  UNAVAILABLE_REASONS,
  type UnavailableReason,
} from "./page-strings"
import { ANSWERS_OBJECT_MARKER, answerFieldName, FORM_TOKEN_FIELD } from "./survey-form"

/** The store's name and the settings' colours (the shape `surveyBranding` returns). Colours that are not `#rrggbb` fall back to the defaults. */
export type SurveyPageBranding = {
  store_name: string
  brand_color?: string | null
  background_color?: string | null
  text_color?: string | null
}

type PageCommon = {
  branding: SurveyPageBranding
  /** A language tag or an Accept-Language header; English when nothing matches (see `resolvePageLocale`). */
  locale?: string | null
}

/** The survey itself; re-shown after a 400 with what the customer entered and what was wrong. */
export type SurveyFormPageView = PageCommon & {
  kind: "form"
  survey_name: string
  questions: SurveyQuestion[]
  /** From `formTokenFor`; posted back in the `form_token` field. */
  form_token: string
  /** Where the form posts: a path on this server (`/surveys/<token>`); without it (or with anything else) the form posts to the page's own URL. */
  action?: string | null
  /** What the customer entered (e.g. `answersFromForm(questions, req.body)`), shown again. */
  answers?: SurveyAnswer[] | null
  /** Shown above the form, e.g. `checkAnswers(...).problems`. */
  errors?: string[] | null
}

/** A "leave a review" link on the thank-you page: only absolute http(s) URLs are shown. */
export type ReviewLink = { title: string; url: string }

export type SurveyThanksPageView = PageCommon & {
  kind: "thanks"
  review_links?: ReviewLink[] | null
}

export type SurveyUnavailablePageView = PageCommon & {
  kind: "unavailable"
  reason: UnavailableReason
}

export type SurveyPageView = SurveyFormPageView | SurveyThanksPageView | SurveyUnavailablePageView

/** The HTTP status that goes with each unavailable page. */
export const UNAVAILABLE_STATUS: Readonly<Record<UnavailableReason, number>> = Object.freeze({
  not_found: 404,
  expired: 410,
  used: 410,
  answered: 409,
})

/** The page templates' folder, `<package root>/templates/survey-page`, next to the shipped e-mails. */
export const SURVEY_PAGE_TEMPLATES_SUBDIR = "survey-page"

type TemplateName = "layout" | SurveyPageView["kind"]

// A private Handlebars environment (nothing registered globally leaks in)
// with no helpers beyond the built-in ones; every `{{value}}` is
// HTML-escaped, and data is never compiled. Only the layout uses `{{{body}}}`,
// for the page it rendered itself.
const hbs = Handlebars.create()
const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>()
let templatesDir: string | undefined

function template(name: TemplateName): Handlebars.TemplateDelegate {
  let compiledTemplate = compiled.get(name)
  if (!compiledTemplate) {
    templatesDir ??= path.join(path.dirname(findShippedTemplatesDir(__dirname)), SURVEY_PAGE_TEMPLATES_SUBDIR)
    const file = path.join(templatesDir, `${name}.hbs`)
    let ast: ReturnType<typeof Handlebars.parse>
    try {
      // Parsed now, so that a syntax error names the file.
      ast = hbs.parse(fs.readFileSync(file, "utf8"))
    } catch (error) {
      throw new Error(`medusa-plugin-crm: cannot read the survey page template ${file}: ${(error as Error).message}`)
    }
    compiledTemplate = hbs.compile(ast, { knownHelpersOnly: true })
    compiled.set(name, compiledTemplate)
  }
  return compiledTemplate
}

const isString = (value: unknown): value is string => typeof value === "string"

/** An absolute http(s) URL, normalized; null for anything else (`javascript:`, relative, malformed). */
export function safeHttpUrl(value: unknown): string | null {
  if (!isString(value)) {
    return null
  }
  try {
    const url = new URL(value.trim())
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null
  } catch {
    return null
  }
}

/** A path on this server ("/surveys/abc"), or undefined: never another host ("//x", "/\\x") or scheme. */
const safeFormAction = (action: unknown): string | undefined =>
  isString(action) && /^\/(?![/\\])[^\s\\]*$/.test(action) ? action : undefined

type ChoiceView = { value: string; label: string; checked: boolean }

type QuestionView = {
  label: string
  required: boolean
  name: string
  input_id: string
  hint_id: string
  hint: string | null
  /** A textarea; otherwise a fieldset of radios or checkboxes. */
  is_text: boolean
  value: string
  max_length: number
  /** Numbered buttons (nps, csat, rating) rather than a list of options. */
  is_scale: boolean
  input_type: "radio" | "checkbox"
  /** `required` on the inputs, checked by the browser: radios and textareas (a required checkbox would mean that box). */
  required_input: boolean
  choices: ChoiceView[]
}

function questionView(question: SurveyQuestion, index: number, given: SurveyAnswer["value"] | undefined, text: SurveyPageStrings): QuestionView {
  const ids = { input_id: `question-${index + 1}`, hint_id: `question-${index + 1}-hint` }
  const common = { label: String(question.label ?? ""), required: !!question.required, name: answerFieldName(question), ...ids }
  const givenText = isString(given) ? given : ""
  const scale = scaleOf(question)
  if (scale) {
    const [low, high] =
      question.type === "nps"
        ? [text.nps_low, text.nps_high]
        : question.type === "csat"
          ? [text.csat_low, text.csat_high]
          : [text.rating_low, text.rating_high]
    const chosen = isString(given) || typeof given === "number" ? String(given).trim() : null
    const choices: ChoiceView[] = []
    for (let value = scale.min; value <= scale.max; value++) {
      choices.push({ value: String(value), label: String(value), checked: chosen === String(value) })
    }
    return {
      ...common,
      hint: `${scale.min} = ${low} · ${scale.max} = ${high}`,
      is_text: false,
      value: "",
      max_length: 0,
      is_scale: true,
      input_type: "radio",
      required_input: common.required,
      choices,
    }
  }
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    const multiple = question.type === "multiple_choice"
    const picked = Array.isArray(given) ? given : isString(given) ? [given] : []
    return {
      ...common,
      hint: multiple ? text.choose_any : null,
      is_text: false,
      value: "",
      max_length: 0,
      is_scale: false,
      input_type: multiple ? "checkbox" : "radio",
      required_input: common.required && !multiple,
      choices: (question.options ?? []).map((option) => ({ value: option, label: option, checked: picked.includes(option) })),
    }
  }
  return {
    ...common,
    hint: fillIn(text.text_limit, { max: MAX_TEXT_ANSWER }),
    is_text: true,
    value: givenText,
    max_length: MAX_TEXT_ANSWER,
    is_scale: false,
    input_type: "radio",
    required_input: common.required,
    choices: [],
  }
}

function formBody(view: SurveyFormPageView, text: SurveyPageStrings) {
  const given = new Map<string, SurveyAnswer["value"]>()
  for (const answer of Array.isArray(view.answers) ? view.answers : []) {
    if (answer && isString(answer.question_id) && !given.has(answer.question_id)) {
      given.set(answer.question_id, answer.value)
    }
  }
  const questions = (view.questions ?? []).map((question, index) => questionView(question, index, given.get(question.id), text))
  const errors = (Array.isArray(view.errors) ? view.errors : []).filter(isString)
  return {
    title: String(view.survey_name ?? ""),
    context: {
      text,
      survey_name: String(view.survey_name ?? ""),
      questions,
      some_required: questions.some((question) => question.required),
      errors,
      has_errors: errors.length > 0,
      action: safeFormAction(view.action),
      form_token: String(view.form_token ?? ""),
      fields: { token: FORM_TOKEN_FIELD, marker: ANSWERS_OBJECT_MARKER },
    },
  }
}

function thanksBody(view: SurveyThanksPageView, text: SurveyPageStrings) {
  const links = (Array.isArray(view.review_links) ? view.review_links : []).flatMap((link) => {
    const url = safeHttpUrl(link?.url)
    return url && isString(link.title) && link.title.trim() ? [{ title: link.title, url }] : []
  })
  return {
    title: text.thanks_title,
    context: { text, review_links: links, has_review_links: links.length > 0 },
  }
}

function unavailableBody(view: SurveyUnavailablePageView, text: SurveyPageStrings) {
  const reason = UNAVAILABLE_REASONS.includes(view.reason) ? view.reason : "not_found"
  const message = text.unavailable[reason]
  return { title: message.title, context: { text, message } }
}

/**
 * A whole HTML document for the hosted survey page: the survey form, the
 * thank-you page or the page of a link that cannot be answered. Every text
 * (the store's, the survey's, the customer's) is HTML-escaped; colours go
 * into the CSS only as `#rrggbb`. Send it with `SECURITY_HEADERS` and, for
 * an unavailable page, `UNAVAILABLE_STATUS[reason]`.
 */
export function renderSurveyPage(view: SurveyPageView): string {
  const locale: SurveyPageLocale = resolvePageLocale(view.locale)
  const text = PAGE_STRINGS[locale]
  const body =
    view.kind === "form"
      ? formBody(view, text)
      : view.kind === "thanks"
        ? thanksBody(view, text)
        : view.kind === "unavailable"
          ? unavailableBody(view, text)
          : null
  if (!body) {
    throw new Error(`medusa-plugin-crm: unknown survey page kind ${JSON.stringify((view as { kind?: unknown }).kind)}`)
  }
  const storeName = String(view.branding?.store_name ?? "")
  const colors: PageColors = pageColors(view.branding ?? {})
  const html = template(view.kind)({ ...body.context, store_name: storeName })
  return template("layout")({
    locale,
    title: storeName ? `${body.title} · ${storeName}` : body.title,
    store_name: storeName,
    colors,
    body: new hbs.SafeString(html),
  })
}
