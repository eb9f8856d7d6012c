import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { permissiveModeration, reviewsOf, writeReview } from "../../../helpers/reviews"
import { createStoreFixtures, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
      await permissiveModeration(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const publicHeaders = () => ({ headers: { "x-publishable-api-key": fixtures.publishableKey } })
    const reviewsUrl = () => `/store/products/${fixtures.productId}/reviews`
    const list = async (query = "") => (await api.get(`${reviewsUrl()}${query}`, publicHeaders())).data
    const review = (email: string, rating: number, extra: object = {}) =>
      writeReview(api, getContainer(), fixtures, email, rating, extra)

    it("lists approved reviews only, newest first, with a summary that matches them", async () => {
      const five = await review("five@crm.test", 5)
      const four = await review("four@crm.test", 4)
      const held = await review("held@crm.test", 1, { content: "See https://spam.example for a better one" })
      expect(held.review.status).toBe("pending")
      const rejected = await review("rejected@crm.test", 2)
      await api.post(`/admin/reviews/${rejected.review.id}/reject`, { reason: "Off-topic" }, admin)

      const page = await list()
      expect(page.reviews.map((r: any) => r.id)).toEqual([four.review.id, five.review.id])
      expect(page).toEqual(
        expect.objectContaining({
          count: 2,
          offset: 0,
          limit: 20,
          summary: { average_rating: 4.5, review_count: 2, distribution: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 1 } },
        })
      )
      expect(Object.keys(page.reviews[0]).sort()).toEqual(
        [
          "id", "product_id", "rating", "title", "content", "quality_rating", "logistics_rating", "service_rating", "images",
          "author_name", "verified_purchase", "response", "responded_at", "helpful_count", "created_at",
        ].sort()
      )
      const fresh = await reviewsOf(getContainer()).freshSummaries([fixtures.productId])
      expect(fresh).toEqual([expect.objectContaining({ review_count: 2, rating_sum: 9, rating_4: 1, rating_5: 1 })])
    })

    it("filters by rating (count from the distribution), orders by most helpful, and pages", async () => {
      const a = await review("a@crm.test", 5)
      const b = await review("b@crm.test", 5)
      const c = await review("c@crm.test", 3)
      const voter = await member("voter@crm.test")
      const other = await member("voter2@crm.test")
      await api.post(`/store/reviews/${a.review.id}/helpful`, {}, { headers: voter.headers })
      await api.post(`/store/reviews/${a.review.id}/helpful`, {}, { headers: other.headers })
      const again = await api.post(`/store/reviews/${a.review.id}/helpful`, {}, { headers: voter.headers })
      expect(again.data).toEqual(expect.objectContaining({ counted: false, review: expect.objectContaining({ helpful_count: 2 }) }))
      await api.post(`/store/reviews/${c.review.id}/helpful`, {}, { headers: voter.headers })

      expect((await list("?order=-helpful_count")).reviews.map((r: any) => r.id)).toEqual([a.review.id, c.review.id, b.review.id])
      const fives = await list("?rating=5")
      expect(fives.count).toBe(2)
      expect(fives.reviews.map((r: any) => r.id).sort()).toEqual([a.review.id, b.review.id].sort())
      const second = await list("?limit=1&offset=1")
      expect(second).toEqual(expect.objectContaining({ count: 3, limit: 1, offset: 1 }))
      expect(second.reviews.map((r: any) => r.id)).toEqual([b.review.id])
      expect((await failedRequest(api.get(`${reviewsUrl()}?rating=7`, publicHeaders()))).status).toBe(400)
      expect((await failedRequest(api.get(`${reviewsUrl()}?order=-customer_id`, publicHeaders()))).status).toBe(400)
    })

    it("an unknown product is a 404; a product without reviews an empty list", async () => {
      expect((await failedRequest(api.get("/store/products/prod_missing/reviews", publicHeaders()))).status).toBe(404)
      expect(await list()).toEqual(
        expect.objectContaining({ reviews: [], count: 0, summary: expect.objectContaining({ review_count: 0, average_rating: 0 }) })
      )
    })

    it("a customer sees their own reviews with statuses; nobody else sees, edits or deletes them (404)", async () => {
      const author = await review("author@crm.test", 2, { content: "Visit www.cheap.example instead" })
      expect(author.review.status).toBe("pending")
      const mine = (await api.get("/store/customers/me/reviews", { headers: author.headers })).data
      expect(mine).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
      expect(mine.reviews[0]).toEqual(
        expect.objectContaining({ id: author.review.id, status: "pending", status_reason: "Contains a link", product: expect.objectContaining({ id: fixtures.productId }) })
      )

      const stranger = await member("stranger@crm.test")
      expect((await api.get("/store/customers/me/reviews", { headers: stranger.headers })).data.reviews).toEqual([])
      expect((await list()).reviews).toEqual([])
      const url = `/store/customers/me/reviews/${author.review.id}`
      expect((await api.get(url, { headers: author.headers })).data.review).toEqual(
        expect.objectContaining({ id: author.review.id, status: "pending", status_reason: "Contains a link" })
      )
      expect((await failedRequest(api.get(url, { headers: stranger.headers }))).status).toBe(404)
      expect((await failedRequest(api.post(url, { rating: 5 }, { headers: stranger.headers }))).status).toBe(404)
      expect((await failedRequest(api.delete(url, { headers: stranger.headers }))).status).toBe(404)
      expect((await failedRequest(api.post(`/store/reviews/${author.review.id}/helpful`, {}, { headers: stranger.headers }))).status).toBe(404)
      expect(await reviewsOf(getContainer()).retrieveReview(author.review.id)).toEqual(expect.objectContaining({ rating: 2, status: "pending" }))

      const anonymous = publicHeaders()
      expect((await failedRequest(api.get("/store/customers/me/reviews", anonymous))).status).toBe(401)
      expect((await failedRequest(api.post(url, { rating: 5 }, anonymous))).status).toBe(401)
      expect((await failedRequest(api.post(`/store/reviews/${author.review.id}/helpful`, {}, anonymous))).status).toBe(401)
    })

    it("the author's edit is moderated again and moves the summary; a bad edit is a 400 that changes nothing", async () => {
      const author = await review("editor@crm.test", 5, { title: "Keeps its title" })
      const url = `/store/customers/me/reviews/${author.review.id}`
      const edited = (await api.post(url, { rating: 3, content: "Faded after a few washes, sadly." }, { headers: author.headers })).data.review
      expect(edited).toEqual(expect.objectContaining({ rating: 3, status: "approved", title: "Keeps its title" }))
      expect((await list()).summary).toEqual(expect.objectContaining({ average_rating: 3, review_count: 1 }))

      const linked = (await api.post(url, { content: "Better ones at https://elsewhere.example" }, { headers: author.headers })).data.review
      expect(linked.status).toBe("pending")
      expect((await list()).summary.review_count).toBe(0)

      for (const body of [{}, { rating: 0 }, { images: ["http://x.example/a.png"] }, { customer_id: "cus_x" }]) {
        expect((await failedRequest(api.post(url, body, { headers: author.headers }))).status).toBe(400)
      }
      expect(await reviewsOf(getContainer()).retrieveReview(author.review.id)).toEqual(
        expect.objectContaining({ rating: 3, content: "Better ones at https://elsewhere.example" })
      )
      expect((await api.delete(url, { headers: author.headers })).data).toEqual({ id: author.review.id, object: "review", deleted: true })
      expect((await api.get("/store/customers/me/reviews", { headers: author.headers })).data.count).toBe(0)
    })

    it("an author cannot vote for their own review", async () => {
      const author = await review("vain@crm.test", 5)
      const answer = await failedRequest(api.post(`/store/reviews/${author.review.id}/helpful`, {}, { headers: author.headers }))
      expect(answer).toEqual({ status: 400, data: expect.objectContaining({ message: "You cannot vote for your own review" }) })
    })
  },
})
