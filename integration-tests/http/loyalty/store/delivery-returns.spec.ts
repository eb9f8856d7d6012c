import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createReturnShippingMethodWorkflow,
  receiveItemReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { registerCustomer } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createShippingFixtures, ShippingFixtures } from "../../../helpers/shipping"
import { checkoutWithShipping, fulfilOrder } from "../../../helpers/fulfilment"
import { createStoreFixtures, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let shipping: ShippingFixtures
    let customer: Awaited<ReturnType<typeof registerCustomer>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      shipping = await createShippingFixtures(getContainer(), fixtures, 5)
      customer = await registerCustomer(api, fixtures.publishableKey, "deliver@crm.test")
    })

    const account = async () => (await api.get("/store/loyalty/account", { headers: customer.headers })).data.loyalty_account

    const checkout = (quantity: number) =>
      checkoutWithShipping(api, getContainer(), fixtures, shipping, customer.headers, quantity)
    const fulfilAndDeliver = (orderId: string, quantity?: number) => fulfilOrder(getContainer(), shipping, orderId, { quantity })

    const returnOf = async (orderId: string, quantity: number) => {
      const orderModule = getContainer().resolve(Modules.ORDER)
      const order = await orderModule.retrieveOrder(orderId, { relations: ["items"] })
      const [created] = await orderModule.createReturns([
        { order_id: orderId, items: [{ item_id: order.items![0].id, quantity }] } as any,
      ])
      return created
    }

    it("an order the admin fulfils and marks delivered makes its pending points available, once; shipping earns none", async () => {
      const order = await checkout(2) // 2 x 25 EUR + 5 EUR shipping
      expect(order.total).toEqual(55)
      expect(await account()).toEqual(expect.objectContaining({ pending_points: 50, points_balance: 0 }))

      const fulfillmentId = await fulfilAndDeliver(order.id)

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 50, available_points: 50 }))
      const loyalty: LoyaltyModuleService = getContainer().resolve(CrmModules.LOYALTY)
      expect(await loyalty.listLoyaltyEntries({ source_id: order.id, type: "activate" })).toHaveLength(1)

      // The same delivery again, twice at once: nothing changes.
      await deliver(getContainer(), "delivery.created", { id: fulfillmentId }, 2)
      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 50, available_points: 50 }))
      expect(await loyalty.listLoyaltyEntries({ source_id: order.id, type: "activate" })).toHaveLength(1)
    })

    it("a first parcel of two vests nothing; the delivery that completes the order vests its points", async () => {
      const order = await checkout(2)

      await fulfilAndDeliver(order.id, 1)
      expect(await account()).toEqual(expect.objectContaining({ pending_points: 50, points_balance: 0 }))

      await fulfilAndDeliver(order.id, 1)
      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 50 }))
    })

    it("a received return takes back its share, once per return, never more than was earned", async () => {
      const order = await checkout(4) // 100 points
      await fulfilAndDeliver(order.id)
      expect((await account()).points_balance).toEqual(100)

      const first = await returnOf(order.id, 1)
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: first.id }, 2)
      expect((await account()).points_balance).toEqual(75)

      const rest = await returnOf(order.id, 4) // more than is left to return
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: rest.id })
      expect((await account()).points_balance).toEqual(0)
      expect((await account()).lifetime_points).toEqual(0)
    })

    it("a return received through Medusa's return flow stops counting towards tiers, and takes back its points", async () => {
      const container = getContainer()
      const order = await checkout(4) // 100 EUR of items
      await fulfilAndDeliver(order.id)
      const [item] = (await container.resolve(Modules.ORDER).retrieveOrder(order.id, { relations: ["items"] })).items!

      // As the admin does it: request the return, confirm it, receive the item.
      const { result: change } = await beginReturnOrderWorkflow(container).run({
        input: { order_id: order.id, location_id: shipping.locationId },
      })
      const returnId = change.return_id!
      const items = [{ id: item.id, quantity: 1 }]
      await requestItemReturnWorkflow(container).run({ input: { return_id: returnId, items } })
      await createReturnShippingMethodWorkflow(container).run({
        input: { return_id: returnId, shipping_option_id: shipping.returnOptionId },
      })
      await confirmReturnRequestWorkflow(container).run({ input: { return_id: returnId } })
      await beginReceiveReturnWorkflow(container).run({ input: { return_id: returnId } })
      await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: returnId, items } })
      const received = subscribersOf(container, "order.return_received")
      await confirmReturnReceiveWorkflow(container).run({ input: { return_id: returnId } })
      await received

      const facts = container.resolve(CrmModules.ORDER_FACTS)
      const [fact] = await facts.listOrderFacts({ order_id: order.id })
      expect([Number(fact.spend), Number(fact.returned_spend)]).toEqual([100, 25])
      expect(fact.returned_at).toBeTruthy()
      const [line] = await facts.listOrderLineFacts({ order_id: order.id })
      expect([line.quantity, line.returned_quantity]).toEqual([4, 1])
      const account = (await api.get("/store/loyalty/account", { headers: customer.headers })).data.loyalty_account
      expect(account.tier_progress.value).toEqual(75)
      expect(account.points_balance).toEqual(75)
    })

    it("a return before the points vest takes them from the pending points", async () => {
      const order = await checkout(2) // 50 pending

      const partial = await returnOf(order.id, 1)
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: partial.id })

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 25, points_balance: 0 }))
    })
  },
})
