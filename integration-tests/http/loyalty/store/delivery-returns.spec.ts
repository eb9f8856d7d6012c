import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { registerCustomer } from "../../../helpers/auth"
import { deliver } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderThroughStore, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(180 * 1000)

/**
 * A fulfilment of the order, linked to it as Medusa's fulfilment workflow
 * links it (the order has no shipping setup for the full workflow).
 */
async function fulfilmentOf(container: MedusaContainer, orderId: string) {
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const fulfillment = await fulfillmentModule.createFulfillment({
    location_id: "sloc_test",
    provider_id: "manual_manual",
    delivery_address: {},
    items: [],
    labels: [],
    order: {},
  } as any)
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.ORDER]: { order_id: orderId },
    [Modules.FULFILLMENT]: { fulfillment_id: fulfillment.id },
  })
  return fulfillment
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let customer: Awaited<ReturnType<typeof registerCustomer>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      customer = await registerCustomer(api, fixtures.publishableKey, "deliver@crm.test")
    })

    const account = async () => (await api.get("/store/loyalty/account", { headers: customer.headers })).data.loyalty_account
    const checkout = async (quantity: number) => {
      const earned = TestEventUtils.waitSubscribersExecution("order.placed", getContainer().resolve(Modules.EVENT_BUS))
      const order = await placeOrderThroughStore(api, fixtures, customer.headers, quantity)
      await earned
      return order
    }
    const returnOf = async (orderId: string, quantity: number) => {
      const orderModule = getContainer().resolve(Modules.ORDER)
      const order = await orderModule.retrieveOrder(orderId, { relations: ["items"] })
      const [created] = await orderModule.createReturns([
        { order_id: orderId, items: [{ item_id: order.items![0].id, quantity }] } as any,
      ])
      return created
    }

    it("delivery.created makes the order's pending points available, once", async () => {
      const order = await checkout(2)
      const fulfillment = await fulfilmentOf(getContainer(), order.id)

      await deliver(getContainer(), "delivery.created", { id: fulfillment.id }, 2)

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 0, points_balance: 50, available_points: 50 }))
      const loyalty: LoyaltyModuleService = getContainer().resolve(CrmModules.LOYALTY)
      expect(await loyalty.listLoyaltyEntries({ source_id: order.id, type: "activate" })).toHaveLength(1)
    })

    it("a received return takes back its share, once per return, never more than was earned", async () => {
      const order = await checkout(4) // 100 points
      await deliver(getContainer(), "delivery.created", { id: (await fulfilmentOf(getContainer(), order.id)).id })

      const first = await returnOf(order.id, 1)
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: first.id }, 2)
      expect((await account()).points_balance).toEqual(75)

      const rest = await returnOf(order.id, 4) // more than is left to return
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: rest.id })
      expect((await account()).points_balance).toEqual(0)
      expect((await account()).lifetime_points).toEqual(0)
    })

    it("a return before the points vest takes them from the pending points", async () => {
      const order = await checkout(2) // 50 pending

      const partial = await returnOf(order.id, 1)
      await deliver(getContainer(), "order.return_received", { order_id: order.id, return_id: partial.id })

      expect(await account()).toEqual(expect.objectContaining({ pending_points: 25, points_balance: 0 }))
    })
  },
})
