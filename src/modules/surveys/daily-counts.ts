import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** A change to one day's counters of a survey; `score` -1 counts invitations and unscored answers. */
export type DailyCountDelta = {
  survey_id: string
  day: Date
  score: number | null
  invitations?: number
  responses?: number
  text_responses?: number
}

/** The UTC calendar day a moment falls on, as the counters key it. */
export const utcDay = (moment: Date) => moment.toISOString().slice(0, 10)

type DailyCountRow = { survey_id: string; day: string; score: number; invitations: number; responses: number; text_responses: number }

/** The deltas summed per counter row (one statement cannot touch a row twice). */
function summed(deltas: DailyCountDelta[]): DailyCountRow[] {
  const byKey = new Map<string, DailyCountRow>()
  for (const delta of deltas) {
    const day = utcDay(delta.day)
    const score = delta.score ?? -1
    const key = `${delta.survey_id}|${day}|${score}`
    const row = byKey.get(key) ?? { survey_id: delta.survey_id, day, score, invitations: 0, responses: 0, text_responses: 0 }
    row.invitations += delta.invitations ?? 0
    row.responses += delta.responses ?? 0
    row.text_responses += delta.text_responses ?? 0
    byKey.set(key, row)
  }
  return [...byKey.values()]
}

const RECORDSET_SQL = `jsonb_to_recordset(?::jsonb) AS d(survey_id text, day date, score smallint, invitations int, responses int, text_responses int)`

/** Adds the deltas to the per-day counters (`crm_survey_daily_count`) that the results read, in one statement. */
export async function addDailyCounts(knex: Knex, deltas: DailyCountDelta[]): Promise<void> {
  const rows = summed(deltas)
  if (!rows.length) {
    return
  }
  await knex.raw(
    `INSERT INTO crm_survey_daily_count (survey_id, day, score, invitations, responses, text_responses)
     SELECT * FROM ${RECORDSET_SQL}
     ON CONFLICT (survey_id, day, score) DO UPDATE SET
       invitations = crm_survey_daily_count.invitations + excluded.invitations,
       responses = crm_survey_daily_count.responses + excluded.responses,
       text_responses = crm_survey_daily_count.text_responses + excluded.text_responses`,
    [JSON.stringify(rows)]
  )
}

/**
 * Takes the deltas back off (an undo). An UPDATE, not an upsert: PostgreSQL
 * checks an upsert's proposed row, whose negative counts the CHECK refuses.
 * A row left at zero goes, so an undo leaves the counters as it found them.
 */
export async function subtractDailyCounts(knex: Knex, deltas: DailyCountDelta[]): Promise<void> {
  const rows = summed(deltas)
  if (!rows.length) {
    return
  }
  await knex.raw(
    `UPDATE crm_survey_daily_count c SET
       invitations = c.invitations - d.invitations,
       responses = c.responses - d.responses,
       text_responses = c.text_responses - d.text_responses
     FROM ${RECORDSET_SQL}
     WHERE c.survey_id = d.survey_id AND c.day = d.day AND c.score = d.score`,
    [JSON.stringify(rows)]
  )
  await knex.raw(
    `DELETE FROM crm_survey_daily_count c USING ${RECORDSET_SQL}
     WHERE c.survey_id = d.survey_id AND c.day = d.day AND c.score = d.score
       AND c.invitations = 0 AND c.responses = 0`,
    [JSON.stringify(rows)]
  )
}
