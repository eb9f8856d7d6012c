import fc from "fast-check"
import {
  AccountState,
  allocateFromLots,
  LotState,
  planPosting,
  Posting,
  PostingRejected,
} from "../ledger/plan-posting"

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n))
const lot = (id: string, remaining: number, status: LotState["status"], expiresDay: number | null, createdDay = 0): LotState => ({
  id,
  remaining,
  status,
  expires_at: expiresDay === null ? null : day(expiresDay),
  created_at: day(createdDay),
})
const account = (over: Partial<AccountState> = {}): AccountState => ({
  points_balance: 0,
  pending_points: 0,
  held_points: 0,
  lifetime_points: 0,
  ...over,
})
const posting = (over: Partial<Posting>): Posting => ({
  account_id: "lpacc_1",
  type: "adjust",
  idempotency_key: "k",
  ...over,
})

describe("allocateFromLots (FIFO)", () => {
  it("takes the soonest-expiring lots first, never-expiring last", () => {
    const lots = [lot("never", 50, "available", null), lot("late", 50, "available", 30), lot("soon", 30, "available", 10)]
    expect(allocateFromLots(lots, 60, "available")).toEqual({
      allocations: [
        { lot_id: "soon", points: 30 },
        { lot_id: "late", points: 30 },
      ],
      taken: 60,
    })
  })

  it("takes preferred lots first and reports a shortfall", () => {
    const lots = [lot("a", 10, "available", 1), lot("b", 10, "available", 2)]
    expect(allocateFromLots(lots, 25, "available", ["b"])).toEqual({
      allocations: [
        { lot_id: "b", points: 10 },
        { lot_id: "a", points: 10 },
      ],
      taken: 20,
    })
  })

  it("ignores lots of another status or with nothing left", () => {
    const lots = [lot("p", 10, "pending", 1), lot("e", 0, "available", 1)]
    expect(allocateFromLots(lots, 5, "available").taken).toEqual(0)
  })
})

describe("planPosting", () => {
  it("credits pending points for an earn and counts them as earned", () => {
    const plan = planPosting(account(), [], posting({ type: "earn", pending_delta: 120, counts_as_earned: true }))
    expect(plan.after).toEqual(account({ pending_points: 120, lifetime_points: 120 }))
  })

  it("activates a pending lot: pending to available", () => {
    const plan = planPosting(
      account({ pending_points: 120 }),
      [lot("l1", 120, "pending", 365)],
      posting({ type: "activate", activate_lot_id: "l1" })
    )
    expect(plan.after).toEqual(account({ points_balance: 120 }))
    expect(plan.lot_changes).toEqual([{ lot_id: "l1", remaining: 120, status: "available" }])
  })

  it("activating a lot that is no longer pending does nothing", () => {
    const plan = planPosting(account({ points_balance: 5 }), [lot("l1", 5, "available", 1)], posting({ type: "activate", activate_lot_id: "l1" }))
    expect(plan.empty).toBe(true)
  })

  it("rejects a debit the available points do not cover, counting holds", () => {
    expect(() =>
      planPosting(account({ points_balance: 100, held_points: 60 }), [lot("l", 100, "available", 5)], posting({ points: -50 }))
    ).toThrow(new PostingRejected("Not enough points: 50 needed, 40 available"))
  })

  it("holds only what is available, and a redemption spends held points", () => {
    const lots = [lot("l", 100, "available", 5)]
    expect(() => planPosting(account({ points_balance: 100, held_points: 80 }), lots, posting({ type: "hold", held_delta: 30 }))).toThrow(
      PostingRejected
    )
    const redeem = planPosting(account({ points_balance: 100, held_points: 80 }), lots, posting({ type: "redeem", points: -80, held_delta: -80 }))
    expect(redeem.after).toEqual(account({ points_balance: 20, held_points: 0 }))
    expect(redeem.allocations).toEqual([{ lot_id: "l", points: 80 }])
  })

  it("clamps a reversal at zero, or lets it go into arrears", () => {
    const state = account({ points_balance: 30, lifetime_points: 100 })
    const lots = [lot("l", 30, "available", 5)]
    const clamped = planPosting(state, lots, posting({ type: "reverse", points: -100, overdraft: "clamp" }))
    expect(clamped.after).toEqual(account({ points_balance: 0, lifetime_points: 70 }))
    const arrears = planPosting(state, lots, posting({ type: "reverse", points: -100, overdraft: "allow" }))
    expect(arrears.after).toEqual(account({ points_balance: -70, lifetime_points: 0 }))
  })

  it("clamps instead of going into arrears while points are held", () => {
    const plan = planPosting(
      account({ points_balance: 50, held_points: 20 }),
      [lot("l", 50, "available", 5)],
      posting({ type: "reverse", points: -100, overdraft: "allow" })
    )
    expect(plan.after).toEqual(account({ points_balance: 20, held_points: 20 }))
  })

  it("takes pending points back from the order's own lot first", () => {
    const lots = [lot("other", 50, "pending", 9), lot("mine", 40, "pending", 10)]
    const plan = planPosting(account({ pending_points: 90 }), lots, posting({ type: "reverse", pending_delta: -40, prefer_lot_ids: ["mine"] }))
    expect(plan.allocations).toEqual([{ lot_id: "mine", points: 40 }])
    expect(plan.lot_changes).toEqual([{ lot_id: "mine", remaining: 0, status: "reversed" }])
  })

  it("refuses fractional points", () => {
    expect(() => planPosting(account(), [], posting({ points: 1.5 }))).toThrow(/whole number/)
  })
})

