import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import reconcileOrderPointsJob from "../../../../src/jobs/reconcile-order-points"
import { registerCustomer } from "../../../helpers/auth"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let customer: Awaited<ReturnType<typeof registerCustomer>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 20)
      customer = await registerCustomer(api, fixtures.publishableKey, "reconcile@crm.test")
    })

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(CrmModules.LOYALTY)
    const entriesOf = async (orderId: string) =>
      (await loyalty().listLoyaltyEntries({ source_id: orderId })).map((e) => [e.type, e.pending_delta, e.idempotency_key])

    /** An order placed with no event at all, as if order.placed was lost. */
    const silentOrder = async (quantity: number) => {
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: fixtures.regionId,
          sales_channel_id: fixtures.salesChannelId,
          customer_id: customer.customerId,
          email: "reconcile@crm.test",
          currency_code: "eur",
          items: [{ variant_id: fixtures.variantId, quantity }],
        },
      })
      return order
    }

    /** The job leaves the newest minute to the events: age the orders. */
    const ageOrders = async (ids: string[]) => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("order").whereIn("id", ids).update({ updated_at: new Date(Date.now() - 5 * 60 * 1000) })
    }

    it("writes the earn a lost order.placed left missing, once over two runs", async () => {
      const order = await silentOrder(3)
      await ageOrders([order.id])

      await reconcileOrderPointsJob(getContainer())
      await reconcileOrderPointsJob(getContainer())

      expect(await entriesOf(order.id)).toEqual([["earn", 60, `earn:${order.id}`]])
    })

    it("writes the cancel marker for an order cancelled without an event, and no earn", async () => {
      const order = await silentOrder(2)
      await getContainer().resolve(Modules.ORDER).cancel(order.id)
      await ageOrders([order.id])

      await reconcileOrderPointsJob(getContainer())
      await reconcileOrderPointsJob(getContainer())

      expect(await entriesOf(order.id)).toEqual([["reverse", 0, `cancel:${order.id}`]])
    })

    it("changes nothing for an order whose events arrived", async () => {
      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers, 1)
      await ageOrders([order.id])

      await reconcileOrderPointsJob(getContainer())

      expect(await entriesOf(order.id)).toEqual([["earn", 20, `earn:${order.id}`]])
    })

    it("moves its cursor forward, so the next run reads only what changed since", async () => {
      await reconcileOrderPointsJob(getContainer())
      const first = await loyalty().readCursor("lpcur_order_points")

      await reconcileOrderPointsJob(getContainer())
      const second = await loyalty().readCursor("lpcur_order_points")

      expect(first).toBeInstanceOf(Date)
      expect(second!.getTime()).toBeGreaterThanOrEqual(first!.getTime())
    })
  },
})
