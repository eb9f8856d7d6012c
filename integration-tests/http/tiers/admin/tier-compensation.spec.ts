import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { provisionTierBenefitsStep } from "../../../../src/workflows/tiers/steps/provision-tier-benefits"
import { removeTierStep } from "../../../../src/workflows/tiers/steps/remove-tier"
import { saveTierStep } from "../../../../src/workflows/tiers/steps/save-tier"
import { reevaluateAllTiers } from "../../../../src/workflows/tiers/evaluate-and-follow-up"
import { loyaltyOf, tierNameOf, tiersByName } from "../../../helpers/tiers"

jest.setTimeout(240 * 1000)

const failAfterWrites = createStep("crm-test-fail-after-writes", async () => {
  throw new Error("injected failure")
})

/** The tier steps followed by a failure: their compensation must leave nothing behind. */
const saveThenFail = createWorkflow("crm-test-save-tier-then-fail", (input: any) => {
  saveTierStep(input)
  provisionTierBenefitsStep({})
  failAfterWrites()
})
const removeThenFail = createWorkflow("crm-test-remove-tier-then-fail", (input: { id: string }) => {
  removeTierStep(input)
  failAfterWrites()
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const ladderSnapshot = async () =>
      (await loyaltyOf(getContainer()).tierLadder()).map((t) => [t.name, t.rank, Number(t.threshold), t.discount_percent])

    it("a failure after creating a tier removes it, its group and its promotion", async () => {
      await reevaluateAllTiers(getContainer()) // the ladder with its groups and promotions
      const before = await ladderSnapshot()
      const groupsBefore = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({})
      const promotionsBefore = await getContainer().resolve(Modules.PROMOTION).listPromotions({})

      const { errors } = await saveThenFail(getContainer()).run({
        input: { name: "Platinum", threshold: 9000, discount_percent: 20, free_shipping: true },
        throwOnError: false,
      })

      expect(errors[0].error.message).toEqual("injected failure")
      expect(await ladderSnapshot()).toEqual(before)
      expect(await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({})).toHaveLength(groupsBefore.length)
      expect(await getContainer().resolve(Modules.PROMOTION).listPromotions({})).toHaveLength(promotionsBefore.length)
    })

    it("a failure after changing a tier restores its values and rank", async () => {
      const before = await ladderSnapshot()
      const gold = (await tiersByName(getContainer())).Gold

      const { errors } = await saveThenFail(getContainer()).run({
        input: { id: gold.id, rank: 3, threshold: 9000, discount_percent: 30 },
        throwOnError: false,
      })

      expect(errors.map((e: any) => e.error.message)).toEqual(["injected failure"])
      expect(await ladderSnapshot()).toEqual(before)
    })

    it("a failure after deleting a tier restores it and moves its members back", async () => {
      const customer = await getContainer().resolve(Modules.CUSTOMER).createCustomers({ email: "keep@crm.test", has_account: true })
      await loyaltyOf(getContainer()).ensureAccounts([customer.id])
      await reevaluateAllTiers(getContainer())
      const basic = (await tiersByName(getContainer())).Basic
      expect(await tierNameOf(getContainer(), customer.id)).toEqual("Basic")

      const { errors } = await removeThenFail(getContainer()).run({ input: { id: basic.id }, throwOnError: false })

      expect(errors.map((e: any) => e.error.message)).toEqual(["injected failure"])
      expect((await tiersByName(getContainer())).Basic?.id).toEqual(basic.id)
      expect(await tierNameOf(getContainer(), customer.id)).toEqual("Basic")
    })
  },
})
