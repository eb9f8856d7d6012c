import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ReviewEvents } from "../../../src/types/reviews"
import {
  SurveyEvents,
  TicketEvents,
  type SurveyDetractorEventData,
  type TicketDTO,
  type TicketEventData,
} from "../../../src/types/tickets"
import { createAdminUser, registerMember } from "../../helpers/auth"
import { deliver, eventListeners, subscribersOf, until } from "../../helpers/events"
import { useReadableHttpErrors } from "../../helpers/http"
import { permissiveModeration, reviewsOf, writeReview } from "../../helpers/reviews"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../helpers/store"
import { ticketRowCounts, ticketsOf } from "../../helpers/tickets"

jest.setTimeout(240 * 1000)


/** Time for a late, unwanted event to show up before a test says there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>
    const eventLog = eventListeners(() => getContainer())
    const listen = eventLog.listen

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
      await permissiveModeration(getContainer())
    })
    afterEach(() => eventLog.stopAll())

    const tickets = () => ticketsOf(getContainer())
    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const ticketsFrom = async (source: string, sourceId: string) =>
      (await tickets().listTickets({ source, source_id: sourceId } as any)) as unknown as TicketDTO[]
    const conversation = async (id: string) =>
      (await tickets().messagesOf([id], false)).map((m) => ({ author_type: m.author_type, author_id: m.author_id, body: m.body, internal: m.internal }))


    /** A review written through the store, returning once the subscribers of its events have run. */
    async function reviewAndWait(email: string, rating: number, extra: object = {}, events: string[] = [ReviewEvents.CREATED]) {
      const handled = Promise.all(events.map((name) => subscribersOf(getContainer(), name)))
      const written = await writeReview(api, getContainer(), fixtures, email, rating, extra)
      await handled
      return written
    }

    describe("reviews", () => {
      it("a review at or below complaint_max_rating opens one complaint ticket with the review's words, however often its events arrive", async () => {
        const created = listen<TicketEventData>(TicketEvents.CREATED)
        const { review, customerId } = await reviewAndWait("low@crm.test", 2, { title: "Torn seam" }, [ReviewEvents.CREATED, ReviewEvents.LOW_RATING])
        expect(review.rating).toBe(2)

        const [ticket, ...more] = await ticketsFrom("review", review.id)
        expect(more).toEqual([])
        expect(ticket).toEqual(
          expect.objectContaining({
            customer_id: customerId,
            source: "review",
            source_id: review.id,
            product_id: fixtures.productId,
            order_id: null,
            category: "product_quality",
            status: "open",
            subject: "2-star review of Linen shirt: Torn seam",
          })
        )
        expect(await conversation(ticket.id)).toEqual([
          { author_type: "customer", author_id: customerId, body: "Review by low@crm.test, rated 2.", internal: false },
        ])

        const base = { id: review.id, product_id: fixtures.productId, customer_id: customerId, rating: 2, status: "approved" }
        const before = await ticketRowCounts(getContainer())
        await deliver(getContainer(), ReviewEvents.CREATED, base, 2)
        await deliver(getContainer(), ReviewEvents.LOW_RATING, { ...base, order_id: null, title: "Torn seam", content: "Review by low@crm.test, rated 2." }, 2)
        await settle()

        expect(await ticketRowCounts(getContainer())).toEqual(before)
        expect(before.tickets).toBe(1)
        expect(before.messages).toBe(1)
        expect(created.map((event) => event.id)).toEqual([ticket.id])
      })

      it("a review edited down to a low rating opens one ticket", async () => {
        const { review, headers } = await reviewAndWait("edited@crm.test", 4)
        expect(await ticketsFrom("review", review.id)).toEqual([])

        const low = subscribersOf(getContainer(), ReviewEvents.LOW_RATING)
        await api.post(`/store/customers/me/reviews/${review.id}`, { rating: 1 }, { headers })
        await low
        const opened = await ticketsFrom("review", review.id)
        expect(opened).toHaveLength(1)
        expect(opened[0].subject).toMatch(/^1-star review of Linen shirt/)
      })

      it("a 5-star or 3-star review opens none, nor does a low review moderation rejected, even when a low_rating event arrives for it", async () => {
        await reviewsOf(getContainer()).changeReviewSettings({ blocked_words: ["knock off"] })
        const five = await reviewAndWait("five@crm.test", 5)
        const three = await reviewAndWait("three@crm.test", 3)
        const rejected = await reviewAndWait("spam@crm.test", 1, { content: "A cheap knock off, buy mine instead." })
        expect(rejected.review.status).toBe("rejected")

        const stale = {
          id: rejected.review.id,
          product_id: fixtures.productId,
          customer_id: rejected.customerId,
          rating: 1,
          status: "pending",
          order_id: null,
          title: null,
          content: "A cheap knock off, buy mine instead.",
        }
        await deliver(getContainer(), ReviewEvents.LOW_RATING, stale, 2)
        await settle()

        for (const { review } of [five, three, rejected]) {
          expect(await ticketsFrom("review", review.id)).toEqual([])
        }
        expect((await ticketRowCounts(getContainer())).tickets).toBe(0)
      })

      it("no complaints when the threshold is off", async () => {
        await reviewsOf(getContainer()).changeReviewSettings({ complaint_max_rating: null })
        const { review, customerId } = await reviewAndWait("nothreshold@crm.test", 1)
        await deliver(getContainer(), ReviewEvents.CREATED, { id: review.id, product_id: fixtures.productId, customer_id: customerId, rating: 1, status: "approved" }, 1)
        expect((await ticketRowCounts(getContainer())).tickets).toBe(0)
      })
    })

    describe("survey detractors", () => {
      const detractor = (customerId: string, extra: Partial<SurveyDetractorEventData> = {}): SurveyDetractorEventData => ({
        response_id: "srvres_01",
        survey_id: "srv_01",
        customer_id: customerId,
        score: 3,
        survey_type: "nps",
        comment: "  Slow delivery and a rude courier.  ",
        ...extra,
      })

      it("crm.survey.detractor delivered twice opens one ticket with the comment as the customer's first message", async () => {
        const { customerId } = await member("nps@crm.test")
        const created = listen<TicketEventData>(TicketEvents.CREATED)

        await deliver(getContainer(), SurveyEvents.DETRACTOR, detractor(customerId), 2)
        await settle()

        const opened = await ticketsFrom("survey", "srvres_01")
        expect(opened).toHaveLength(1)
        expect(opened[0]).toEqual(
          expect.objectContaining({
            customer_id: customerId,
            source: "survey",
            source_id: "srvres_01",
            order_id: null,
            status: "open",
            subject: "Unhappy survey answer (3/10)",
          })
        )
        expect(await conversation(opened[0].id)).toEqual([
          { author_type: "customer", author_id: customerId, body: "Slow delivery and a rude courier.", internal: false },
        ])
        expect(created.map((event) => event.id)).toEqual([opened[0].id])

        // Another response is another ticket; one without a comment says what was answered.
        await deliver(getContainer(), SurveyEvents.DETRACTOR, detractor(customerId, { response_id: "srvres_02", score: 2, survey_type: "csat", comment: null }), 1)
        const [second] = await ticketsFrom("survey", "srvres_02")
        expect(await conversation(second.id)).toEqual([
          expect.objectContaining({ author_type: "customer", body: "Answered 2/5 without a comment." }),
        ])
        expect((await ticketRowCounts(getContainer())).tickets).toBe(2)
      })

      it("an answer about one of the customer's orders is linked to that order", async () => {
        const customer = await member("ordered@crm.test")
        const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)

        await deliver(getContainer(), SurveyEvents.DETRACTOR, detractor(customer.customerId, { response_id: "srvres_order", order_id: order.id }), 2)

        const opened = await ticketsFrom("survey", "srvres_order")
        expect(opened).toHaveLength(1)
        expect(opened[0]).toEqual(expect.objectContaining({ order_id: order.id, customer_id: customer.customerId }))
        const staffView = (await api.get(`/admin/tickets/${opened[0].id}`, admin)).data.ticket
        expect(staffView.order).toEqual(expect.objectContaining({ id: order.id }))
      })

      it("an answer naming someone else's order still opens its ticket, without the order", async () => {
        const buyer = await member("buyer@crm.test")
        const order = await placeOrderAndWait(api, getContainer(), fixtures, buyer.headers)
        const unhappy = await member("unhappy@crm.test")

        await deliver(getContainer(), SurveyEvents.DETRACTOR, detractor(unhappy.customerId, { response_id: "srvres_foreign", order_id: order.id }), 2)

        const opened = await ticketsFrom("survey", "srvres_foreign")
        expect(opened).toHaveLength(1)
        expect(opened[0]).toEqual(expect.objectContaining({ order_id: null, customer_id: unhappy.customerId, category: "other" }))
      })
    })

    describe("crm.ticket.resolved", () => {
      it("is emitted once when staff resolve a ticket, not for other moves or a repeat", async () => {
        const customer = await member("resolved@crm.test")
        const { ticket } = (
          await api.post("/store/tickets", { subject: "Torn seam", category: "product_quality", message: "It tore." }, customer)
        ).data
        const resolved = listen<TicketEventData>(TicketEvents.RESOLVED)

        await api.post(`/admin/tickets/${ticket.id}`, { status: "pending_customer" }, admin)
        await api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, admin)
        await until(() => resolved.length >= 1, "crm.ticket.resolved")
        await api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, admin)
        await settle()

        expect(resolved).toEqual([
          {
            id: ticket.id,
            display_id: ticket.display_id,
            customer_id: customer.customerId,
            order_id: null,
            status: "resolved",
            priority: "normal",
            category: "product_quality",
          },
        ])
      })
    })
  },
})
