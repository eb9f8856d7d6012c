import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { activatePointsWorkflow } from "../../../../src/workflows/loyalty/workflows/activate-points"
import { earnOrderPointsWorkflow } from "../../../../src/workflows/loyalty/workflows/earn-order-points"
import { registerCustomer } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(180 * 1000)

const DAY_MS = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let customer: Awaited<ReturnType<typeof registerCustomer>>

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      customer = await registerCustomer(api, fixtures.publishableKey, "buyer@crm.test")
    })

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(CrmModules.LOYALTY)
    const account = async () => (await api.get("/store/loyalty/account", { headers: customer.headers })).data.loyalty_account
    const entriesOf = async (orderId: string) =>
      (await loyalty().listLoyaltyEntries({ source_id: orderId }, { order: { created_at: "ASC" } })).map((e) => ({
        type: e.type,
        points: e.points,
        pending_delta: e.pending_delta,
        key: e.idempotency_key,
      }))

    const checkout = (quantity: number) => placeOrderAndWait(api, getContainer(), fixtures, customer.headers, quantity)

    it("a storefront checkout earns pending points: 2 x 25 EUR at 1 point per EUR", async () => {
      const order = await checkout(2)

      expect(await account()).toEqual(
        expect.objectContaining({ pending_points: 50, points_balance: 0, lifetime_points: 50 })
      )
      expect(await entriesOf(order.id)).toEqual([
        { type: "earn", points: 0, pending_delta: 50, key: `earn:${order.id}` },
      ])
    })

    it("an order placed during a campaign earns its multiplier", async () => {
      await loyalty().createLoyaltyCampaigns({
        name: "Triple points today",
        multiplier: 3,
        starts_at: new Date(Date.now() - 60 * 60 * 1000),
        ends_at: new Date(Date.now() + 60 * 60 * 1000),
      } as any)

      await checkout(2) // 50 EUR

      expect((await account()).pending_points).toEqual(150)
    })

    it("order.placed delivered three more times, concurrently, still gives one earn entry", async () => {
      const order = await checkout(1)

      await deliver(getContainer(), "order.placed", { id: order.id }, 3)

      expect(await entriesOf(order.id)).toHaveLength(1)
      expect((await account()).pending_points).toEqual(25)
    })

    it("points vest when their pending days have passed, once", async () => {
      await checkout(4)

      const inFifteenDays = new Date(Date.now() + 15 * DAY_MS)
      await activatePointsWorkflow(getContainer()).run({ input: { due_before: inFifteenDays } })
      await activatePointsWorkflow(getContainer()).run({ input: { due_before: inFifteenDays } })

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 100 }))
    })

    it("nothing vests before its day", async () => {
      await checkout(1)

      await activatePointsWorkflow(getContainer()).run({ input: { due_before: new Date() } })

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 25, points_balance: 0 }))
    })

    it("a cancelled order takes its points back, even when the cancel is delivered twice", async () => {
      const order = await checkout(2)

      const canceled = subscribersOf(getContainer(), "order.canceled")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await canceled
      await deliver(getContainer(), "order.canceled", { id: order.id }, 2)

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 0, lifetime_points: 0 }))
      expect(await entriesOf(order.id)).toEqual([
        { type: "earn", points: 0, pending_delta: 50, key: `earn:${order.id}` },
        { type: "reverse", points: 0, pending_delta: -50, key: `cancel:${order.id}` },
      ])
    })

    it("a cancel that arrives before the earn wins: the order earns nothing", async () => {
      // createOrderWorkflow emits no order.placed: the test delivers the events itself.
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: fixtures.regionId,
          sales_channel_id: fixtures.salesChannelId,
          customer_id: customer.customerId,
          email: "buyer@crm.test",
          currency_code: "eur",
          items: [{ variant_id: fixtures.variantId, quantity: 3 }],
        },
      })

      await deliver(getContainer(), "order.canceled", { id: order.id })
      await deliver(getContainer(), "order.placed", { id: order.id }, 2)

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 0 }))
      expect(await entriesOf(order.id)).toEqual([
        { type: "reverse", points: 0, pending_delta: 0, key: `cancel:${order.id}` },
      ])
    })

    it("earns a batch of orders in one run: each its own points, cancelled and guest orders none, a rerun nothing", async () => {
      const guest = await getContainer().resolve(Modules.CUSTOMER).createCustomers({ email: "guest-batch@crm.test" })
      const createOrder = async (customerId: string, email: string, quantity: number) =>
        (
          await createOrderWorkflow(getContainer()).run({
            input: {
              region_id: fixtures.regionId,
              sales_channel_id: fixtures.salesChannelId,
              customer_id: customerId,
              email,
              currency_code: "eur",
              items: [{ variant_id: fixtures.variantId, quantity }],
            },
          })
        ).result
      const one = await createOrder(customer.customerId, "buyer@crm.test", 1)
      const three = await createOrder(customer.customerId, "buyer@crm.test", 3)
      const canceled = await createOrder(customer.customerId, "buyer@crm.test", 2)
      const guestOrder = await createOrder(guest.id, "guest-batch@crm.test", 4)
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: canceled.id } })

      const input = { order_ids: [one.id, three.id, canceled.id, guestOrder.id, "order_unknown"] }
      const { result } = await earnOrderPointsWorkflow(getContainer()).run({ input })
      const { result: again } = await earnOrderPointsWorkflow(getContainer()).run({ input })

      expect(result.posted?.entries.map((entry) => [entry.source_id, entry.pending_delta])).toEqual(
        expect.arrayContaining([
          [one.id, 25],
          [three.id, 75],
        ])
      )
      expect(result.posted?.entries).toHaveLength(2)
      expect(again.posted?.entries ?? []).toHaveLength(0)
      expect(await account()).toEqual(expect.objectContaining({ pending_points: 100, lifetime_points: 100 }))
      // The cancel leaves only its own marker (its order.canceled subscriber ran).
      expect((await entriesOf(canceled.id)).map((entry) => entry.type)).not.toContain("earn")
      expect(await entriesOf(guestOrder.id)).toEqual([])
    })

    it("balances always equal the sums of the ledger", async () => {
      await checkout(2)
      await checkout(1)
      await activatePointsWorkflow(getContainer()).run({ input: { due_before: new Date(Date.now() + 15 * DAY_MS) } })

      const mine = await account()
      const entries = await loyalty().listLoyaltyEntries({ account_id: mine.id })
      expect(entries.reduce((sum, e) => sum + e.points, 0)).toEqual(mine.points_balance)
      expect(entries.reduce((sum, e) => sum + e.pending_delta, 0)).toEqual(mine.pending_points)
    })
  },
})
