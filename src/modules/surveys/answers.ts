import type { SurveyAnswer, SurveyQuestion } from "../../types/surveys"

export const MAX_TEXT_ANSWER = 5000

export type AnswerCheck = { ok: true; answers: SurveyAnswer[] } | { ok: false; problems: string[] }

/** The range of a numeric question. */
export function scaleOf(question: SurveyQuestion): { min: number; max: number } | null {
  switch (question.type) {
    case "nps":
      return { min: 0, max: 10 }
    case "csat":
      return { min: 1, max: 5 }
    case "rating":
      return { min: 1, max: question.max ?? 5 }
    default:
      return null
  }
}

function problemWith(question: SurveyQuestion, value: SurveyAnswer["value"]): string | null {
  const scale = scaleOf(question)
  if (scale) {
    return typeof value === "number" && Number.isInteger(value) && value >= scale.min && value <= scale.max
      ? null
      : `"${question.label}" takes a whole number from ${scale.min} to ${scale.max}`
  }
  const options = question.options ?? []
  switch (question.type) {
    case "single_choice":
      return typeof value === "string" && options.includes(value) ? null : `"${question.label}" takes one of: ${options.join(", ")}`
    case "multiple_choice":
      return Array.isArray(value) && value.every((option) => options.includes(option)) && new Set(value).size === value.length
        ? null
        : `"${question.label}" takes some of: ${options.join(", ")}, each once`
    default:
      return typeof value === "string" && value.length <= MAX_TEXT_ANSWER ? null : `"${question.label}" takes text of at most ${MAX_TEXT_ANSWER} characters`
  }
}

/** An answer that says nothing: no text, no option picked. */
const isEmpty = (value: SurveyAnswer["value"]) =>
  (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0)

/**
 * Whether answers fit the survey's questions: each refers to a question
 * once, has a value of the question's kind and range, and every required
 * question is answered. Returns the answers in question order, text
 * trimmed and empty ones dropped, or every problem found.
 */
export function checkAnswers(questions: SurveyQuestion[], answers: SurveyAnswer[]): AnswerCheck {
  const problems: string[] = []
  const byQuestion = new Map<string, SurveyAnswer>()
  const known = new Map(questions.map((question) => [question.id, question]))
  for (const answer of answers) {
    if (!known.has(answer.question_id)) {
      problems.push(`There is no question ${answer.question_id} in this survey`)
    } else if (byQuestion.has(answer.question_id)) {
      problems.push(`Question ${answer.question_id} is answered twice`)
    } else {
      byQuestion.set(answer.question_id, answer)
    }
  }
  const fitted: SurveyAnswer[] = []
  for (const question of questions) {
    const answer = byQuestion.get(question.id)
    if (!answer || isEmpty(answer.value)) {
      if (question.required) problems.push(`"${question.label}" needs an answer`)
      continue
    }
    const problem = problemWith(question, answer.value)
    if (problem) {
      problems.push(problem)
    } else {
      fitted.push({ question_id: question.id, value: typeof answer.value === "string" ? answer.value.trim() : answer.value })
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: fitted }
}
