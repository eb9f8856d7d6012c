import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import LoyaltyModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: CrmModules.LOYALTY,
  dbName: moduleTestDbName("loyalty-accounts"),
  resolve: path.join(__dirname, ".."),
  // The real migrations, so the database constraints are the shipped ones.
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("ensureAccounts", () => {
      it("creates one zero-balance account per customer and reports what it created", async () => {
        const { accounts, created_ids } = await service.ensureAccounts([
          "cus_b",
          "cus_a",
          "cus_a",
        ])

        expect(accounts.map((a) => a.customer_id).sort()).toEqual(["cus_a", "cus_b"])
        expect(created_ids.sort()).toEqual(accounts.map((a) => a.id).sort())
        for (const account of accounts) {
          expect(account).toEqual(
            expect.objectContaining({
              id: expect.stringMatching(/^lpacc_/),
              points_balance: 0,
              pending_points: 0,
              held_points: 0,
              lifetime_points: 0,
            })
          )
        }
      })

      it("changes nothing when called again", async () => {
        const first = await service.ensureAccounts(["cus_a"])
        const second = await service.ensureAccounts(["cus_a", "cus_c"])

        expect(second.created_ids).toHaveLength(1)
        expect(second.accounts.find((a) => a.customer_id === "cus_a")!.id).toEqual(
          first.accounts[0].id
        )
      })

      it("leaves exactly one account when many calls race for the same customer", async () => {
        const results = await Promise.all(
          Array.from({ length: 25 }, () => service.ensureAccounts(["cus_race"]))
        )

        const ids = new Set(results.map((r) => r.accounts[0].id))
        expect(ids.size).toEqual(1)
        expect(results.flatMap((r) => r.created_ids)).toHaveLength(1)
        expect(await service.listLoyaltyAccounts({ customer_id: "cus_race" })).toHaveLength(1)
      })

      it("accepts an empty list", async () => {
        expect(await service.ensureAccounts([])).toEqual({ accounts: [], created_ids: [] })
      })
    })

    describe("database guards", () => {
      it("refuses a second live account for a customer, whatever the caller", async () => {
        await service.ensureAccounts(["cus_dup"])

        await expect(
          service.createLoyaltyAccounts({ customer_id: "cus_dup" })
        ).rejects.toThrow()
        expect(await service.listLoyaltyAccounts({ customer_id: "cus_dup" })).toHaveLength(1)
      })

      it("refuses negative pending, held or lifetime points", async () => {
        const {
          accounts: [account],
        } = await service.ensureAccounts(["cus_neg"])
        const knex = MikroOrmWrapper.getManager().getKnex()

        for (const column of ["pending_points", "held_points", "lifetime_points"]) {
          await expect(
            knex("crm_loyalty_account").update({ [column]: -1 }).where({ id: account.id })
          ).rejects.toThrow(/check constraint/)
        }
      })
    })

    describe("retrieveAccountByCustomer", () => {
      it("answers the customer's account, or null", async () => {
        const {
          accounts: [account],
        } = await service.ensureAccounts(["cus_x"])

        expect((await service.retrieveAccountByCustomer("cus_x"))?.id).toEqual(account.id)
        expect(await service.retrieveAccountByCustomer("cus_nobody")).toBeNull()
      })
    })
  },
})
