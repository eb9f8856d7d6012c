import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, registerMember } from "../../helpers/auth"
import { subscribersOf } from "../../helpers/events"
import { failedRequest, useReadableHttpErrors } from "../../helpers/http"
import { segmentRowCounts } from "../../helpers/segments"
import { completeCartThroughStore, createCartThroughStore, createStoreFixtures, placeOrderAndWait, type StoreFixtures } from "../../helpers/store"

jest.setTimeout(240 * 1000)

const buyers = { all: [{ field: "order_count", op: "gte", value: 1 }] }
const tenPercentOff = { type: "percentage", value: 10, target_type: "order" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>
    let member: Awaited<ReturnType<typeof registerMember>>
    let stranger: Awaited<ReturnType<typeof registerMember>>
    let memberOrderId: string

    beforeAll(() => useReadableHttpErrors(api))

    /** Two customers with accounts; only `member` has placed an order (25 EUR). */
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
      member = await registerMember(api, getContainer(), fixtures.publishableKey, "member@crm.test")
      stranger = await registerMember(api, getContainer(), fixtures.publishableKey, "stranger@crm.test")
      memberOrderId = (await placeOrderAndWait(api, getContainer(), fixtures, member.headers)).id
    })

    const createSegment = async (rules: unknown = buyers) => {
      const { segment } = (await api.post("/admin/segments", { name: "Buyers", rules, refresh: "manual" }, admin)).data
      expect(segment.member_count).toBe(1)
      return segment
    }
    /** A new cart of 4 x 25 EUR, read back as the storefront sees it. */
    const cartOf = async (headers: Record<string, string>) => {
      const cartId = await createCartThroughStore(api, fixtures, headers, 4)
      return (await api.get(`/store/carts/${cartId}`, { headers })).data.cart
    }
    const applyCode = async (headers: Record<string, string>, cartId: string, code: string) =>
      (await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, { headers })).data.cart
    const codesOf = (cart: any) => (cart.promotions ?? []).map((p: any) => p.code).sort()
    /** The member stops matching "order_count >= 1": their only order is canceled in the admin. */
    const cancelMemberOrder = async () => {
      const handled = subscribersOf(getContainer(), "order.canceled")
      await api.post(`/admin/orders/${memberOrderId}/cancel`, {}, admin)
      await handled
    }

    it("a code promotion targets the segment's group: the member's cart is discounted, a stranger's is not; after leaving, no longer", async () => {
      const segment = await createSegment()
      const response = await api.post(`/admin/segments/${segment.id}/promotions`, { code: "BUYERS10", application_method: tenPercentOff }, admin)
      expect(response.status).toBe(201)
      const { promotion } = response.data
      expect(promotion).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          code: "BUYERS10",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: expect.objectContaining({ type: "percentage", target_type: "order", allocation: "across", value: 10 }),
        })
      )
      expect(promotion.rules).toEqual([
        expect.objectContaining({ attribute: "customer.groups.id", operator: "in", values: [expect.objectContaining({ value: segment.customer_group_id })] }),
      ])
      // Linked to the segment: its page lists it.
      expect((await api.get(`/admin/segments/${segment.id}`, admin)).data.segment.promotions).toEqual([
        { id: promotion.id, code: "BUYERS10", status: "active", is_automatic: false },
      ])

      const memberCart = await cartOf(member.headers)
      expect(memberCart.discount_total).toBe(0) // a code waits to be entered
      const discounted = await applyCode(member.headers, memberCart.id, "BUYERS10")
      expect(codesOf(discounted)).toEqual(["BUYERS10"])
      expect(discounted.item_total).toBe(90)
      expect(discounted.discount_total).toBe(10)
      expect(discounted.total).toBe(90)

      const strangerCart = await cartOf(stranger.headers)
      const notDiscounted = await applyCode(stranger.headers, strangerCart.id, "BUYERS10")
      expect(codesOf(notDiscounted)).toEqual([])
      expect(notDiscounted.discount_total).toBe(0)
      expect(notDiscounted.total).toBe(100)

      await cancelMemberOrder()
      const { left, segment: refreshed } = (await api.post(`/admin/segments/${segment.id}/refresh`, {}, admin)).data
      expect([left, refreshed.member_count]).toEqual([1, 0])

      const afterLeaving = await applyCode(member.headers, (await cartOf(member.headers)).id, "BUYERS10")
      expect(codesOf(afterLeaving)).toEqual([])
      expect(afterLeaving.discount_total).toBe(0)
      expect(afterLeaving.total).toBe(100)
    })

    it("an automatic promotion reaches the member's cart by itself, not a stranger's; after the rules change the member out, no longer", async () => {
      const segment = await createSegment()
      const { promotion } = (
        await api.post(
          `/admin/segments/${segment.id}/promotions`,
          { code: "BUYERS-AUTO", is_automatic: true, application_method: { type: "fixed", value: 5, currency_code: "EUR", target_type: "order" } },
          admin
        )
      ).data
      expect(promotion).toEqual(
        expect.objectContaining({
          is_automatic: true,
          application_method: expect.objectContaining({ type: "fixed", value: 5, currency_code: "eur" }),
        })
      )

      const memberCart = await cartOf(member.headers)
      expect(codesOf(memberCart)).toEqual(["BUYERS-AUTO"])
      expect(memberCart.discount_total).toBe(5)
      expect(memberCart.total).toBe(95)

      const strangerCart = await cartOf(stranger.headers)
      expect(codesOf(strangerCart)).toEqual([])
      expect(strangerCart.total).toBe(100)

      // Two orders needed now: the update refreshes the segment and the member leaves its group.
      const { segment: updated } = (await api.post(`/admin/segments/${segment.id}`, { rules: { all: [{ field: "order_count", op: "gte", value: 2 }] } }, admin)).data
      expect(updated.member_count).toBe(0)
      const afterLeaving = await cartOf(member.headers)
      expect(codesOf(afterLeaving)).toEqual([])
      expect(afterLeaving.total).toBe(100)
    })

    it("limit_per_customer: the member gets the discount on one order, not on the next", async () => {
      const segment = await createSegment()
      const { promotion } = (
        await api.post(`/admin/segments/${segment.id}/promotions`, { code: "ONCE10", limit_per_customer: 1, application_method: tenPercentOff }, admin)
      ).data
      expect(promotion.campaign).toEqual(
        expect.objectContaining({ budget: expect.objectContaining({ type: "use_by_attribute", attribute: "customer_id", limit: 1 }) })
      )

      const first = await applyCode(member.headers, (await cartOf(member.headers)).id, "ONCE10")
      expect(first.discount_total).toBe(10)
      const placed = subscribersOf(getContainer(), "order.placed")
      const order = await completeCartThroughStore(api, member.headers, first.id)
      await placed
      expect(order.total).toBe(90)

      const second = await cartOf(member.headers)
      // The budget is used up for this customer: Medusa keeps the cart and drops the code.
      const secondCart = await applyCode(member.headers, second.id, "ONCE10")
      expect(codesOf(secondCart)).toEqual([])
      expect(secondCart.discount_total).toBe(0)
      expect(secondCart.total).toBe(100)
    })

    it("answers 401 anonymous, 404 for an unknown segment and 400 for bad bodies, writing no promotion", async () => {
      const segment = await createSegment()
      const before = await segmentRowCounts(getContainer())
      const campaigns = async () =>
        Number((await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`SELECT COUNT(*) AS n FROM promotion_campaign`)).rows[0].n)
      const campaignsBefore = await campaigns()
      const good = { code: "GOOD10", limit_per_customer: 1, application_method: tenPercentOff }

      expect((await failedRequest(api.post(`/admin/segments/${segment.id}/promotions`, good))).status).toBe(401)
      const missing = await failedRequest(api.post("/admin/segments/seg_missing/promotions", good, admin))
      expect(missing.status).toBe(404)
      expect(missing.data.message).toMatch(/seg_missing/)

      for (const [body, message] of [
        [{ ...good, application_method: { type: "percentage", value: 150 } }, /percentage is at most 100/],
        [{ ...good, application_method: { type: "fixed", value: 5 } }, /fixed amount needs a currency_code/],
        [{ ...good, code: "TEN OFF!" }, /promotion code is 1-100 letters, digits, - or _/],
        [{ ...good, application_method: { type: "percentage", value: 0 } }, /application_method.value must be more than 0/],
        [{ ...good, limit_per_customer: 0 }, /limit_per_customer is a whole number from 1 to 1000/],
        [{ ...good, starts_at: "2026-02-01T00:00:00Z", ends_at: "2026-01-01T00:00:00Z" }, /ends_at must be after starts_at/],
        [{ ...good, rules: [] }, /rules/],
      ] as const) {
        const failed = await failedRequest(api.post(`/admin/segments/${segment.id}/promotions`, body, admin))
        expect({ body, status: failed.status }).toEqual({ body, status: 400 })
        expect(failed.data.message).toMatch(message)
      }

      expect(await segmentRowCounts(getContainer())).toEqual(before)
      expect(await campaigns()).toBe(campaignsBefore)
      expect((await api.get(`/admin/segments/${segment.id}`, admin)).data.segment.promotions).toEqual([])
    })
  },
})

