import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { checkoutWithShipping, fulfilOrder } from "../../../helpers/fulfilment"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { reviewRowCount, reviewsOf } from "../../../helpers/reviews"
import { createShippingFixtures, ShippingFixtures } from "../../../helpers/shipping"
import { createStoreFixtures, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let shipping: ShippingFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      shipping = await createShippingFixtures(getContainer(), fixtures, 5)
      admin = await createAdminUser(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const reviewsUrl = () => `/store/products/${fixtures.productId}/reviews`
    const submit = (headers: Record<string, string>, body: object) => api.post(reviewsUrl(), body, { headers })
    /** A customer whose order of the product has been fulfilled (and delivered). */
    const buyer = async (email: string, options: { fulfil?: boolean } = {}) => {
      const customer = await member(email)
      const order = await checkoutWithShipping(api, getContainer(), fixtures, shipping, customer.headers, 1)
      if (options.fulfil !== false) {
        await fulfilOrder(getContainer(), shipping, order.id, { deliver: false })
      }
      return { ...customer, orderId: order.id }
    }
    const good = { rating: 5, title: "Great shirt", content: "Soft linen, true to size, washed well twice." }

    it("a fulfilled purchase makes a verified review, approved at once; no purchase waits unverified; an unfulfilled order is no purchase", async () => {
      const verified = await buyer("verified@crm.test")
      const { status, data } = await submit(verified.headers, good)
      expect(status).toBe(201)
      expect(data.review).toEqual(
        expect.objectContaining({
          rating: 5,
          title: "Great shirt",
          verified_purchase: true,
          order_id: verified.orderId,
          status: "approved",
          author_name: "Test V.",
        })
      )
      const stored = await reviewsOf(getContainer()).retrieveReview(data.review.id)
      expect(stored.order_line_item_id).toMatch(/^ordli_/)

      const browser = await member("browser@crm.test")
      const unverified = (await submit(browser.headers, { ...good, content: "Looks nice in the shop window." })).data.review
      expect(unverified).toEqual(expect.objectContaining({ verified_purchase: false, status: "pending", order_id: null }))
      expect(unverified.status_reason).toBe("Not a verified purchase")

      const waiting = await buyer("waiting@crm.test", { fulfil: false })
      expect((await submit(waiting.headers, good)).data.review.verified_purchase).toBe(false)
    })

    it("a store that requires verified purchases answers 403 to anyone else and writes nothing", async () => {
      await api.post("/admin/reviews/settings", { require_verified_purchase: true }, admin)
      const browser = await member("nobuy@crm.test")
      const before = await reviewRowCount(getContainer())
      const refused = await failedRequest(submit(browser.headers, good))
      expect(refused.status).toBe(403)
      expect(refused.data.message).toBe("Only customers who bought this product can review it, once their order has been fulfilled")
      expect(await reviewRowCount(getContainer())).toBe(before)

      const verified = await buyer("bought@crm.test")
      expect((await submit(verified.headers, good)).status).toBe(201)
    })

    it("one review per product, or per fulfilled order line: a second is 409", async () => {
      const browser = await member("twice@crm.test")
      await submit(browser.headers, good)
      const again = await failedRequest(submit(browser.headers, { ...good, content: "Changed my mind about it." }))
      expect(again).toEqual({ status: 409, data: expect.objectContaining({ message: "You have already reviewed this product" }) })

      const regular = await buyer("regular@crm.test")
      const second = await checkoutWithShipping(api, getContainer(), fixtures, shipping, regular.headers, 1)
      await fulfilOrder(getContainer(), shipping, second.id, { deliver: false })
      const first = (await submit(regular.headers, { ...good, order_id: regular.orderId })).data.review
      const next = (await submit(regular.headers, { rating: 4, content: "Bought another, still good." })).data.review
      expect([first.order_id, next.order_id].sort()).toEqual([regular.orderId, second.id].sort())
      expect([first.verified_purchase, next.verified_purchase]).toEqual([true, true])
      expect((await failedRequest(submit(regular.headers, { rating: 3 }))).status).toBe(409)
    })

    it("naming an order that is not the customer's is a 404; one without a fulfilled item of the product is a 400", async () => {
      const owner = await buyer("owner@crm.test")
      const other = await member("other@crm.test")
      expect((await failedRequest(submit(other.headers, { ...good, order_id: owner.orderId }))).status).toBe(404)
      const unfulfilled = await buyer("unfulfilled@crm.test", { fulfil: false })
      const answer = await failedRequest(submit(unfulfilled.headers, { ...good, order_id: unfulfilled.orderId }))
      expect(answer.status).toBe(400)
      expect(answer.data.message).toMatch(/has no fulfilled item of this product/)
    })

    it("anonymous is 401, an unknown product 404", async () => {
      const anonymous = await failedRequest(api.post(reviewsUrl(), good, { headers: { "x-publishable-api-key": fixtures.publishableKey } }))
      expect(anonymous.status).toBe(401)
      const customer = await member("unknown@crm.test")
      expect((await failedRequest(api.post("/store/products/prod_missing/reviews", good, { headers: customer.headers }))).status).toBe(404)
    })

    const badBodies: [string, object, string][] = [
      ["no rating", { title: "No rating" }, "rating"],
      ["rating 0", { rating: 0 }, "Value for field 'rating' too small, expected at least: '1'"],
      ["rating 6", { rating: 6 }, "Value for field 'rating' too big, expected at most: '5'"],
      ["rating 4.5", { rating: 4.5 }, "Expected type: 'int' for field 'rating'"],
      ["rating as a string", { rating: "5" }, "rating"],
      ["a 201-character title", { rating: 5, title: "x".repeat(201) }, "Value for field 'title' too big, expected at most: '200'"],
      ["5001 characters of text", { rating: 5, content: "x".repeat(5001) }, "Value for field 'content' too big, expected at most: '5000'"],
      ["a sub-rating of 9", { rating: 5, quality_rating: 9 }, "Value for field 'quality_rating' too big"],
      ["an http image", { rating: 5, images: ["http://img.example/a.jpg"] }, "Images must be https:// URLs"],
      ["a javascript: image", { rating: 5, images: ["javascript:alert(1)"] }, "Images must be https:// URLs"],
      ["six images", { rating: 5, images: Array.from({ length: 6 }, (_, i) => `https://img.example/${i}.jpg`) }, "Value for field 'images' too big, expected at most: '5'"],
      ["a field of the store's", { rating: 5, verified_purchase: true }, "verified_purchase"],
    ]

    it("each bad body is a 400 with a clear message, and writes nothing", async () => {
      const customer = await member("bad@crm.test")
      const before = await reviewRowCount(getContainer())
      for (const [label, body, message] of badBodies) {
        const answer = await failedRequest(submit(customer.headers, body))
        expect({ label, status: answer.status, message: answer.data.message }).toEqual({
          label,
          status: 400,
          message: expect.stringContaining(message),
        })
      }
      expect(await reviewRowCount(getContainer())).toBe(before)
    })

    it("over the rate limit is a 429 with a clear message, and writes nothing", async () => {
      await api.post("/admin/reviews/settings", { rate_limit_count: 1, rate_limit_window_minutes: 60 }, admin)
      const {
        result: [{ id: other }],
      } = await createProductsWorkflow(getContainer()).run({
        input: { products: [{ title: "Wool scarf", status: "published", options: [{ title: "Size", values: ["One"] }] }] },
      })
      const customer = await member("eager@crm.test")
      await submit(customer.headers, good)
      const before = await reviewRowCount(getContainer())
      const limited = await failedRequest(api.post(`/store/products/${other}/reviews`, good, { headers: customer.headers }))
      expect(limited).toEqual({
        status: 429,
        data: { type: "rate_limited", message: "You can post 1 reviews every 60 minutes; please try again later" },
      })
      expect(await reviewRowCount(getContainer())).toBe(before)
    })

    it("each moderation rule decides through the real route, with every rule's verdict stored", async () => {
      await api.post(
        "/admin/reviews/settings",
        { auto_approve: "all", blocked_words: ["knock-off"], rate_limit_count: 0 },
        admin
      )
      const cases: [string, object, string, string | null][] = [
        ["clean", { content: "Soft linen, true to size, washed well twice." }, "approved", null],
        ["blocked", { content: "A cheap KNOCK OFF of the real thing" }, "rejected", "blocked_words"],
        ["link", { content: "Better deals at shirts-online.com today" }, "pending", "links"],
        ["caps", { content: "WORST SHIRT I HAVE EVER OWNED" }, "pending", "all_caps"],
        ["short", { content: "Meh." }, "pending", "too_short"],
        ["repeat", { content: "Sooooooo comfortable, love it" }, "pending", "repeated_characters"],
        ["copy", { content: "Soft linen, true to size, washed well twice!" }, "pending", "duplicate_text"],
        ["rating-only", {}, "approved", null],
      ]
      for (const [name, body, status, rule] of cases) {
        const customer = await member(`rule-${name}@crm.test`)
        const review = (await submit(customer.headers, { rating: 3, ...body })).data.review
        const stored = await reviewsOf(getContainer()).retrieveReview(review.id)
        const held = (stored.auto_moderation as any[]).filter((v) => v.verdict === "pending" || v.verdict === "reject").map((v) => v.rule)
        expect({ name, status: review.status, held }).toEqual({ name, status, held: rule ? [rule] : [] })
        expect((stored.auto_moderation as any[]).map((v) => v.rule)).toHaveLength(8)
      }
    })

    it("markup and script payloads are kept as literal text and come back inert, as JSON text", async () => {
      await api.post("/admin/reviews/settings", { auto_approve: "all", links_action: "off" }, admin)
      const payloads = {
        title: `<img src=x onerror="alert('t')">`,
        content: `<script>alert(document.cookie)</script> and [click](javascript:alert(1)) <a href="javascript:alert(2)">x</a>`,
      }
      const customer = await member("xss@crm.test")
      const created = await submit(customer.headers, { rating: 4, ...payloads })
      expect(created.headers["content-type"]).toMatch(/^application\/json/)
      expect(created.data.review).toEqual(expect.objectContaining(payloads))

      const adminView = await api.get(`/admin/reviews/${created.data.review.id}`, admin)
      expect(adminView.headers["content-type"]).toMatch(/^application\/json/)
      expect(adminView.data.review).toEqual(expect.objectContaining(payloads))
      const listed = await api.get(reviewsUrl(), { headers: { "x-publishable-api-key": fixtures.publishableKey } })
      expect(listed.data.reviews[0]).toEqual(expect.objectContaining(payloads))
      // Stored exactly as written: nothing decoded or half-sanitised into something that could run later.
      expect(await reviewsOf(getContainer()).retrieveReview(created.data.review.id)).toEqual(expect.objectContaining(payloads))
    })
  },
})
