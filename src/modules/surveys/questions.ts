import {
  DEFAULT_QUESTIONS,
  SCORE_QUESTION_ID,
  type SurveyAnswer,
  type SurveyQuestion,
  type SurveyType,
} from "../../types/surveys"

export const QUESTION_ID = /^[a-z0-9_-]{1,40}$/i
export const MAX_QUESTIONS = 30
export const MAX_OPTIONS = 20

export type QuestionsCheck = { ok: true; questions: SurveyQuestion[] } | { ok: false; problems: string[] }

function problemsOf(question: SurveyQuestion, index: number): string[] {
  const where = `Question ${index + 1}`
  const problems: string[] = []
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    const options = question.options ?? []
    if (options.length < 2 || options.length > MAX_OPTIONS) problems.push(`${where} needs 2 to ${MAX_OPTIONS} options`)
    if (new Set(options).size !== options.length) problems.push(`${where} lists an option twice`)
  } else if (question.options?.length) {
    problems.push(`${where} is not a choice question: it takes no options`)
  }
  if (question.type === "rating" && (question.max ?? 5) < 2) problems.push(`${where} needs a scale of at least 2`)
  return problems
}

/**
 * A survey's questions, checked against its type. NPS and CSAT surveys
 * open with their score question (id "score", of the survey's type) and
 * get the default questions when given none; a custom survey needs at
 * least one question and has no NPS or CSAT question. Ids are unique.
 */
export function checkSurveyQuestions(type: SurveyType, questions: SurveyQuestion[] | undefined): QuestionsCheck {
  if (!questions?.length) {
    return type === "custom"
      ? { ok: false, problems: ["A custom survey needs at least one question"] }
      : { ok: true, questions: DEFAULT_QUESTIONS[type] }
  }
  const problems: string[] = []
  if (questions.length > MAX_QUESTIONS) problems.push(`A survey has at most ${MAX_QUESTIONS} questions`)
  const ids = questions.map((question) => question.id)
  if (new Set(ids).size !== ids.length) problems.push("Question ids must be unique")
  if (type === "custom") {
    if (questions.some((question) => question.type === "nps" || question.type === "csat")) {
      problems.push("A custom survey uses rating questions, not NPS or CSAT ones (make an NPS or CSAT survey for those)")
    }
  } else {
    const [first, ...rest] = questions
    if (first.id !== SCORE_QUESTION_ID || first.type !== type || !first.required) {
      problems.push(`An ${type.toUpperCase()} survey starts with its required score question: { id: "${SCORE_QUESTION_ID}", type: "${type}" }`)
    }
    if (rest.some((question) => question.type === "nps" || question.type === "csat")) {
      problems.push(`An ${type.toUpperCase()} survey has one score question`)
    }
  }
  questions.forEach((question, index) => problems.push(...problemsOf(question, index)))
  return problems.length ? { ok: false, problems } : { ok: true, questions }
}

/** The answer to the score question of an NPS or CSAT survey; null for custom surveys. */
export function scoreOf(type: SurveyType, answers: SurveyAnswer[]): number | null {
  if (type === "custom") {
    return null
  }
  const score = answers.find((answer) => answer.question_id === SCORE_QUESTION_ID)?.value
  return typeof score === "number" ? score : null
}

/** The free-text answers among answers, with their question. */
export function textAnswersOf(questions: SurveyQuestion[], answers: SurveyAnswer[]): { question: SurveyQuestion; text: string }[] {
  const byId = new Map(questions.map((question) => [question.id, question]))
  return answers.flatMap((answer) => {
    const question = byId.get(answer.question_id)
    return question?.type === "text" && typeof answer.value === "string" && answer.value ? [{ question, text: answer.value }] : []
  })
}
