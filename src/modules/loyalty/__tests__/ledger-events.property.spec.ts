import path from "path"
import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Posting } from "../ledger/plan-posting"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import LoyaltyModuleService from "../service"

jest.setTimeout(300 * 1000)

/**
 * Order-lifecycle events as the subscribers turn them into postings, against
 * the real ledger on PostgreSQL. Each generated history is shuffled and has
 * duplicates, as an at-least-once event bus delivers them.
 */
type Event =
  | { kind: "earn"; order: number; points: number }
  | { kind: "cancel"; order: number }
  | { kind: "return"; order: number; ret: number; ratio: number }
  | { kind: "activate"; order: number }
  | { kind: "redeem"; key: number; points: number }
  | { kind: "expire" }

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant("earn" as const), order: fc.nat(2), points: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("cancel" as const), order: fc.nat(2) }),
  fc.record({ kind: fc.constant("return" as const), order: fc.nat(2), ret: fc.nat(3), ratio: fc.double({ min: 0.3, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("activate" as const), order: fc.nat(2) }),
  fc.record({ kind: fc.constant("redeem" as const), key: fc.nat(5), points: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("expire" as const) })
)

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: CrmModules.LOYALTY,
  dbName: moduleTestDbName("ledger-events"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    let run = 0

    const toPosting = async (accountId: string, e: Event, arrears: boolean): Promise<Posting | null> => {
      const order = `order_${run}_${"order" in e ? e.order : 0}`
      switch (e.kind) {
        case "earn":
          // The first delivery of an order's earn decides its points: the key is per order.
          return {
            account_id: accountId,
            type: "earn",
            idempotency_key: `earn:${order}`,
            unless_keys: [`cancel:${order}`],
            pending_delta: e.points,
            counts_as_earned: true,
            lot: { status: "pending" },
            source_type: "order",
            source_id: order,
          }
        case "cancel":
          return {
            account_id: accountId,
            type: "reverse",
            idempotency_key: `cancel:${order}`,
            reverse_of: { idempotency_key: `earn:${order}`, ratio: 1 },
            overdraft: arrears ? "allow" : "clamp",
            source_type: "order",
            source_id: order,
          }
        case "return":
          return {
            account_id: accountId,
            type: "reverse",
            idempotency_key: `reverse:${order}_ret${e.ret}`,
            reverse_of: { idempotency_key: `earn:${order}`, ratio: e.ratio },
            overdraft: arrears ? "allow" : "clamp",
            source_type: "return",
            source_id: `${order}_ret${e.ret}`,
          }
        case "activate": {
          const lots = await service.listLoyaltyLots({ account_id: accountId, source_id: order, status: "pending" } as any)
          return lots[0]
            ? { account_id: accountId, type: "activate", idempotency_key: `activate:${lots[0].id}`, activate_lot_id: lots[0].id }
            : null
        }
        case "redeem":
          return { account_id: accountId, type: "adjust", idempotency_key: `spend:${run}:${e.key}`, points: -e.points }
        case "expire": {
          const lots = await service.listLoyaltyLots({ account_id: accountId, status: "available" } as any, { take: 1 })
          return lots[0]
            ? {
                account_id: accountId,
                type: "expire",
                idempotency_key: `expire:${lots[0].id}`,
                points: -lots[0].remaining,
                prefer_lot_ids: [lots[0].id],
                overdraft: "clamp",
              }
            : null
        }
      }
    }

    it("keeps balances equal to the ledger, one earn per order, reversals within earnings", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(event, { minLength: 1, maxLength: 14 }),
          fc.array(fc.nat(13), { maxLength: 6 }),
          fc.boolean(),
          async (history, duplicates, arrears) => {
            run++
            const {
              accounts: [account],
            } = await service.ensureAccounts([`cus_prop_${run}`])
            // At-least-once delivery: some events arrive twice, in any order.
            const deliveries = [...history, ...duplicates.map((i) => history[i % history.length])]
            for (const e of deliveries) {
              const posting = await toPosting(account.id, e, arrears)
              if (posting) {
                await service.postLedgerEntries([posting]).catch((error) => {
                  if (error.type !== "conflict") throw error // "not enough points" is a refusal, not a bug
                })
              }
            }

            const knex = MikroOrmWrapper.getManager().getKnex()
            const [sums] = await knex("crm_loyalty_entry")
              .where({ account_id: account.id })
              .select(knex.raw("coalesce(sum(points),0)::int as points"), knex.raw("coalesce(sum(pending_delta),0)::int as pending"))
            const after = await service.retrieveLoyaltyAccount(account.id)
            expect(after.points_balance).toEqual(sums.points)
            expect(after.pending_points).toEqual(sums.pending)
            expect(after.pending_points).toBeGreaterThanOrEqual(0)
            if (!arrears) {
              expect(after.points_balance).toBeGreaterThanOrEqual(0)
            }

            const entries = await service.listLoyaltyEntries({ account_id: account.id })
            const earns = entries.filter((e) => e.type === "earn")
            expect(new Set(earns.map((e) => e.source_id)).size).toEqual(earns.length)
            for (const earn of earns) {
              const earned = earn.pending_delta + earn.points
              const reversed = entries
                .filter((e) => e.type === "reverse" && (e.metadata as any)?.reverse_of === earn.idempotency_key)
                .reduce((sum, e) => sum - e.points - e.pending_delta, 0)
              expect(reversed).toBeLessThanOrEqual(earned)
            }
            // A cancel first means no earn at all for that order.
            for (const e of entries.filter((x) => x.type === "reverse" && x.idempotency_key.startsWith("cancel:"))) {
              const earn = earns.find((x) => x.source_id === e.source_id)
              if (earn) {
                expect(new Date(earn.created_at).getTime()).toBeLessThanOrEqual(new Date(e.created_at).getTime())
              }
            }
          }
        ),
        { numRuns: 80 }
      )
    })
  },
})
