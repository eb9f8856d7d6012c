import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ResultInterval, SurveyAnswer, SurveyQuestion, SurveyResultsDTO, SurveyTextAnswer, SurveyType } from "../../types/surveys"
import { scaleOf } from "./answers"
import { csatOfCounts, npsOfCounts, type ScoreCount } from "./scores"
import { utcDay } from "./daily-counts"

/** A period of results: whole UTC days, both ends included, either open. */
export type ResultsPeriod = { from: string | null; to: string | null }

export type ResultsQuery = ResultsPeriod & {
  interval: ResultInterval
  answers_limit: number
  answers_offset: number
}

/** The results before the route adds customers and ticket CSAT. */
export type SurveyCounts = Omit<SurveyResultsDTO, "ticket_csat" | "answers"> & {
  answers: Omit<SurveyTextAnswer, "customer">[]
}

/** The survey's main number for a set of score counts: NPS or the CSAT average. */
export function scoreFromCounts(type: SurveyType, counts: ScoreCount[]): number | null {
  if (type === "nps") return npsOfCounts(counts).nps
  if (type === "csat") return csatOfCounts(counts)
  return null
}

/** The first day of the week (Monday) or month a day falls in, as PostgreSQL's date_trunc gives it. */
export function periodStart(day: string, interval: ResultInterval): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (interval === "month") {
    return `${day.slice(0, 7)}-01`
  }
  const sinceMonday = (date.getUTCDay() + 6) % 7
  return utcDay(new Date(date.getTime() - sinceMonday * 86_400_000))
}

/** Every period from the one of `first` to the one of `last`, in order. */
export function periodsBetween(first: string, last: string, interval: ResultInterval): string[] {
  const periods: string[] = []
  let current = periodStart(first, interval)
  const end = periodStart(last, interval)
  while (current <= end && periods.length < 5000) {
    periods.push(current)
    const date = new Date(`${current}T00:00:00Z`)
    if (interval === "month") date.setUTCMonth(date.getUTCMonth() + 1)
    else date.setUTCDate(date.getUTCDate() + 7)
    current = utcDay(date)
  }
  return periods
}

const dayRange = (column: string, period: ResultsPeriod) => (query: Knex.QueryBuilder) => {
  if (period.from) query.where(column, ">=", period.from)
  if (period.to) query.where(column, "<=", period.to)
}

/**
 * A survey's results over a period: totals, score distribution and trend
 * from the per-day counters (a few thousand rows for years of answers),
 * the latest free-text answers from the responses (by the has_text index),
 * and for questions beyond the score, per-question summaries.
 */
export async function surveyCounts(
  knex: Knex,
  survey: { id: string; type: SurveyType; questions: SurveyQuestion[] },
  query: ResultsQuery
): Promise<SurveyCounts> {
  const inPeriod = dayRange("day", query)
  const [byScore, byPeriod] = await Promise.all([
    knex("crm_survey_daily_count")
      .where({ survey_id: survey.id })
      .modify(inPeriod)
      .groupBy("score")
      .select("score", knex.raw("sum(invitations)::int AS invitations, sum(responses)::int AS responses, sum(text_responses)::int AS text_responses")),
    knex("crm_survey_daily_count")
      .where({ survey_id: survey.id })
      .andWhere("responses", ">", 0)
      .modify(inPeriod)
      .groupByRaw("1, 2")
      .select(knex.raw(`to_char(date_trunc(?, day), 'YYYY-MM-DD') AS period, score, sum(responses)::int AS responses`, [query.interval])),
  ])
  const totals = (byScore as { score: number; invitations: number; responses: number; text_responses: number }[]).reduce(
    (sum, row) => ({
      invitations: sum.invitations + row.invitations,
      responses: sum.responses + row.responses,
      text_responses: sum.text_responses + row.text_responses,
    }),
    { invitations: 0, responses: 0, text_responses: 0 }
  )
  const scale = survey.type === "custom" ? null : scaleOf({ id: "score", type: survey.type, label: "", required: true })
  const scored = (byScore as ScoreCount[]).filter((row) => row.score >= 0)
  const distribution = scale
    ? Array.from({ length: scale.max - scale.min + 1 }, (_, index) => {
        const score = scale.min + index
        return { score, responses: scored.find((row) => row.score === score)?.responses ?? 0 }
      })
    : []

  const periodRows = byPeriod as { period: string; score: number; responses: number }[]
  const periodKeys = periodRows.map((row) => row.period).sort()
  const first = query.from ?? periodKeys[0]
  const last = query.to ?? periodKeys[periodKeys.length - 1]
  const trend = first && last
    ? periodsBetween(first, last, query.interval).map((period) => {
        const counts = periodRows.filter((row) => row.period === period && row.score >= 0)
        const responses = periodRows.filter((row) => row.period === period).reduce((sum, row) => sum + row.responses, 0)
        return { period, score: scoreFromCounts(survey.type, counts), responses }
      })
    : []

  const results: SurveyCounts = {
    from: query.from,
    to: query.to,
    interval: query.interval,
    invitations: totals.invitations,
    responses: totals.responses,
    response_rate: totals.invitations ? Math.round((totals.responses / totals.invitations) * 1000) / 1000 : null,
    distribution,
    trend,
    answers: await latestTextAnswers(knex, survey, query),
    answers_count: totals.text_responses,
  }
  if (survey.type === "nps") {
    const { nps, promoters, passives, detractors } = npsOfCounts(scored)
    results.nps = nps
    results.nps_breakdown = { promoters, passives, detractors }
  } else if (survey.type === "csat") {
    results.csat = scoreFromCounts("csat", scored)
  }
  const summarized = survey.questions.filter((question) => question.id !== "score" && question.type !== "text")
  if (summarized.length) {
    results.questions = await questionSummaries(knex, survey.id, summarized, query)
  }
  return results
}

