import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import LoyaltyModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: CrmModules.LOYALTY,
  dbName: moduleTestDbName("ledger"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getKnex()

    const openAccount = async (customerId: string) =>
      (await service.ensureAccounts([customerId])).accounts[0]

    /** The account's buckets recomputed from the ledger alone. */
    const sumsOfLedger = async (accountId: string) => {
      const [row] = await knex()("crm_loyalty_entry")
        .where({ account_id: accountId })
        .select(
          knex().raw("coalesce(sum(points), 0)::int as points_balance"),
          knex().raw("coalesce(sum(pending_delta), 0)::int as pending_points"),
          knex().raw("coalesce(sum(held_delta), 0)::int as held_points")
        )
      return row
    }

    const balancesOf = async (accountId: string) => {
      const account = await service.retrieveLoyaltyAccount(accountId)
      return {
        points_balance: account.points_balance,
        pending_points: account.pending_points,
        held_points: account.held_points,
      }
    }

    it("earns pending points, activates them, and keeps balances equal to the ledger", async () => {
      const account = await openAccount("cus_1")

      const earned = await service.postLedgerEntries([
        {
          account_id: account.id,
          type: "earn",
          idempotency_key: "earn:order_1",
          pending_delta: 150,
          counts_as_earned: true,
          lot: { status: "pending" },
          source_type: "order",
          source_id: "order_1",
        },
      ])
      const [lot] = await service.listLoyaltyLots({ account_id: account.id })
      await service.postLedgerEntries([
        { account_id: account.id, type: "activate", idempotency_key: `activate:${lot.id}`, activate_lot_id: lot.id },
      ])

      expect(earned.entries[0]).toEqual(
        expect.objectContaining({ type: "earn", pending_delta: 150, points: 0, balance_after: 0 })
      )
      expect(await balancesOf(account.id)).toEqual({ points_balance: 150, pending_points: 0, held_points: 0 })
      expect(await sumsOfLedger(account.id)).toEqual(await balancesOf(account.id))
      expect((await service.retrieveLoyaltyAccount(account.id)).lifetime_points).toEqual(150)
      expect((await service.retrieveLoyaltyLot(lot.id)).status).toEqual("available")
    })

    it("skips a posting whose idempotency key is already in the ledger", async () => {
      const account = await openAccount("cus_2")
      const earn = {
        account_id: account.id,
        type: "earn" as const,
        idempotency_key: "earn:order_2",
        points: 40,
        lot: { status: "available" as const },
      }

      const first = await service.postLedgerEntries([earn])
      const again = await service.postLedgerEntries([earn, earn])

      expect(first.entries).toHaveLength(1)
      expect(again).toEqual({ entries: [], skipped_keys: ["earn:order_2", "earn:order_2"] })
      expect(await service.listLoyaltyEntries({ account_id: account.id })).toHaveLength(1)
      expect((await balancesOf(account.id)).points_balance).toEqual(40)
    })

    it("writes one entry when the same posting races with itself", async () => {
      const account = await openAccount("cus_3")
      const earn = {
        account_id: account.id,
        type: "earn" as const,
        idempotency_key: "earn:order_3",
        points: 25,
        lot: { status: "available" as const },
      }

      await Promise.allSettled(Array.from({ length: 10 }, () => service.postLedgerEntries([earn])))

      expect(await service.listLoyaltyEntries({ account_id: account.id })).toHaveLength(1)
      expect((await balancesOf(account.id)).points_balance).toEqual(25)
    })

    it("lets exactly 10 of 50 parallel debits of 10 through a balance of 100", async () => {
      const account = await openAccount("cus_4")
      await service.postLedgerEntries([
        { account_id: account.id, type: "adjust", idempotency_key: "seed:cus_4", points: 100, lot: { status: "available" } },
      ])

      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          service.postLedgerEntries([
            { account_id: account.id, type: "hold", idempotency_key: `hold:cart_${i}`, held_delta: 10 },
          ])
        )
      )

      const succeeded = results.filter((r) => r.status === "fulfilled")
      const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(succeeded).toHaveLength(10)
      expect(new Set(refused.map((r) => r.reason.type))).toEqual(new Set(["conflict"]))
      expect(await balancesOf(account.id)).toEqual({ points_balance: 100, pending_points: 0, held_points: 100 })
      expect(await sumsOfLedger(account.id)).toEqual(await balancesOf(account.id))
    })

    it("refuses a debit the balance does not cover and writes nothing", async () => {
      const account = await openAccount("cus_5")
      await service.postLedgerEntries([
        { account_id: account.id, type: "adjust", idempotency_key: "seed:cus_5", points: 30, lot: { status: "available" } },
      ])

      await expect(
        service.postLedgerEntries([
          { account_id: account.id, type: "adjust", idempotency_key: "bonus:x", points: 5, lot: { status: "available" } },
          { account_id: account.id, type: "adjust", idempotency_key: "adjust:too-much", points: -50 },
        ])
      ).rejects.toMatchObject({ type: "conflict", message: "Not enough points: 50 needed, 35 available" })

      expect(await service.listLoyaltyEntries({ account_id: account.id })).toHaveLength(1)
      expect((await balancesOf(account.id)).points_balance).toEqual(30)
    })

    it("consumes lots first-expiring-first and records which", async () => {
      const account = await openAccount("cus_6")
      await service.postLedgerEntries([
        { account_id: account.id, type: "earn", idempotency_key: "e:late", points: 50, lot: { status: "available", expires_at: new Date("2031-01-01") } },
        { account_id: account.id, type: "earn", idempotency_key: "e:soon", points: 50, lot: { status: "available", expires_at: new Date("2030-01-01") } },
      ])

      const { entries } = await service.postLedgerEntries([
        { account_id: account.id, type: "adjust", idempotency_key: "spend:1", points: -70 },
      ])

      const lots = await service.listLoyaltyLots({ account_id: account.id }, { order: { expires_at: "ASC" } })
      expect(lots.map((l) => [l.remaining, l.status])).toEqual([
        [0, "exhausted"],
        [30, "available"],
      ])
      expect(entries[0].lot_allocations).toEqual([
        { lot_id: lots[0].id, points: 50 },
        { lot_id: lots[1].id, points: 20 },
      ])
    })

    it("never reverses more than an order earned, however many returns arrive", async () => {
      const account = await openAccount("cus_returns")
      const earn = (order: string) => ({
        account_id: account.id,
        type: "earn" as const,
        idempotency_key: `earn:${order}`,
        pending_delta: 100,
        counts_as_earned: true,
        lot: { status: "pending" as const },
        source_type: "order",
        source_id: order,
      })
      const giveBack = (ret: string) => ({
        account_id: account.id,
        type: "reverse" as const,
        idempotency_key: `reverse:${ret}`,
        reverse_of: { idempotency_key: "earn:order_a", ratio: 0.8 },
        overdraft: "clamp" as const,
      })
      await service.postLedgerEntries([earn("order_a"), earn("order_b")])

      await service.postLedgerEntries([giveBack("ret_1")])
      await service.postLedgerEntries([giveBack("ret_2")])

      const reversals = await service.listLoyaltyEntries({ account_id: account.id, type: "reverse" })
      expect(reversals.map((r) => r.pending_delta)).toEqual([-80, -20])
      expect((await service.retrieveLoyaltyAccount(account.id)).pending_points).toEqual(100)
    })

    describe("database guards", () => {
      it("refuses UPDATE, DELETE and TRUNCATE of ledger entries", async () => {
        const account = await openAccount("cus_7")
        const { entries } = await service.postLedgerEntries([
          { account_id: account.id, type: "adjust", idempotency_key: "a:1", points: 10, lot: { status: "available" } },
        ])

        await expect(knex()("crm_loyalty_entry").update({ points: 1000 }).where({ id: entries[0].id })).rejects.toThrow(/append-only/)
        await expect(knex()("crm_loyalty_entry").delete().where({ id: entries[0].id })).rejects.toThrow(/append-only/)
        await expect(knex().raw("truncate crm_loyalty_entry cascade")).rejects.toThrow(/append-only/)
        expect(await service.listLoyaltyEntries({ account_id: account.id })).toHaveLength(1)
      })

      it("refuses a second entry with the same idempotency key", async () => {
        const account = await openAccount("cus_8")
        const row = {
          account_id: account.id,
          type: "adjust",
          points: 0,
          balance_after: 0,
          idempotency_key: "dup:1",
        }
        await knex()("crm_loyalty_entry").insert({ id: "lpent_a", ...row })
        await expect(knex()("crm_loyalty_entry").insert({ id: "lpent_b", ...row })).rejects.toThrow(/duplicate key/)
      })

      it("refuses held points the balance does not cover", async () => {
        const account = await openAccount("cus_9")
        await expect(
          knex()("crm_loyalty_account").update({ held_points: 5 }).where({ id: account.id })
        ).rejects.toThrow(/crm_loyalty_account_available_check/)
      })
    })
  },
})
