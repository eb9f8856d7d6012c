import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import releaseExpiredHoldsJob from "../../../../src/jobs/release-expired-holds"
import { createAdminUser, Headers, registerCustomer } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import {
  completeCartThroughStore,
  createCartThroughStore,
  createStoreFixtures,
  StoreFixtures,
} from "../../../helpers/store"

jest.setTimeout(240 * 1000)

const waitFor = (container: MedusaContainer, event: string) =>
  subscribersOf(container, event)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Headers
    let ada: Awaited<ReturnType<typeof registerCustomer>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
      ada = await registerCustomer(api, fixtures.publishableKey, "ada-redeem@crm.test")
      await api.post(`/admin/customers/${ada.customerId}/loyalty/adjustments`, { points: 2000, reason: "Starting balance" }, admin)
    })

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(CrmModules.LOYALTY)
    const accountOf = async (headers: Record<string, string>) =>
      (await api.get("/store/loyalty/account", { headers })).data.loyalty_account
    const apply = (cartId: string, points: unknown, headers = ada.headers) =>
      api.post(`/store/carts/${cartId}/loyalty-points`, { points }, { headers })

    it("pays part of a checkout with points: discount in the cart totals, points held, then spent", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4) // 100 EUR

      const { data } = await apply(cartId, 1000) // 1000 x 0.01 = 10 EUR

      expect(data.cart).toEqual(
        expect.objectContaining({ discount_total: 10, total: 90, item_subtotal: 100 })
      )
      expect(data.cart.loyalty_points).toEqual(expect.objectContaining({ points: 1000, amount: 10 }))
      expect(data.cart.promotions[0].code).toMatch(/^PTS-[0-9A-F]{32}$/)
      expect(await accountOf(ada.headers)).toEqual(
        expect.objectContaining({ points_balance: 2000, held_points: 1000, available_points: 1000 })
      )

      const placed = waitFor(getContainer(), "order.placed")
      const order = await completeCartThroughStore(api, ada.headers, cartId)
      await placed

      expect(order.total).toEqual(90)
      // At-least-once delivery: the same order.placed twice more spends nothing more.
      await deliver(getContainer(), "order.placed", { id: order.id }, 2)
      expect(await accountOf(ada.headers)).toEqual(
        expect.objectContaining({ points_balance: 1000, held_points: 0, available_points: 1000, pending_points: 90 })
      )
      const redeemed = await loyalty().listLoyaltyRedemptions({ cart_id: cartId } as any)
      expect(redeemed.map((r: any) => [r.status, r.order_id])).toEqual([["redeemed", order.id]])
      // Usable once, by Medusa's own promotion limit: the order used it up.
      const [promotion] = await getContainer()
        .resolve(Modules.PROMOTION)
        .listPromotions({ code: data.cart.promotions[0].code })
      expect(promotion).toEqual(expect.objectContaining({ limit: 1, used: 1 }))
    })

    it("removing the points takes the discount off and releases them", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4)
      await apply(cartId, 500)

      const { data } = await api.delete(`/store/carts/${cartId}/loyalty-points`, { headers: ada.headers })

      expect(data.cart).toEqual(expect.objectContaining({ discount_total: 0, total: 100, loyalty_points: null }))
      expect(await accountOf(ada.headers)).toEqual(expect.objectContaining({ held_points: 0, available_points: 2000 }))
    })

    it("a cancelled order gives back the points spent on it", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4)
      await apply(cartId, 1000)
      const placed = waitFor(getContainer(), "order.placed")
      const order = await completeCartThroughStore(api, ada.headers, cartId)
      await placed

      const canceled = waitFor(getContainer(), "order.canceled")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await canceled
      await deliver(getContainer(), "order.canceled", { id: order.id }, 2)

      expect(await accountOf(ada.headers)).toEqual(
        expect.objectContaining({ points_balance: 2000, pending_points: 0, held_points: 0 })
      )
    })

    it.each([
      [50, 400, "At least 100 points must be redeemed at once"],
      [6000, 400, "At most 5000 points can be used on this cart (50% of its items)"],
      [1.5, 400, "points"],
      ["100", 400, "points"],
    ])("refuses %j points with %i and a clear message, writing nothing", async (points, status, message) => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4)

      const response = await failedRequest(apply(cartId, points))

      expect(response.status).toEqual(status)
      expect(response.data.message).toContain(message)
      expect(await loyalty().listLoyaltyRedemptions({ cart_id: cartId } as any)).toEqual([])
      expect((await accountOf(ada.headers)).held_points).toEqual(0)
    })

    it("answers 409 when the available points do not cover it, leaving no promotion behind", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 8) // 200 EUR, cap 10000 points

      const response = await failedRequest(apply(cartId, 3000))

      expect(response.status).toEqual(409)
      expect(response.data.message).toEqual("Not enough points: 3000 needed, 2000 available")
      expect(await loyalty().listLoyaltyRedemptions({ cart_id: cartId } as any)).toEqual([])
      // Only the tiers' own (automatic) promotions exist: no redemption code was left behind.
      const promotions = await getContainer().resolve(Modules.PROMOTION).listPromotions({ is_automatic: false })
      expect(promotions).toEqual([])
    })

    it("answers 404 for another customer's cart and 401 without a customer", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4)
      const bob = await registerCustomer(api, fixtures.publishableKey, "bob-redeem@crm.test")

      expect((await failedRequest(apply(cartId, 100, bob.headers))).status).toEqual(404)
      expect(
        (await failedRequest(api.delete(`/store/carts/${cartId}/loyalty-points`, { headers: bob.headers }))).status
      ).toEqual(404)
      expect(
        (await failedRequest(apply(cartId, 100, { "x-publishable-api-key": fixtures.publishableKey }))).status
      ).toEqual(401)
    })

    it("releases a hold whose time has run out", async () => {
      const cartId = await createCartThroughStore(api, fixtures, ada.headers, 4)
      await apply(cartId, 400)
      const [redemption] = await loyalty().listLoyaltyRedemptions({ cart_id: cartId } as any)
      await loyalty().updateLoyaltyRedemptions({ id: (redemption as any).id, expires_at: new Date(Date.now() - 1000) } as any)

      await releaseExpiredHoldsJob(getContainer())

      expect(await accountOf(ada.headers)).toEqual(expect.objectContaining({ held_points: 0, available_points: 2000 }))
      const cart = (await api.get(`/store/carts/${cartId}`, { headers: ada.headers })).data.cart
      expect(cart.promotions).toEqual([])
    })

    it("with 100 points, exactly 10 of 50 parallel redemptions of 10 on 50 carts succeed", async () => {
      await api.post("/admin/loyalty/settings", { min_redeem_points: 10 }, admin)
      const carol = await registerCustomer(api, fixtures.publishableKey, "carol-redeem@crm.test")
      await api.post(`/admin/customers/${carol.customerId}/loyalty/adjustments`, { points: 100, reason: "Race" }, admin)
      const carts = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const { result } = await createCartWorkflow(getContainer()).run({
            input: {
              region_id: fixtures.regionId,
              sales_channel_id: fixtures.salesChannelId,
              customer_id: carol.customerId,
              currency_code: "eur",
              items: [{ variant_id: fixtures.variantId, quantity: 1 }],
            },
          })
          return result.id
        })
      )

      const results = await Promise.allSettled(carts.map((cartId) => apply(cartId, 10, carol.headers)))

      const statuses = results.map((r) => (r.status === "fulfilled" ? 200 : (r.reason as any).response.status))
      expect(statuses.filter((s) => s === 200)).toHaveLength(10)
      expect(statuses.filter((s) => s === 409)).toHaveLength(40)
      expect(await accountOf(carol.headers)).toEqual(
        expect.objectContaining({ points_balance: 100, held_points: 100, available_points: 0 })
      )
    })
  },
})
