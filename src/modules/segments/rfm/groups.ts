import type { RfmGroup } from "../../../types/segments"

/**
 * The score-to-group map, by recency (rows, 5 = most recent) and the
 * frequency-monetary score FM = ceil((F + M) / 2) (columns, 5 = buys most
 * often and spends most). Every cell has a group, every group a cell:
 *
 *          FM=1             FM=2                FM=3                FM=4              FM=5
 *   R=5    new              potential_loyalist  potential_loyalist  champions         champions
 *   R=4    promising        potential_loyalist  potential_loyalist  loyal             champions
 *   R=3    need_attention   need_attention      need_attention      loyal             loyal
 *   R=2    hibernating      hibernating         at_risk             at_risk           cannot_lose_them
 *   R=1    lost             lost                at_risk             at_risk           cannot_lose_them
 *
 * The README shows the same table; the scoring SQL reads it as an array
 * (`RFM_GROUP_GRID`), so SQL and `rfmGroupOf` cannot disagree.
 */
export const RFM_GROUP_BY_RECENCY: Record<1 | 2 | 3 | 4 | 5, [RfmGroup, RfmGroup, RfmGroup, RfmGroup, RfmGroup]> = {
  5: ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  4: ["promising", "potential_loyalist", "potential_loyalist", "loyal", "champions"],
  3: ["need_attention", "need_attention", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cannot_lose_them"],
  1: ["lost", "lost", "at_risk", "at_risk", "cannot_lose_them"],
}

/** The combined frequency-monetary score, 1-5. */
export const frequencyMonetaryOf = (frequency: number, monetary: number) => Math.ceil((frequency + monetary) / 2)

export function rfmGroupOf(recency: number, frequency: number, monetary: number): RfmGroup {
  for (const score of [recency, frequency, monetary]) {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new RangeError(`RFM scores are integers 1-5, got ${score}`)
    }
  }
  return RFM_GROUP_BY_RECENCY[recency as 1][frequencyMonetaryOf(frequency, monetary) - 1]
}

/** The grid as one array, cell (R, FM) at index (R - 1) * 5 + FM (1-based, as SQL arrays are). */
export const RFM_GROUP_GRID: RfmGroup[] = ([1, 2, 3, 4, 5] as const).flatMap((recency) => RFM_GROUP_BY_RECENCY[recency])