/**
 * Random sequences of ledger operations against a model that only keeps
 * the entries: whatever happens, the planned balances equal the sums of the
 * entries, available never goes below zero without arrears, and lots never
 * hold more than the balance.
 */
describe("planPosting invariants (property)", () => {
  type Op =
    | { kind: "earn"; points: number }
    | { kind: "activate"; index: number }
    | { kind: "spend"; points: number }
    | { kind: "hold"; points: number }
    | { kind: "release"; points: number }
    | { kind: "redeem"; points: number }
    | { kind: "reverse"; points: number; arrears: boolean }
    | { kind: "expire"; index: number }

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("earn" as const), points: fc.integer({ min: 1, max: 500 }) }),
    fc.record({ kind: fc.constant("activate" as const), index: fc.nat(20) }),
    fc.record({ kind: fc.constant("spend" as const), points: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ kind: fc.constant("hold" as const), points: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ kind: fc.constant("release" as const), points: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ kind: fc.constant("redeem" as const), points: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ kind: fc.constant("reverse" as const), points: fc.integer({ min: 1, max: 600 }), arrears: fc.boolean() }),
    fc.record({ kind: fc.constant("expire" as const), index: fc.nat(20) })
  )

  it("keeps balances equal to the sum of entries and available >= 0 unless in arrears", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let state = account()
        let lots: (LotState & { points: number })[] = []
        const entries: { points: number; pending: number; held: number }[] = []
        let arrearsUsed = false

        ops.forEach((o, i) => {
          let p: Posting
          switch (o.kind) {
            case "earn":
              p = posting({ type: "earn", pending_delta: o.points, counts_as_earned: true })
              break
            case "activate":
              p = posting({ type: "activate", activate_lot_id: lots.filter((l) => l.status === "pending")[o.index % Math.max(lots.length, 1)]?.id })
              break
            case "spend":
              p = posting({ type: "adjust", points: -o.points })
              break
            case "hold":
              p = posting({ type: "hold", held_delta: o.points })
              break
            case "release":
              p = posting({ type: "release", held_delta: -Math.min(o.points, state.held_points) })
              break
            case "redeem": {
              const n = Math.min(o.points, state.held_points)
              p = posting({ type: "redeem", points: -n, held_delta: -n })
              break
            }
            case "reverse":
              p = posting({ type: "reverse", points: -o.points, overdraft: o.arrears ? "allow" : "clamp" })
              // With points held, arrears falls back to clamping.
              arrearsUsed ||= o.arrears && state.held_points === 0
              break
            case "expire": {
              const target = lots.filter((l) => l.status === "available" && l.remaining > 0)[o.index % Math.max(lots.length, 1)]
              if (!target) return
              p = posting({ type: "expire", points: -target.remaining, prefer_lot_ids: [target.id], overdraft: "clamp" })
              break
            }
          }
          let plan
          try {
            plan = planPosting(state, lots, p!)
          } catch (error) {
            if (error instanceof PostingRejected) return // refused: nothing changes
            throw error
          }
          entries.push({ points: plan.points, pending: plan.pending_delta, held: plan.held_delta })
          for (const change of plan.lot_changes) {
            const l = lots.find((x) => x.id === change.lot_id)!
            l.remaining = change.remaining
            l.status = change.status
          }
          const credit = Math.max(plan.pending_delta, 0)
          if (o.kind === "earn" && credit > 0) {
            lots.push({ ...lot(`lot${i}`, credit, "pending", i + 100, i), points: credit })
          }
          state = plan.after

          const sum = (key: "points" | "pending" | "held") => entries.reduce((acc, e) => acc + e[key], 0)
          expect(state.points_balance).toEqual(sum("points"))
          expect(state.pending_points).toEqual(sum("pending"))
          expect(state.held_points).toEqual(sum("held"))
          expect(state.held_points).toBeGreaterThanOrEqual(0)
          expect(state.pending_points).toBeGreaterThanOrEqual(0)
          expect(state.lifetime_points).toBeGreaterThanOrEqual(0)
          if (!arrearsUsed) {
            expect(state.points_balance - state.held_points).toBeGreaterThanOrEqual(0)
          }
          const pendingInLots = lots.filter((l) => l.status === "pending").reduce((a, l) => a + l.remaining, 0)
          expect(pendingInLots).toEqual(state.pending_points)
          const availableInLots = lots.filter((l) => l.status === "available").reduce((a, l) => a + l.remaining, 0)
          if (!arrearsUsed) {
            expect(availableInLots).toEqual(state.points_balance)
          }
        })
      }),
      { numRuns: 300 }
    )
  })
})
