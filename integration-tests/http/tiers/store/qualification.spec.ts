import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import { LoyaltyEvents } from "../../../../src/workflows/loyalty/events"
import { reevaluateAllTiers } from "../../../../src/workflows/tiers/evaluate-and-follow-up"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createCartThroughStore, createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { loyaltyOf, NOTHING_CHANGED, tierNameOf, tiersByName } from "../../../helpers/tiers"
import { createShippingFixtures } from "../../../helpers/shipping"
import { clearRecordedNotifications, recordedNotifications } from "../../../providers/notification-recorder/service"

jest.setTimeout(240 * 1000)

const DAY_MS = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(async () => {
      clearRecordedNotifications()
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const checkout = (headers: Record<string, string>, quantity: number) =>
      placeOrderAndWait(api, getContainer(), fixtures, headers, quantity)
    const setThreshold = async (name: string, threshold: number) => {
      const tier = (await tiersByName(getContainer()))[name]
      await api.post(`/admin/loyalty/tiers/${tier.id}`, { threshold }, admin)
    }
    const storeAccount = async (headers: Record<string, string>) =>
      (await api.get("/store/loyalty/account", { headers })).data.loyalty_account

    it("an order reaching the threshold exactly upgrades at once; one cent less does not", async () => {
      await setThreshold("Silver", 500.01)
      const short = await member("short@crm.test")
      await checkout(short.headers, 20) // 500.00 EUR
      expect(await tierNameOf(getContainer(), short.customerId)).toEqual("Basic")

      await setThreshold("Silver", 500)
      const exact = await member("exact@crm.test")
      await checkout(exact.headers, 20)
      expect(await tierNameOf(getContainer(), exact.customerId)).toEqual("Silver")

      const account = await storeAccount(exact.headers)
      expect(account.tier).toEqual(expect.objectContaining({ name: "Silver", threshold: 500 }))
      expect(account.next_tier).toEqual(expect.objectContaining({ name: "Gold", threshold: 1500 }))
      expect(account.spend_to_next_tier).toEqual(1000)
      expect(account.points_to_next_tier).toBeNull()
      expect(account.tier_progress).toEqual(
        expect.objectContaining({ measure: "spend", period: "rolling", value: 500, remaining: 1000, grace_ends_at: null })
      )
    })

    it("an upgrade sends one e-mail and one crm.loyalty.tier_changed, however often order.placed arrives", async () => {
      const buyer = await member("upgrade@crm.test")
      const events: any[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      eventBus.subscribe(LoyaltyEvents.TIER_CHANGED, async (event: any) => {
        events.push(event.data)
      }, { subscriberId: "test-tier-changed-listener" } as any)

      const order = await checkout(buyer.headers, 20)
      await deliver(getContainer(), "order.placed", { id: order.id }, 2)

      const tiers = await tiersByName(getContainer())
      const changes = await loyaltyOf(getContainer()).listLoyaltyTierChanges(
        { customer_id: buyer.customerId },
        { order: { created_at: "ASC" } }
      )
      // Basic at sign-up, Silver with the order: each once.
      expect(changes.map((c) => [c.reason, c.previous_tier_id, c.tier_id])).toEqual([
        ["signup", null, tiers.Basic.id],
        ["order", tiers.Basic.id, tiers.Silver.id],
      ])
      const mails = recordedNotifications().filter((n) => n.template === "loyalty-tier-upgraded")
      expect(mails).toHaveLength(1)
      expect(mails[0].to).toEqual("upgrade@crm.test")
      expect(events.filter((e) => e.customer_id === buyer.customerId && e.tier_name === "Silver")).toEqual([
        expect.objectContaining({ previous_tier_name: "Basic", previous_tier_id: tiers.Basic.id, direction: "up" }),
      ])
    })

    it("the tier's discount and free shipping reach a member's cart totals, and no one else's", async () => {
      await setThreshold("Silver", 20)
      await setThreshold("Gold", 50)
      const gold = await member("gold@crm.test")
      const basic = await member("basic@crm.test")
      await checkout(gold.headers, 2) // 50 EUR: Gold (5 % off, free shipping)
      expect(await tierNameOf(getContainer(), gold.customerId)).toEqual("Gold")
      // From here on the product ships (it joins the shipping profile).
      const shipping = await createShippingFixtures(getContainer(), fixtures, 5)

      /** A cart of 4 x 25 EUR with standard shipping (5 EUR) to Berlin, as a storefront builds it. */
      const shippedCart = async (headers: Record<string, string>) => {
        const cartId = await createCartThroughStore(api, fixtures, headers, 4)
        await api.post(
          `/store/carts/${cartId}`,
          { shipping_address: { first_name: "T", last_name: "T", address_1: "Hauptstraße 5", city: "Berlin", postal_code: "10115", country_code: "de" } },
          { headers }
        )
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shipping.shippingOptionId }, { headers })
        return (await api.get(`/store/carts/${cartId}`, { headers })).data.cart
      }
      const goldCart = await shippedCart(gold.headers)
      const basicCart = await shippedCart(basic.headers)

      expect(goldCart.item_total).toEqual(95)
      expect(goldCart.shipping_total).toEqual(0)
      expect(goldCart.total).toEqual(95)
      expect(goldCart.promotions.map((p: any) => p.code).sort()).toEqual([
        expect.stringMatching(/^CRM-TIER-DISCOUNT-/),
        expect.stringMatching(/^CRM-TIER-SHIPPING-/),
      ])
      expect(basicCart.discount_total).toEqual(0)
      expect(basicCart.total).toEqual(105)
    })

    it("with tiers earned in points, the order's points count once credited, pending included", async () => {
      await api.post("/admin/loyalty/settings", { tier_measure: "points" }, admin)
      await setThreshold("Silver", 50)
      const buyer = await member("points@crm.test")
      await checkout(buyer.headers, 2) // 50 EUR: 50 pending points

      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Silver")
      const account = await storeAccount(buyer.headers)
      expect(account.points_to_next_tier).toEqual(1450)
      expect(account.spend_to_next_tier).toBeNull()
      expect(account.tier_progress).toEqual(expect.objectContaining({ measure: "points", value: 50, currency_code: null }))
    })

    it("order.canceled delivered twice rewrites the order's facts once: its spend stops counting", async () => {
      const buyer = await member("facts@crm.test")
      const order = await checkout(buyer.headers, 4)
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await deliver(getContainer(), "order.canceled", { id: order.id }, 2)

      const facts = await getContainer().resolve(CrmModules.ORDER_FACTS).listOrderFacts({ order_id: order.id })
      expect(facts).toHaveLength(1)
      expect(facts[0]).toEqual(expect.objectContaining({ status: "canceled", customer_id: buyer.customerId }))
      expect(facts[0].canceled_at).toBeTruthy()
      const lines = await getContainer().resolve(CrmModules.ORDER_FACTS).listOrderLineFacts({ order_id: order.id })
      expect(lines).toHaveLength(1)
      expect((await storeAccount(buyer.headers)).tier_progress.value).toEqual(0)
    })

    it("points are multiplied by the tier's multiplier", async () => {
      await setThreshold("Silver", 25) // ×1.25
      const buyer = await member("multiplier@crm.test")
      await checkout(buyer.headers, 1) // 25 EUR: reaches Silver with this very order
      await checkout(buyer.headers, 4) // 100 EUR at Silver
      expect((await storeAccount(buyer.headers)).pending_points).toEqual(Math.floor(25 * 1.25) + 125)
    })

    it("a cancelled order stops counting; the member is moved down only after the grace period, once", async () => {
      const buyer = await member("cancel@crm.test")
      const order = await checkout(buyer.headers, 20) // Silver
      const handled = subscribersOf(getContainer(), "order.canceled")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await handled

      expect((await storeAccount(buyer.headers)).tier_progress.value).toEqual(0)
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Silver")

      const now = Date.now()
      const first = await reevaluateAllTiers(getContainer(), new Date(now))
      expect(first).toEqual(expect.objectContaining({ grace_started: 1, downgraded: 0 }))
      const inGrace = await storeAccount(buyer.headers)
      expect(inGrace.tier.name).toEqual("Silver")
      expect(new Date(inGrace.tier_progress.grace_ends_at).getTime()).toBeGreaterThan(now + 29 * DAY_MS)

      await reevaluateAllTiers(getContainer(), new Date(now + 29 * DAY_MS))
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Silver")

      const after = await reevaluateAllTiers(getContainer(), new Date(now + 31 * DAY_MS))
      expect(after.downgraded).toEqual(1)
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Basic")

      const again = await reevaluateAllTiers(getContainer(), new Date(now + 31 * DAY_MS))
      expect(again).toEqual(NOTHING_CHANGED)
    })

    it("GET /store/loyalty/tiers lists the ladder and its benefits without a login", async () => {
      const { data } = await api.get("/store/loyalty/tiers", {
        headers: { "x-publishable-api-key": fixtures.publishableKey },
      })
      expect(data.tiers.map((t: any) => [t.name, t.rank, t.threshold])).toEqual([
        ["Basic", 0, 0],
        ["Silver", 1, 500],
        ["Gold", 2, 1500],
        ["Diamond", 3, 5000],
      ])
      expect(data.tiers[2].benefits).toEqual({
        multiplier: 1.5,
        discount_percent: 5,
        free_shipping: true,
        birthday_bonus_points: 250,
        support_priority: "high",
      })
    })
  },
})
