import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { ReviewEvents } from "../../../../src/types/reviews"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { permissiveModeration, reviewsOf, writeReview } from "../../../helpers/reviews"
import { createStoreFixtures, StoreFixtures } from "../../../helpers/store"
import { loyaltyOf } from "../../../helpers/tiers"
import { clearRecordedNotifications, recordedNotifications } from "../../../providers/notification-recorder/service"

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
      await api.post("/admin/reviews/settings", { auto_approve: "none" }, admin)
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const reviewsUrl = () => `/store/products/${fixtures.productId}/reviews`
    const review = (email: string, rating: number, extra: object = {}) =>
      writeReview(api, getContainer(), fixtures, email, rating, extra)
    const summary = async () =>
      (await api.get(reviewsUrl(), { headers: { "x-publishable-api-key": fixtures.publishableKey } })).data.summary
    const statusOf = async (id: string) => (await reviewsOf(getContainer()).retrieveReview(id)).status
    /** Collects the plugin's events of `name` for the rest of the test. */
    const listen = (name: string) => {
      const seen: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe(name, async (event: any) => void seen.push(event.data), { subscriberId: `test-${name}-${Math.random()}` } as any)
      return seen
    }

    it("the queue filters by status, rating, product, verified and text", async () => {
      const a = await review("qa@crm.test", 5, { title: "Lovely linen" })
      const b = await review("qb@crm.test", 1, { content: "Shrank to a napkin after one wash." })
      await api.post(`/admin/reviews/${a.review.id}/approve`, {}, admin)
      const ids = async (query: string) => (await api.get(`/admin/reviews${query}`, admin)).data.reviews.map((r: any) => r.id)

      expect(await ids("?status=pending")).toEqual([b.review.id])
      expect(await ids("?status=approved")).toEqual([a.review.id])
      expect(await ids("?rating=1")).toEqual([b.review.id])
      expect(await ids("?verified=false&order=created_at")).toEqual([a.review.id, b.review.id])
      expect(await ids("?verified=true")).toEqual([])
      expect(await ids("?q=napkin")).toEqual([b.review.id])
      expect(await ids("?q=LINEN")).toEqual([a.review.id])
      expect(await ids("?q=100%25")).toEqual([])
      const byProduct = (await api.get(`/admin/reviews?product_id=${fixtures.productId}`, admin)).data
      expect(byProduct).toEqual(expect.objectContaining({ count: 2, limit: 20, offset: 0, summary: expect.objectContaining({ review_count: 1 }) }))
      expect(byProduct.reviews[0]).toEqual(
        expect.objectContaining({
          product: expect.objectContaining({ id: fixtures.productId, title: "Linen shirt" }),
          customer: expect.objectContaining({ email: "qb@crm.test" }),
          auto_moderation: expect.arrayContaining([expect.objectContaining({ rule: "links", verdict: "pass" })]),
        })
      )
      for (const bad of ["?status=gone", "?rating=0", "?verified=yes", "?limit=101", "?order=email"]) {
        expect((await failedRequest(api.get(`/admin/reviews${bad}`, admin))).status).toBe(400)
      }
    })

    it("approve, reject with a reason and flag keep who, when, from, to and why; the summary follows", async () => {
      const { review: r } = await review("history@crm.test", 4)
      await api.post(`/admin/reviews/${r.id}/approve`, {}, admin)
      expect(await summary()).toEqual(expect.objectContaining({ review_count: 1, average_rating: 4 }))
      const rejected = (await api.post(`/admin/reviews/${r.id}/reject`, { reason: "Mentions a competitor" }, admin)).data.review
      expect(rejected).toEqual(expect.objectContaining({ status: "rejected", status_reason: "Mentions a competitor" }))
      expect(await summary()).toEqual(expect.objectContaining({ review_count: 0 }))
      const flagged = (await api.post(`/admin/reviews/${r.id}/flag`, { reason: "Ask legal" }, admin)).data.review
      expect(flagged.moderation.map((m: any) => [m.event, m.from_status, m.to_status, m.reason, m.actor_type, m.actor_id])).toEqual([
        ["submitted", null, "pending", "Every review waits for a moderator", "customer", expect.stringMatching(/^cus_/)],
        ["approved", "pending", "approved", null, "user", admin.userId],
        ["rejected", "approved", "rejected", "Mentions a competitor", "user", admin.userId],
        ["flagged", "rejected", "flagged", "Ask legal", "user", admin.userId],
      ])
      expect(flagged.moderation.every((m: any) => !isNaN(Date.parse(m.created_at)))).toBe(true)
      const again = (await api.post(`/admin/reviews/${r.id}/flag`, {}, admin)).data.review
      expect(again.moderation).toHaveLength(4)
    })

    it("a batch approves, rejects and flags at once; an unknown id fails it all and changes nothing", async () => {
      const ids: string[] = []
      for (const n of [1, 2, 3, 4]) {
        ids.push((await review(`batch${n}@crm.test`, n + 1)).review.id)
      }
      const [a, b, c, d] = ids
      const { data } = await api.post("/admin/reviews/batch", { approve: [a, b], reject: [c], flag: [d], reason: "Weekly pass" }, admin)
      expect(data).toEqual({ approved: [a, b], rejected: [c], flagged: [d] })
      expect(await Promise.all([a, b, c, d].map(statusOf))).toEqual(["approved", "approved", "rejected", "flagged"])
      expect(await summary()).toEqual({ average_rating: 2.5, review_count: 2, distribution: { "1": 0, "2": 1, "3": 1, "4": 0, "5": 0 } })

      const unknown = await failedRequest(api.post("/admin/reviews/batch", { reject: [a, "rev_missing"] }, admin))
      expect(unknown).toEqual({ status: 404, data: expect.objectContaining({ message: "Review with id: rev_missing was not found" }) })
      expect(await statusOf(a)).toBe("approved")

      for (const body of [{}, { approve: [] }, { approve: [a], reject: [a] }, { approve: "a" }, { approve: [a], ids: [b] }]) {
        expect((await failedRequest(api.post("/admin/reviews/batch", body, admin))).status).toBe(400)
      }
      expect(await Promise.all([a, b, c, d].map(statusOf))).toEqual(["approved", "approved", "rejected", "flagged"])
    })

    it("a public reply shows on the storefront, can be replaced and removed, and is kept in the history", async () => {
      const { review: r } = await review("reply@crm.test", 2)
      await api.post(`/admin/reviews/${r.id}/approve`, {}, admin)
      await api.post(`/admin/reviews/${r.id}/response`, { content: "Sorry! A replacement is on its way." }, admin)
      const replied = (await api.post(`/admin/reviews/${r.id}/response`, { content: "<b>Sorry</b>, replaced." }, admin)).data.review
      expect(replied).toEqual(expect.objectContaining({ response: "<b>Sorry</b>, replaced.", responded_by: admin.userId }))
      const listed = (await api.get(reviewsUrl(), { headers: { "x-publishable-api-key": fixtures.publishableKey } })).data.reviews[0]
      expect(listed).toEqual(expect.objectContaining({ response: "<b>Sorry</b>, replaced.", responded_at: expect.any(String) }))
      expect((await failedRequest(api.post(`/admin/reviews/${r.id}/response`, { content: "   " }, admin))).status).toBe(400)
      const removed = (await api.delete(`/admin/reviews/${r.id}/response`, admin)).data.review
      expect(removed).toEqual(expect.objectContaining({ response: null, responded_at: null }))
      expect(removed.moderation.map((m: any) => m.event)).toEqual(["submitted", "approved", "responded", "responded", "response_removed"])
    })

    it("a reply e-mails the author once per review, with the texts escaped, however often the event arrives", async () => {
      clearRecordedNotifications()
      const { review: r, customerId } = await review("replied@crm.test", 2, { title: "<b>Bad</b> seam" })
      await api.post(`/admin/reviews/${r.id}/approve`, {}, admin)
      const sent = subscribersOf(getContainer(), ReviewEvents.RESPONDED)
      await api.post(`/admin/reviews/${r.id}/response`, { content: "Sorry! <script>x</script> A new one is on its way." }, admin)
      await sent
      await deliver(getContainer(), ReviewEvents.RESPONDED, { id: r.id, product_id: fixtures.productId, customer_id: customerId }, 2)
      const replaced = subscribersOf(getContainer(), ReviewEvents.RESPONDED)
      await api.post(`/admin/reviews/${r.id}/response`, { content: "Edited reply" }, admin)
      await replaced

      const mails = recordedNotifications().filter((n) => n.template === "review-replied")
      expect(mails).toHaveLength(1)
      expect(mails[0].to).toBe("replied@crm.test")
      const html = (mails[0].content as any).html as string
      expect(html).toContain("Sorry! &lt;script&gt;x&lt;/script&gt; A new one is on its way.")
      expect(html).toContain("&lt;b&gt;Bad&lt;/b&gt; seam")
      expect(html).not.toContain("<script>")
      expect((mails[0].content as any).subject).toBe("CRM Demo Store replied to your review of Linen shirt")

      await api.post("/admin/reviews/settings", { reply_email: false }, admin)
      const { review: quiet } = await review("quiet@crm.test", 4)
      const silent = subscribersOf(getContainer(), ReviewEvents.RESPONDED)
      await api.post(`/admin/reviews/${quiet.id}/response`, { content: "Thanks!" }, admin)
      await silent
      expect(recordedNotifications().filter((n) => n.template === "review-replied")).toHaveLength(1)
    })

    it("every admin route is 401 without a user and 404 for an unknown review", async () => {
      const { review: r } = await review("auth@crm.test", 3)
      const anonymous = { headers: {} }
      const requests = [
        () => api.get("/admin/reviews", anonymous),
        () => api.get(`/admin/reviews/${r.id}`, anonymous),
        () => api.post(`/admin/reviews/${r.id}/approve`, {}, anonymous),
        () => api.post(`/admin/reviews/${r.id}/reject`, {}, anonymous),
        () => api.post(`/admin/reviews/${r.id}/flag`, {}, anonymous),
        () => api.post("/admin/reviews/batch", { approve: [r.id] }, anonymous),
        () => api.post(`/admin/reviews/${r.id}/response`, { content: "hi" }, anonymous),
        () => api.delete(`/admin/reviews/${r.id}/response`, anonymous),
        () => api.get("/admin/reviews/settings", anonymous),
        () => api.post("/admin/reviews/settings", { auto_approve: "all" }, anonymous),
      ]
      for (const request of requests) {
        expect((await failedRequest(request())).status).toBe(401)
      }
      expect(await statusOf(r.id)).toBe("pending")
      for (const path of ["", "/approve", "/reject", "/flag", "/response"]) {
        const body = path === "/response" ? { content: "x" } : {}
        const call = path === "" ? api.get(`/admin/reviews/rev_missing`, admin) : api.post(`/admin/reviews/rev_missing${path}`, body, admin)
        expect((await failedRequest(call)).status).toBe(404)
      }
      expect((await failedRequest(api.delete("/admin/reviews/rev_missing/response", admin))).status).toBe(404)
      expect((await failedRequest(api.post(`/admin/reviews/${r.id}/reject`, { reason: "x".repeat(1001) }, admin))).status).toBe(400)
    })

    it("settings: read, change, and a bad change is a 400 that changes nothing", async () => {
      const { data } = await api.post("/admin/reviews/settings", { blocked_words: ["Scam", "rip off"], complaint_max_rating: null }, admin)
      expect(data.settings).toEqual(expect.objectContaining({ blocked_words: ["Scam", "rip off"], complaint_max_rating: null, auto_approve: "none" }))
      for (const bad of [{ auto_approve: "some" }, { links_action: "block" }, { blocked_words: [""] }, { repeated_characters_run: 1 }, { complaint_max_rating: 6 }, { rate_limit_count: -1 }, { colour: "red" }]) {
        expect((await failedRequest(api.post("/admin/reviews/settings", bad, admin))).status).toBe(400)
      }
      expect((await api.get("/admin/reviews/settings", admin)).data.settings).toEqual(data.settings)
      const customer = await member("blocked@crm.test")
      const blocked = (await api.post(reviewsUrl(), { rating: 1, content: "A total RIP-OFF, avoid" }, { headers: customer.headers })).data.review
      expect(blocked).toEqual(expect.objectContaining({ status: "rejected", status_reason: "Blocked words: rip off" }))
    })

    it("emits crm.review.created and crm.review.approved; an approval earns points once per product, however often it is delivered", async () => {
      await loyaltyOf(getContainer()).changeSettings({ review_bonus_points: 50 })
      const created = listen(ReviewEvents.CREATED)
      const approved = listen(ReviewEvents.APPROVED)
      const { review: r, customerId } = await review("points@crm.test", 5)
      await api.post(`/admin/reviews/${r.id}/approve`, {}, admin)
      expect(created).toEqual([{ id: r.id, product_id: fixtures.productId, customer_id: customerId, rating: 5, status: "pending" }])
      expect(approved).toEqual([expect.objectContaining({ id: r.id, status: "approved" })])

      await deliver(getContainer(), ReviewEvents.APPROVED, approved[0], 2)
      await api.post(`/admin/reviews/${r.id}/reject`, {}, admin)
      await api.post(`/admin/reviews/${r.id}/approve`, {}, admin)
      await deliver(getContainer(), ReviewEvents.APPROVED, approved[0], 1)
      const entries = await loyaltyOf(getContainer()).listLoyaltyEntries({ idempotency_key: `bonus:review:${customerId}:${fixtures.productId}` })
      expect(entries).toHaveLength(1)
      expect(entries[0]).toEqual(expect.objectContaining({ points: 50, reason: "review_approved" }))
    })

    it("a rating at or below the complaint threshold emits crm.review.low_rating with what a ticket needs; higher ones and rejected spam do not", async () => {
      await api.post("/admin/reviews/settings", { complaint_max_rating: 2, blocked_words: ["spam"] }, admin)
      const low = listen(ReviewEvents.LOW_RATING)
      const unhappy = await review("unhappy@crm.test", 2, { title: "Torn seam" })
      await review("fine@crm.test", 3)
      await review("spammer@crm.test", 1, { content: "spam spam spam, buy mine" })
      expect(low).toEqual([
        {
          id: unhappy.review.id,
          product_id: fixtures.productId,
          customer_id: unhappy.customerId,
          rating: 2,
          status: "pending",
          order_id: null,
          title: "Torn seam",
          content: "Review by unhappy@crm.test, rated 2.",
        },
      ])
      // An edit down to the threshold is a complaint once; further edits below it are not new ones.
      const fine = await review("later@crm.test", 4)
      const url = `/store/customers/me/reviews/${fine.review.id}`
      await api.post(url, { rating: 1 }, { headers: fine.headers })
      await api.post(url, { rating: 2 }, { headers: fine.headers })
      expect(low.map((event) => event.id)).toEqual([unhappy.review.id, fine.review.id])
    })
  },
})
