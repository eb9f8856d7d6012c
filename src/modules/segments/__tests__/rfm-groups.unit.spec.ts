import fc from "fast-check"
import { RFM_GROUPS } from "../../../types/segments"
import { frequencyMonetaryOf, RFM_GROUP_GRID, rfmGroupOf } from "../rfm/groups"

/**
 * The grid written out again by hand from the product's table (rows R=5..1,
 * columns FM=1..5), so a changed cell in groups.ts fails here.
 */
const EXPECTED: Record<number, string[]> = {
  5: ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  4: ["promising", "potential_loyalist", "potential_loyalist", "loyal", "champions"],
  3: ["need_attention", "need_attention", "need_attention", "loyal", "loyal"],
  2: ["hibernating", "hibernating", "at_risk", "at_risk", "cannot_lose_them"],
  1: ["lost", "lost", "at_risk", "at_risk", "cannot_lose_them"],
}

const scores = [1, 2, 3, 4, 5]
const everyScore = scores.flatMap((r) => scores.flatMap((f) => scores.map((m) => [r, f, m] as const)))

describe("RFM groups", () => {
  it("FM is ceil((F + M) / 2)", () => {
    expect(frequencyMonetaryOf(1, 1)).toBe(1)
    expect(frequencyMonetaryOf(1, 2)).toBe(2)
    expect(frequencyMonetaryOf(2, 3)).toBe(3)
    expect(frequencyMonetaryOf(4, 3)).toBe(4)
    expect(frequencyMonetaryOf(4, 5)).toBe(5)
    expect(frequencyMonetaryOf(5, 5)).toBe(5)
  })

  it.each(scores.flatMap((r) => scores.map((fm) => [r, fm])))("cell R=%i FM=%i", (r, fm) => {
    // F = M = FM reaches the cell directly: ceil(2FM / 2) = FM.
    expect(rfmGroupOf(r, fm, fm)).toBe(EXPECTED[r][fm - 1])
    // The SQL reads the flat array at (R - 1) * 5 + FM, 1-based.
    expect(RFM_GROUP_GRID[(r - 1) * 5 + fm - 1]).toBe(EXPECTED[r][fm - 1])
  })

  it("has 25 cells and every one of the ten groups in some cell", () => {
    expect(RFM_GROUP_GRID).toHaveLength(25)
    const reached = new Set(everyScore.map(([r, f, m]) => rfmGroupOf(r, f, m)))
    expect([...reached].sort()).toEqual([...RFM_GROUPS].sort())
  })

  it("uneven F and M fall in the rounded-up column", () => {
    expect(rfmGroupOf(5, 3, 4)).toBe("champions") // FM = ceil(3.5) = 4
    expect(rfmGroupOf(5, 1, 2)).toBe("potential_loyalist") // FM = 2
    expect(rfmGroupOf(1, 1, 2)).toBe("lost") // FM = 2
    expect(rfmGroupOf(2, 4, 5)).toBe("cannot_lose_them") // FM = 5
    expect(rfmGroupOf(4, 5, 2)).toBe("loyal") // FM = 4
  })

  it("any scores 1-5 give a group, the one the flat grid holds", () => {
    const score = fc.integer({ min: 1, max: 5 })
    fc.assert(
      fc.property(score, score, score, (r, f, m) => {
        const group = rfmGroupOf(r, f, m)
        expect(RFM_GROUPS).toContain(group)
        expect(group).toBe(RFM_GROUP_GRID[(r - 1) * 5 + Math.ceil((f + m) / 2) - 1])
      })
    )
  })

  it.each([
    [0, 3, 3],
    [6, 3, 3],
    [3, 0, 3],
    [3, 3, 6],
    [2.5, 3, 3],
    [3, Number.NaN, 3],
    [3, 3, -1],
  ])("rejects scores (%p, %p, %p)", (r, f, m) => {
    expect(() => rfmGroupOf(r, f, m)).toThrow(RangeError)
    expect(() => rfmGroupOf(r, f, m)).toThrow(/RFM scores are integers 1-5/)
  })

  it("rejects any integer outside 1-5 in any position", () => {
    const bad = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 6 }))
    const good = fc.integer({ min: 1, max: 5 })
    fc.assert(
      fc.property(bad, good, good, fc.nat(2), (wrong, a, b, at) => {
        const args = [a, b]
        args.splice(at, 0, wrong)
        expect(() => rfmGroupOf(args[0], args[1], args[2])).toThrow(RangeError)
      })
    )
  })
})
