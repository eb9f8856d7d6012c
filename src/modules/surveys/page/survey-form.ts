import type { SurveyAnswer, SurveyQuestion } from "../../../types/surveys"
import { scaleOf } from "../answers"

/** The form's answers are posted as `q[<question id>]` (one value) or `q[<question id>][]` (several). */
export const ANSWERS_FIELD = "q"

/** The hidden field with the form token (see form-token.ts). */
export const FORM_TOKEN_FIELD = "form_token"

/**
 * A hidden, always-empty field under `q` whose key is never a question id.
 * Express's urlencoded parser (qs) turns `q[1]=5&q[3]=x` into the array
 * `["5", "x"]`, losing which question each value answered, whenever every
 * key is a small number; one key that is not a number keeps `q` an object.
 */
export const ANSWERS_OBJECT_MARKER = `${ANSWERS_FIELD}[.]`

/** The form field name of a question's input. */
export const answerFieldName = (question: Pick<SurveyQuestion, "id" | "type">): string =>
  question.type === "multiple_choice" ? `${ANSWERS_FIELD}[${question.id}][]` : `${ANSWERS_FIELD}[${question.id}]`

const own = (object: object, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null && !Array.isArray(value)

/** The strings among a posted value: one string, or the strings of a list (anything else is dropped). */
function postedStrings(value: unknown): string[] {
  if (typeof value === "string") {
    return [value]
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []
}

/** A whole number for a scale question; anything else stays text, for checkAnswers to report. */
const asScaleValue = (posted: string): number | string => {
  const trimmed = posted.trim()
  return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : posted
}

/**
 * The answers in a form post parsed by Express's urlencoded parser
 * (extended): `{ q: { score: "9", why: "...", colors: ["a", "b"] } }`.
 *
 * In question order, one per question answered: a number for nps, csat and
 * rating (a value that is not a whole number stays a string, so
 * `checkAnswers` reports it), a string for single_choice and text, a list
 * for multiple_choice (a lone string becomes a list of one). Empty values
 * count as unanswered and are left out. Fields that are not questions are
 * ignored. A list posted for a one-value question is kept as a list (of its
 * strings) so that `checkAnswers` refuses it rather than one value being
 * picked silently; objects count as no answer.
 * Never throws: any body shape only yields fewer answers. Only the
 * questions' ids are read, always as own properties, so keys such as
 * `__proto__` cannot reach anything.
 */
export function answersFromForm(questions: SurveyQuestion[], body: unknown): SurveyAnswer[] {
  const posted = isObject(body) ? own(body, ANSWERS_FIELD) : undefined
  if (!isObject(posted)) {
    return []
  }
  const answers: SurveyAnswer[] = []
  for (const question of questions) {
    const raw = own(posted, question.id)
    if (question.type === "multiple_choice") {
      const picked = postedStrings(raw).filter((value) => value !== "")
      if (picked.length) {
        answers.push({ question_id: question.id, value: picked })
      }
    } else if (Array.isArray(raw)) {
      // A browser sends one value here; a list is kept for checkAnswers to refuse, never narrowed to one.
      const values = postedStrings(raw)
      if (values.length) {
        answers.push({ question_id: question.id, value: values })
      }
    } else if (typeof raw === "string" && raw.trim() !== "") {
      answers.push({ question_id: question.id, value: scaleOf(question) ? asScaleValue(raw) : raw })
    }
  }
  return answers
}
