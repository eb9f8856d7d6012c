import path from "path"
import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import { bonusPosting } from "../ledger/bonus-posting"
import { qualifiedTier } from "../tiers/ladder"
import LoyaltyModuleService from "../service"

jest.setTimeout(120 * 1000)

const DAY_MS = 24 * 60 * 60 * 1000
const NO_CHANGE = { upgraded: 0, downgraded: 0, grace_started: 0, grace_cleared: 0 }

/**
 * The set-based re-score against the ladder's plain definition, with tiers
 * earned in points (the measure the loyalty module holds on its own).
 */
moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: CrmModules.LOYALTY,
  dbName: moduleTestDbName("tier-rescore"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service }) => {
    let run = 0

    beforeEach(async () => {
      await service.changeSettings({ tier_measure: "points", tier_grace_days: 30 })
    })

    /** Members with the given points earned (bonus credits), for fresh customer ids. */
    const membersWith = async (points: number[]) => {
      run += 1
      const customerIds = points.map((_, i) => `cus_r${run}_${i}`)
      const { accounts } = await service.ensureAccounts(customerIds)
      const byCustomer = new Map(accounts.map((a) => [a.customer_id, a]))
      await service.postLedgerEntries(
        points
          .map((p, i) => ({ p, account: byCustomer.get(customerIds[i])! }))
          .filter(({ p }) => p > 0)
          .map(({ p, account }) =>
            bonusPosting({
              account_id: account.id,
              points: p,
              idempotency_key: `bonus:test:${account.customer_id}`,
              reason: "test",
              source_type: "test",
              source_id: account.customer_id,
              expiry_months: null,
            })
          )
      )
      return customerIds
    }
    const tierOf = async (customerId: string) => (await service.retrieveAccountByCustomer(customerId))!.tier_id

    it("places every member exactly where the ladder says, and a second run changes nothing", async () => {
      const ladder = await service.tierLadder()
      const thresholds = ladder.map((tier) => Number(tier.threshold))
      const nearThresholds = fc.oneof(
        fc.integer({ min: 0, max: 7000 }),
        fc.constantFrom(...thresholds.flatMap((t) => [t - 1, t, t + 1]).filter((p) => p >= 0))
      )
      await fc.assert(
        fc.asyncProperty(fc.array(nearThresholds, { minLength: 1, maxLength: 25 }), async (points) => {
          const customerIds = await membersWith(points)
          await service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: customerIds })
          for (const [i, customerId] of customerIds.entries()) {
            expect(await tierOf(customerId)).toEqual(qualifiedTier(points[i], ladder)?.id ?? null)
          }
          expect(
            await service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: customerIds })
          ).toEqual(NO_CHANGE)
        }),
        { numRuns: 6 }
      )
    })

    it("moves a member down only once the grace period has run out, and logs each move once", async () => {
      const [customerId] = await membersWith([1600]) // Gold
      const ladder = await service.tierLadder()
      const gold = ladder.find((t) => t.name === "Gold")!.id
      const silver = ladder.find((t) => t.name === "Silver")!.id
      await service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: [customerId] })
      expect(await tierOf(customerId)).toEqual(gold)

      const account = (await service.retrieveAccountByCustomer(customerId))!
      await service.postLedgerEntries([
        { account_id: account.id, type: "reverse", idempotency_key: `reverse:test:${customerId}`, points: -600 },
      ])
      const now = Date.now()
      const at = (days: number) =>
        service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: [customerId], now: new Date(now + days * DAY_MS) })

      // An order's upgrade check never moves anyone down.
      expect(await service.rescoreMembers({ upgrade_only: true, reason: "order", customer_ids: [customerId] })).toEqual(NO_CHANGE)
      expect(await at(0)).toEqual({ ...NO_CHANGE, grace_started: 1 })
      expect(await at(1)).toEqual(NO_CHANGE)
      expect(await at(29)).toEqual(NO_CHANGE)
      expect(await tierOf(customerId)).toEqual(gold)
      expect(await at(31)).toEqual({ ...NO_CHANGE, downgraded: 1 })
      expect(await tierOf(customerId)).toEqual(silver)
      expect(await at(31)).toEqual(NO_CHANGE)

      const moves = await service.listLoyaltyTierChanges({ customer_id: customerId }, { order: { created_at: "ASC" } })
      expect(moves.map((m) => [m.direction, m.previous_tier_id, m.tier_id])).toEqual([
        ["up", null, gold],
        ["down", gold, silver],
      ])
    })

    it("a member who qualifies again during the grace period keeps the tier", async () => {
      const [customerId] = await membersWith([600]) // Silver
      await service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: [customerId] })
      const account = (await service.retrieveAccountByCustomer(customerId))!
      await service.postLedgerEntries([
        { account_id: account.id, type: "reverse", idempotency_key: `reverse:test:${customerId}`, points: -200 },
      ])
      expect(
        await service.rescoreMembers({ upgrade_only: false, reason: "evaluation", customer_ids: [customerId] })
      ).toEqual({ ...NO_CHANGE, grace_started: 1 })

      await service.postLedgerEntries([
        bonusPosting({
          account_id: account.id,
          points: 150,
          idempotency_key: `bonus:again:${customerId}`,
          reason: "test",
          source_type: "test",
          source_id: customerId,
          expiry_months: null,
        }),
      ])
      // The order path clears the grace period as soon as the member qualifies again.
      expect(await service.rescoreMembers({ upgrade_only: true, reason: "order", customer_ids: [customerId] })).toEqual({
        ...NO_CHANGE,
        grace_cleared: 1,
      })
      expect((await service.retrieveAccountByCustomer(customerId))!.tier_below_since).toBeNull()
    })
  },
})
