/** NPS 0-10: 9-10 promoters, 7-8 passives, 0-6 detractors; CSAT 1-5: 1-2 detractors. */
export const NPS_PROMOTER_MIN = 9
export const NPS_DETRACTOR_MAX = 6
export const CSAT_DETRACTOR_MAX = 2

export type NpsSummary = { promoters: number; passives: number; detractors: number; responses: number; nps: number | null }

/** How many answers gave a score: the form the results keep (per-day counters) and the maths works on. */
export type ScoreCount = { score: number; responses: number }

const tally = (scores: number[]): ScoreCount[] => {
  const counts = new Map<number, number>()
  scores.forEach((score) => counts.set(score, (counts.get(score) ?? 0) + 1))
  return [...counts].map(([score, responses]) => ({ score, responses }))
}

const responsesWhere = (counts: ScoreCount[], match: (score: number) => boolean) =>
  counts.reduce((sum, count) => sum + (match(count.score) ? count.responses : 0), 0)

/**
 * Net Promoter Score: the percentage of promoters minus the percentage of
 * detractors, from -100 to 100, rounded to one decimal; null without answers.
 */
export function npsOfCounts(counts: ScoreCount[]): NpsSummary {
  const responses = responsesWhere(counts, () => true)
  const promoters = responsesWhere(counts, (score) => score >= NPS_PROMOTER_MIN)
  const detractors = responsesWhere(counts, (score) => score <= NPS_DETRACTOR_MAX)
  const nps = responses ? Math.round(((promoters - detractors) / responses) * 1000) / 10 : null
  return { promoters, passives: responses - promoters - detractors, detractors, responses, nps }
}

/** The average of CSAT answers (1-5), two decimals; null without answers. */
export function csatOfCounts(counts: ScoreCount[]): number | null {
  const responses = responsesWhere(counts, () => true)
  if (!responses) {
    return null
  }
  return Math.round((counts.reduce((sum, count) => sum + count.score * count.responses, 0) / responses) * 100) / 100
}

export const npsOf = (scores: number[]): NpsSummary => npsOfCounts(tally(scores))

export const csatOf = (scores: number[]): number | null => csatOfCounts(tally(scores))

/** Whether a survey's main score makes the customer a detractor (a ticket follows). */
export function isDetractor(type: "nps" | "csat", score: number): boolean {
  return type === "nps" ? score <= NPS_DETRACTOR_MAX : score <= CSAT_DETRACTOR_MAX
}
