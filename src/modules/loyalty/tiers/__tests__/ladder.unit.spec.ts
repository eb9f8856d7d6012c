import fc from "fast-check"
import { groupDiff } from "../group-diff"
import { ladderAfter, ladderProblem, nextTier, qualifiedTier, windowStart } from "../ladder"

const ladder = [
  { id: "basic", rank: 0, threshold: 0 },
  { id: "silver", rank: 1, threshold: 500 },
  { id: "gold", rank: 2, threshold: 1500 },
]

describe("the tier ladder", () => {
  it("qualifies at the exact threshold and not one cent below", () => {
    expect(qualifiedTier(500, ladder)?.id).toEqual("silver")
    expect(qualifiedTier(499.99, ladder)?.id).toEqual("basic")
    expect(qualifiedTier(1_000_000, ladder)?.id).toEqual("gold")
    expect(qualifiedTier(5, [{ id: "only", rank: 0, threshold: 10 }])).toBeNull()
  })

  it("names the next tier, none at the top", () => {
    expect(nextTier("silver", ladder)?.id).toEqual("gold")
    expect(nextTier("gold", ladder)).toBeNull()
    expect(nextTier(null, ladder)?.id).toEqual("basic")
  })

  it("refuses thresholds that do not rise with rank, after a move or a new tier", () => {
    expect(ladderProblem(ladder)).toBeNull()
    expect(ladderProblem(ladderAfter(ladder, { id: "silver", rank: 2 }))).toMatch(/Thresholds must rise/)
    expect(ladderProblem(ladderAfter(ladder, { id: "silver", rank: 2, threshold: 2000 }))).toBeNull()
    expect(ladderProblem(ladderAfter(ladder, { id: "new", threshold: 1500 }))).toMatch(/Thresholds must rise/)
    expect(ladderAfter(ladder, { id: "new", threshold: 9000 }).map((t) => [t.id, t.rank])).toEqual([
      ["basic", 0],
      ["silver", 1],
      ["gold", 2],
      ["new", 3],
    ])
  })

  it("takes the window from the settings", () => {
    const now = new Date("2026-11-23T10:00:00Z")
    expect(windowStart({ tier_period: "lifetime", tier_window_months: 12 }, now)).toBeNull()
    expect(windowStart({ tier_period: "calendar_year", tier_window_months: 12 }, now)).toEqual(new Date("2026-01-01T00:00:00Z"))
    expect(windowStart({ tier_period: "rolling", tier_window_months: 12 }, now)).toEqual(new Date("2025-11-23T10:00:00Z"))
  })
})

describe("groupDiff", () => {
  it("after applying the diff, each customer is in exactly their wanted tier group", () => {
    const groups = ["g1", "g2", "g3"]
    const customer = fc.constantFrom("c1", "c2", "c3", "c4", "c5")
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ customer_id: customer, group_id: fc.option(fc.constantFrom(...groups)) }), {
          selector: (w) => w.customer_id,
        }),
        fc.uniqueArray(fc.record({ customer_id: customer, group_id: fc.constantFrom(...groups) }), {
          selector: (m) => `${m.customer_id}/${m.group_id}`,
        }),
        (wanted, current) => {
          const relevant = current.filter((m) => wanted.some((w) => w.customer_id === m.customer_id))
          const members = new Set(relevant.map((m) => `${m.customer_id}/${m.group_id}`))
          for (const change of groupDiff(wanted, relevant)) {
            change.add.forEach((c) => members.add(`${c}/${change.group_id}`))
            change.remove.forEach((c) => members.delete(`${c}/${change.group_id}`))
          }
          const expected = wanted.filter((w) => w.group_id).map((w) => `${w.customer_id}/${w.group_id}`)
          expect([...members].sort()).toEqual(expected.sort())
          // Applying it again changes nothing.
          const after = [...members].map((m) => ({ customer_id: m.split("/")[0], group_id: m.split("/")[1] }))
          expect(groupDiff(wanted, after)).toEqual([])
        }
      )
    )
  })
})
