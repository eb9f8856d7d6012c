import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SurveyEvents, type SurveyDetractorEventData } from "../../../../src/types/tickets"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { createNpsSurvey, sentInvitation, surveyRowCounts, surveysOf } from "../../../helpers/surveys"
import { ticketsOf } from "../../../helpers/tickets"
import { eventListeners, until } from "../../../helpers/events"

jest.setTimeout(240 * 1000)

const DAY = 86_400_000


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
    })
    afterEach(() => eventLog.stopAll())

    const store = () => ({ headers: { "x-publishable-api-key": fixtures.publishableKey } })
    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const survey = (token: string) => `/store/surveys/${token}`
    const answer = (token: string, answers: unknown) => api.post(`${survey(token)}/responses`, { answers }, store())


    it("reads the survey of a link, takes one answer, then the link is used: 410 to read, 409 to answer again", async () => {
      const customer = await member("answer@crm.test")
      const nps = await createNpsSurvey(getContainer())
      const { id, token } = await sentInvitation(getContainer(), nps.id, customer.customerId)

      const read = await api.get(survey(token), store())
      expect(read.data.survey).toEqual({ name: "How did we do?", type: "nps", questions: expect.arrayContaining([expect.objectContaining({ id: "score", type: "nps" })]) })
      expect(read.data.store).toEqual(expect.objectContaining({ store_name: expect.any(String), brand_color: expect.stringMatching(/^#/) }))
      expect(JSON.stringify(read.data)).not.toContain(customer.customerId)

      const answered = await answer(token, [
        { question_id: "score", value: 8 },
        { question_id: "why", value: "  Fast delivery  " },
      ])
      expect(answered.status).toBe(201)
      expect(answered.data.response).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^srvres_/), score: 8, answers: [{ question_id: "score", value: 8 }, { question_id: "why", value: "Fast delivery" }] })
      )
      expect(answered.data.review_products).toEqual([])

      const [stored] = await surveysOf(getContainer()).listSurveyResponses({ invitation_id: id })
      expect(stored).toEqual(expect.objectContaining({ customer_id: customer.customerId, score: 8, has_text: true }))
      expect((await surveysOf(getContainer()).retrieveSurveyInvitation(id)).status).toBe("answered")

      const reread = await failedRequest(api.get(survey(token), store()))
      expect(reread).toEqual({ status: 410, data: expect.objectContaining({ message: "This survey link has already been used" }) })
      const before = await surveyRowCounts(getContainer())
      const again = await failedRequest(answer(token, [{ question_id: "score", value: 10 }]))
      expect(again).toEqual({ status: 409, data: expect.objectContaining({ message: "This survey has already been answered" }) })
      expect(await surveyRowCounts(getContainer())).toEqual(before)
    })

    it("two answers to one link at once: one is stored, the other is a 409", async () => {
      const customer = await member("race@crm.test")
      const nps = await createNpsSurvey(getContainer())
      const { token } = await sentInvitation(getContainer(), nps.id, customer.customerId)
      const outcomes = await Promise.all(
        [3, 9].map((score) => answer(token, [{ question_id: "score", value: score }]).then((r) => r.status, (e) => e.response.status))
      )
      expect(outcomes.sort()).toEqual([201, 409])
      expect(await surveysOf(getContainer()).listSurveyResponses({ survey_id: nps.id })).toHaveLength(1)
    })

    it("unknown, malformed and tampered tokens are 404; an expired link or a deleted survey's is 410; nothing is written", async () => {
      const customer = await member("expired@crm.test")
      const nps = await createNpsSurvey(getContainer(), { expiry_days: 14 })
      const live = await sentInvitation(getContainer(), nps.id, customer.customerId)
      const tampered = live.token.slice(0, -1) + (live.token.endsWith("A") ? "B" : "A")
      const other = await member("other-expired@crm.test")
      const old = await sentInvitation(getContainer(), nps.id, other.customerId, { now: new Date(Date.now() - 15 * DAY) })
      const before = await surveyRowCounts(getContainer())

      for (const token of [tampered, "not-a-token", "A".repeat(43), live.token + "x"]) {
        expect(await failedRequest(api.get(survey(token), store()))).toEqual({ status: 404, data: expect.objectContaining({ message: "This survey link is not valid" }) })
        expect((await failedRequest(answer(token, [{ question_id: "score", value: 5 }]))).status).toBe(404)
      }
      expect(await failedRequest(api.get(survey(old.token), store()))).toEqual({ status: 410, data: expect.objectContaining({ message: "This survey link has expired" }) })
      expect(await failedRequest(answer(old.token, [{ question_id: "score", value: 5 }]))).toEqual({
        status: 410,
        data: expect.objectContaining({ message: "This survey link has expired" }),
      })
      expect(await surveyRowCounts(getContainer())).toEqual(before)

      await api.delete(`/admin/surveys/${nps.id}`, admin)
      expect((await failedRequest(api.get(survey(live.token), store()))).status).toBe(410)
      expect((await failedRequest(answer(live.token, [{ question_id: "score", value: 5 }]))).status).toBe(410)
    })

    it("answers that do not fit the questions are a 400 that says which, and nothing is written", async () => {
      const customer = await member("bad-answer@crm.test")
      const custom = await surveysOf(getContainer()).createSurveys({
        name: "Our packaging",
        type: "custom",
        questions: [
          { id: "stars", type: "rating", label: "Rate the box", required: true, max: 5 },
          { id: "color", type: "single_choice", label: "Favourite colour", required: false, options: ["Red", "Blue"] },
          { id: "extras", type: "multiple_choice", label: "What was inside", required: false, options: ["Card", "Sticker"] },
          { id: "note", type: "text", label: "Anything else", required: false },
        ] as any,
        active: true,
      } as any)
      const { token } = await sentInvitation(getContainer(), custom.id, customer.customerId)
      const before = await surveyRowCounts(getContainer())
      const cases: [unknown, RegExp][] = [
        [[], /"Rate the box" needs an answer/],
        [[{ question_id: "stars", value: 6 }], /"Rate the box" takes a whole number from 1 to 5/],
        [[{ question_id: "stars", value: 4 }, { question_id: "color", value: "Green" }], /"Favourite colour" takes one of: Red, Blue/],
        [[{ question_id: "stars", value: 4 }, { question_id: "extras", value: ["Card", "Card"] }], /"What was inside" takes some of/],
        [[{ question_id: "stars", value: 4 }, { question_id: "ghost", value: "x" }], /There is no question ghost/],
        [[{ question_id: "stars", value: 4 }, { question_id: "stars", value: 4 }], /answered twice/],
        [[{ question_id: "stars", value: { $gt: 1 } }], /./],
        ["everything", /./],
      ]
      for (const [answers, message] of cases) {
        const failed = await failedRequest(answer(token, answers))
        expect(failed.status).toBe(400)
        expect(failed.data.message).toMatch(message)
      }
      expect(await surveyRowCounts(getContainer())).toEqual(before)

      const fine = await answer(token, [
        { question_id: "stars", value: 4 },
        { question_id: "extras", value: ["Sticker", "Card"] },
        { question_id: "note", value: "" },
      ])
      expect(fine.status).toBe(201)
      expect(fine.data.response.score).toBeNull()
      expect(fine.data.response.answers).toEqual([{ question_id: "stars", value: 4 }, { question_id: "extras", value: ["Sticker", "Card"] }])
    })

    it("a detractor's answer emits crm.survey.detractor with the comment, and the tickets capability opens one ticket linked to the response", async () => {
      const customer = await member("detractor@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
      const nps = await createNpsSurvey(getContainer())
      const { token } = await sentInvitation(getContainer(), nps.id, customer.customerId, { source_type: "order", source_id: order.id })
      const detractors = listen<SurveyDetractorEventData>(SurveyEvents.DETRACTOR)
      const responded = listen<{ response_id: string }>(SurveyEvents.RESPONDED)

      const { data } = await answer(token, [{ question_id: "score", value: 3 }, { question_id: "why", value: "Arrived broken" }])
      await until(async () => (await ticketsOf(getContainer()).listTickets({ source_id: data.response.id } as any)).length === 1, "the detractor ticket")
      expect(detractors).toEqual([
        {
          response_id: data.response.id,
          survey_id: nps.id,
          customer_id: customer.customerId,
          score: 3,
          survey_type: "nps",
          comment: "Arrived broken",
          order_id: order.id,
          ticket_id: null,
        },
      ])
      expect(responded).toEqual([expect.objectContaining({ response_id: data.response.id })])
      const [ticket] = await ticketsOf(getContainer()).listTickets({ source_id: data.response.id } as any)
      expect(ticket).toEqual(expect.objectContaining({ source: "survey", customer_id: customer.customerId, order_id: order.id }))
    })

    it("a passive or promoter emits no detractor event; a promoter of an order survey is shown the order's products to review", async () => {
      const customer = await member("promoter@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
      const nps = await createNpsSurvey(getContainer())
      const detractors = listen<SurveyDetractorEventData>(SurveyEvents.DETRACTOR)
      const promoter = await sentInvitation(getContainer(), nps.id, customer.customerId, { source_type: "order", source_id: order.id })
      const { data } = await answer(promoter.token, [{ question_id: "score", value: 10 }])
      expect(data.review_products).toEqual([expect.objectContaining({ product_id: fixtures.productId, title: expect.any(String) })])

      await surveysOf(getContainer()).updateSurveys({ id: nps.id, review_prompt: false } as any)
      const other = await member("promoter-2@crm.test")
      const secondOrder = await placeOrderAndWait(api, getContainer(), fixtures, other.headers)
      const quiet = await sentInvitation(getContainer(), nps.id, other.customerId, { source_type: "order", source_id: secondOrder.id })
      expect((await answer(quiet.token, [{ question_id: "score", value: 9 }])).data.review_products).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(detractors).toEqual([])
    })

    it("completing a survey with completion points credits them once per invitation", async () => {
      const customer = await member("points@crm.test")
      const balance = async () => (await api.get(`/admin/customers/${customer.customerId}/loyalty`, admin)).data.loyalty_account.points_balance as number
      const start = await balance()
      const nps = await createNpsSurvey(getContainer(), { completion_points: 50 })
      const first = await sentInvitation(getContainer(), nps.id, customer.customerId)
      await answer(first.token, [{ question_id: "score", value: 7 }])
      expect(await balance()).toBe(start + 50)
      expect((await failedRequest(answer(first.token, [{ question_id: "score", value: 7 }]))).status).toBe(409)
      expect(await balance()).toBe(start + 50)
      await surveysOf(getContainer()).changeSurveySettings({ frequency_cap_days: 0 })
      const second = await sentInvitation(getContainer(), nps.id, customer.customerId)
      await answer(second.token, [{ question_id: "score", value: 7 }])
      expect(await balance()).toBe(start + 100)
    })
  },
})
