/** NPS 0-10: 9-10 promoters, 7-8 passives, 0-6 detractors; CSAT 1-5: 1-2 detractors. */
export const NPS_PROMOTER_MIN = 9
export const NPS_DETRACTOR_MAX = 6
export const CSAT_DETRACTOR_MAX = 2

export type NpsSummary = { promoters: number; passives: number; detractors: number; responses: number; nps: number | null }

/**
 * Net Promoter Score: the percentage of promoters minus the percentage of
 * detractors, from -100 to 100, rounded to one decimal; null without answers.
 */
export function npsOf(scores: number[]): NpsSummary {
  let promoters = 0
  let detractors = 0
  for (const score of scores) {
    if (score >= NPS_PROMOTER_MIN) promoters += 1
    else if (score <= NPS_DETRACTOR_MAX) detractors += 1
  }
  const responses = scores.length
  const nps = responses ? Math.round(((promoters - detractors) / responses) * 1000) / 10 : null
  return { promoters, passives: responses - promoters - detractors, detractors, responses, nps }
}

/** The average of CSAT answers (1-5), two decimals; null without answers. */
export function csatOf(scores: number[]): number | null {
  if (!scores.length) {
    return null
  }
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100
}

/** Whether a survey's main score makes the customer a detractor (a ticket follows). */
export function isDetractor(type: "nps" | "csat", score: number): boolean {
  return type === "nps" ? score <= NPS_DETRACTOR_MAX : score <= CSAT_DETRACTOR_MAX
}