/** The end of a period's last day, exclusive, for timestamp columns. */
const afterDay = (day: string) => utcDay(new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000))

function createdInPeriod(query: Knex.QueryBuilder, period: ResultsPeriod, column = "created_at") {
  if (period.from) query.where(column, ">=", `${period.from}T00:00:00Z`)
  if (period.to) query.where(column, "<", `${afterDay(period.to)}T00:00:00Z`)
}

async function latestTextAnswers(
  knex: Knex,
  survey: { id: string; questions: SurveyQuestion[] },
  query: ResultsQuery
): Promise<Omit<SurveyTextAnswer, "customer">[]> {
  const rows = (await knex("crm_survey_response")
    .where({ survey_id: survey.id, has_text: true })
    .whereNull("deleted_at")
    .modify(createdInPeriod, query)
    .orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }])
    .limit(query.answers_limit)
    .offset(query.answers_offset)
    .select("id", "customer_id", "order_id", "ticket_id", "score", "answers", "created_at")) as {
    id: string
    customer_id: string
    order_id: string | null
    ticket_id: string | null
    score: number | null
    answers: SurveyAnswer[]
    created_at: Date
  }[]
  const labels = new Map(survey.questions.map((question) => [question.id, question]))
  return rows.flatMap((row) =>
    row.answers
      .filter((answer) => typeof answer.value === "string" && (labels.get(answer.question_id)?.type ?? "text") === "text")
      .map((answer) => ({
        response_id: row.id,
        question_id: answer.question_id,
        question_label: labels.get(answer.question_id)?.label ?? null,
        text: answer.value as string,
        score: row.score,
        customer_id: row.customer_id,
        order_id: row.order_id,
        ticket_id: row.ticket_id,
        created_at: row.created_at,
      }))
  )
}

/** Per question beyond the score: a rating's average, or how often each option was picked. */
async function questionSummaries(knex: Knex, surveyId: string, questions: SurveyQuestion[], period: ResultsPeriod) {
  const rows = (await knex
    .select(knex.raw(`a->>'question_id' AS question_id, a->'value' AS value, count(*)::int AS responses`))
    .from(knex.raw(`crm_survey_response r CROSS JOIN LATERAL jsonb_array_elements(r.answers) a`))
    .where("r.survey_id", surveyId)
    .whereNull("r.deleted_at")
    .whereRaw(`a->>'question_id' = ANY(?)`, [questions.map((question) => question.id)])
    .modify(createdInPeriod, period, "r.created_at")
    .groupByRaw("1, 2")) as { question_id: string; value: SurveyAnswer["value"]; responses: number }[]
  return questions.map((question) => {
    const answered = rows.filter((row) => row.question_id === question.id)
    const responses = answered.reduce((sum, row) => sum + row.responses, 0)
    if (question.type === "rating") {
      const total = answered.reduce((sum, row) => sum + Number(row.value) * row.responses, 0)
      return { question_id: question.id, label: question.label, type: question.type, responses, average: responses ? Math.round((total / responses) * 100) / 100 : null }
    }
    const options = (question.options ?? []).map((option) => ({
      option,
      responses: answered
        .filter((row) => (Array.isArray(row.value) ? row.value.includes(option) : row.value === option))
        .reduce((sum, row) => sum + row.responses, 0),
    }))
    return { question_id: question.id, label: question.label, type: question.type, responses, options }
  })
}

/** Invitations sent and responses, all time, per survey, from the counters. */
export async function surveyTotals(knex: Knex, surveyIds: string[]): Promise<Map<string, { invitations: number; responses: number }>> {
  if (!surveyIds.length) {
    return new Map()
  }
  const rows = (await knex("crm_survey_daily_count")
    .whereIn("survey_id", surveyIds)
    .groupBy("survey_id")
    .select("survey_id", knex.raw("sum(invitations)::int AS invitations, sum(responses)::int AS responses"))) as {
    survey_id: string
    invitations: number
    responses: number
  }[]
  return new Map(rows.map((row) => [row.survey_id, { invitations: row.invitations, responses: row.responses }]))
}
