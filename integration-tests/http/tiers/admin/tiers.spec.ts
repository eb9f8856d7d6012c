import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { backfillOrderFacts, BACKFILL_DONE_CURSOR } from "../../../../src/workflows/order-facts/run-backfill"
import { BACKFILL_CURSOR } from "../../../../src/workflows/order-facts/steps/find-backfill-page"
import { reevaluateAllTiers } from "../../../../src/workflows/tiers/evaluate-and-follow-up"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { clearRecordedNotifications, recordedNotifications } from "../../../providers/notification-recorder/service"
import { accountTiers, loyaltyOf, NOTHING_CHANGED, tierGroupMemberships, tierNameOf, tiersByName } from "../../../helpers/tiers"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const checkout = (headers: Record<string, string>, quantity: number) =>
      placeOrderAndWait(api, getContainer(), fixtures, headers, quantity)

    it("lists the default ladder with member counts; each tier has its customer group", async () => {
      const buyer = await member("silver@crm.test")
      await checkout(buyer.headers, 20) // 500 EUR: Silver

      const { tiers } = (await api.get("/admin/loyalty/tiers", admin)).data
      expect(tiers.map((t: any) => [t.name, t.rank, t.threshold, t.member_count])).toEqual([
        ["Basic", 0, 0, 0],
        ["Silver", 1, 500, 1],
        ["Gold", 2, 1500, 0],
        ["Diamond", 3, 5000, 0],
      ])
      const groups = await getContainer()
        .resolve(Modules.CUSTOMER)
        .listCustomerGroups({ id: tiers.map((t: any) => t.customer_group_id) })
      expect(groups.map((g) => g.name).sort()).toEqual(
        ["Loyalty tier: Basic", "Loyalty tier: Diamond", "Loyalty tier: Gold", "Loyalty tier: Silver"].sort()
      )
      expect((await api.get(`/admin/loyalty/accounts?tier_id=${tiers[1].id}`, admin)).data.loyalty_accounts).toEqual([
        expect.objectContaining({ customer_id: buyer.customerId, tier: expect.objectContaining({ name: "Silver" }) }),
      ])
    })

    it("creates, edits and moves tiers; the promotion follows the discount", async () => {
      const { tier: platinum } = (
        await api.post("/admin/loyalty/tiers", { name: "Platinum", threshold: 10000, multiplier: 3, discount_percent: 15 }, admin)
      ).data
      expect(platinum).toEqual(expect.objectContaining({ rank: 4, member_count: 0, discount_promotion_id: expect.any(String) }))

      const { tier: edited } = (await api.post(`/admin/loyalty/tiers/${platinum.id}`, { discount_percent: 12 }, admin)).data
      const promotion = await getContainer()
        .resolve(Modules.PROMOTION)
        .retrievePromotion(edited.discount_promotion_id, { relations: ["application_method"] })
      expect(Number(promotion.application_method!.value)).toEqual(12)
      expect(promotion.is_automatic).toEqual(true)
      const { tier: read } = (await api.get(`/admin/loyalty/tiers/${platinum.id}`, admin)).data
      expect(read).toEqual(expect.objectContaining({ id: platinum.id, name: "Platinum", discount_percent: 12, member_count: 0 }))

      // A bad change is a 400 that writes nothing.
      const tooGenerous = await failedRequest(api.post(`/admin/loyalty/tiers/${platinum.id}`, { discount_percent: 120 }, admin))
      expect(tooGenerous.status).toEqual(400)
      expect(tooGenerous.data.message).toMatch(/discount_percent/)
      expect((await api.get(`/admin/loyalty/tiers/${platinum.id}`, admin)).data.tier.discount_percent).toEqual(12)

      // Moving Silver above Gold would leave thresholds falling: refused, nothing changes.
      const silver = (await tiersByName(getContainer())).Silver
      const refused = await failedRequest(api.post(`/admin/loyalty/tiers/${silver.id}`, { rank: 2 }, admin))
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toMatch(/Thresholds must rise with rank/)
      // Moving it with a threshold that fits is accepted and renumbers the ladder.
      await api.post(`/admin/loyalty/tiers/${silver.id}`, { rank: 2, threshold: 2000 }, admin)
      const ranks = Object.values(await tiersByName(getContainer())).map((t) => [t.name, t.rank])
      expect(ranks).toEqual([["Basic", 0], ["Gold", 1], ["Silver", 2], ["Diamond", 3], ["Platinum", 4]])
    })

    it("answers 400 on bad input and 409 on a duplicate name, writing nothing", async () => {
      await api.get("/admin/loyalty/tiers", admin)
      const before = (await loyaltyOf(getContainer()).listLoyaltyTiers({})).length
      for (const body of [
        { threshold: 10 },
        { name: "Negative", threshold: -1 },
        { name: "Too generous", threshold: 9000, discount_percent: 120 },
        { name: "Unknown field", threshold: 9000, colour: "red" },
        { name: "Below Diamond at the top", threshold: 100 },
      ]) {
        const error = await failedRequest(api.post("/admin/loyalty/tiers", body, admin))
        expect(error.status).toEqual(400)
        expect(error.data.message).toEqual(expect.any(String))
      }
      const duplicate = await failedRequest(api.post("/admin/loyalty/tiers", { name: "gold", threshold: 9000 }, admin))
      expect(duplicate.status).toEqual(409)
      expect((await loyaltyOf(getContainer()).listLoyaltyTiers({})).length).toEqual(before)
    })

    it("needs an admin; an unknown tier is a 404", async () => {
      for (const request of [
        () => api.get("/admin/loyalty/tiers"),
        () => api.post("/admin/loyalty/tiers", { name: "X", threshold: 1 }),
        () => api.post("/admin/loyalty/tiers/evaluate", {}),
        () => api.get("/admin/loyalty/tiers/lptier_missing"),
        () => api.post("/admin/loyalty/tiers/lptier_missing", { threshold: 1 }),
        () => api.delete("/admin/loyalty/tiers/lptier_missing"),
      ]) {
        expect((await failedRequest(request())).status).toEqual(401)
      }
      for (const request of [
        () => api.get("/admin/loyalty/tiers/lptier_missing", admin),
        () => api.post("/admin/loyalty/tiers/lptier_missing", { threshold: 1 }, admin),
        () => api.delete("/admin/loyalty/tiers/lptier_missing", admin),
      ]) {
        expect((await failedRequest(request())).status).toEqual(404)
      }
    })

    it("deleting a tier moves its members to the tier below, and into its group", async () => {
      const buyer = await member("moved@crm.test")
      await checkout(buyer.headers, 20) // Silver
      const silver = (await tiersByName(getContainer())).Silver

      const { data } = await api.delete(`/admin/loyalty/tiers/${silver.id}`, admin)
      expect(data).toEqual({ id: silver.id, object: "loyalty_tier", deleted: true })
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Basic")
      expect(await tierGroupMemberships(getContainer())).toEqual([`${buyer.customerId} -> Basic`])
      const groups = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({ id: silver.customer_group_id! })
      expect(groups).toHaveLength(0)
    })

    it("group membership equals tier membership after a re-evaluation, which repairs hand edits; a second run writes nothing", async () => {
      const a = await member("a@crm.test")
      const b = await member("b@crm.test")
      await checkout(a.headers, 20) // Silver
      await member("c@crm.test") // no orders: Basic after the evaluation
      const tiers = await tiersByName(getContainer())
      const customers = getContainer().resolve(Modules.CUSTOMER)
      // Hand edits: a taken out of Silver, b put into Diamond.
      await customers.removeCustomerFromGroup({ customer_id: a.customerId, customer_group_id: tiers.Silver.customer_group_id! })
      await customers.addCustomerToGroup({ customer_id: b.customerId, customer_group_id: tiers.Diamond.customer_group_id! })

      const first = await api.post("/admin/loyalty/tiers/evaluate", {}, admin)
      expect(first.data.evaluation.group_links_added).toBeGreaterThan(0)
      expect(first.data.evaluation.group_links_removed).toEqual(1)
      expect(await tierGroupMemberships(getContainer())).toEqual(await accountTiers(getContainer()))
      expect((await accountTiers(getContainer())).length).toEqual(3)

      const second = await api.post("/admin/loyalty/tiers/evaluate", {}, admin)
      expect(second.data.evaluation).toEqual(NOTHING_CHANGED)
    })

    it("a back-fill over existing orders gives the same facts as the live events did, and places members", async () => {
      const a = await member("history-a@crm.test")
      const b = await member("history-b@crm.test")
      await checkout(a.headers, 20)
      await checkout(b.headers, 3)
      await checkout(a.headers, 2)
      const factsOf = async () => {
        const { rows } = await dbConnection.raw(
          `SELECT order_id, customer_id, sales_channel_id, region_id, status, currency_code, total::text, spend::text,
                  returned_spend::text, item_count, placed_at, canceled_at, returned_at FROM crm_order_fact ORDER BY order_id`
        )
        const lines = await dbConnection.raw(
          `SELECT line_id, order_id, customer_id, product_id, variant_id, collection_id, category_ids, quantity,
                  returned_quantity, spend::text, placed_at FROM crm_order_line_fact ORDER BY line_id`
        )
        return { orders: rows, lines: lines.rows }
      }
      const live = await factsOf()
      expect(live.orders).toHaveLength(3)

      // As if the plugin had just been installed: no facts, no tiers.
      await dbConnection.raw(`DELETE FROM crm_order_fact; DELETE FROM crm_order_line_fact;`)
      await dbConnection.raw(`UPDATE crm_loyalty_account SET tier_id = NULL, tier_since = NULL`)
      await dbConnection.raw(`DELETE FROM crm_loyalty_cursor WHERE id IN (?, ?)`, [BACKFILL_CURSOR, BACKFILL_DONE_CURSOR])

      clearRecordedNotifications()
      const result = await backfillOrderFacts(getContainer())
      expect(result).toEqual({ orders: 3, done: true })
      // A first placement is not an upgrade: installing does not e-mail the customer base.
      expect(recordedNotifications().filter((n) => n.template === "loyalty-tier-upgraded")).toEqual([])
      expect(await factsOf()).toEqual(live)
      expect(await tierNameOf(getContainer(), a.customerId)).toEqual("Silver")
      expect(await tierNameOf(getContainer(), b.customerId)).toEqual("Basic")
      // Finished: a further run does nothing.
      expect(await backfillOrderFacts(getContainer())).toEqual({ orders: 0, done: true })
    })
  },
})
