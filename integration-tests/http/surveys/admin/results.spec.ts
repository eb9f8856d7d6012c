import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { submitSurveyResponseWorkflow } from "../../../../src/workflows/surveys/workflows/submit-survey-response"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { createNpsSurvey, sentInvitation, surveysOf } from "../../../helpers/surveys"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
      await surveysOf(getContainer()).changeSurveySettings({ frequency_cap_days: 0 })
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    /** An answer given at a fixed moment, through the same workflow as the routes. */
    async function answerAt(surveyId: string, customerId: string, at: string, answers: { question_id: string; value: unknown }[]) {
      const { token } = await sentInvitation(getContainer(), surveyId, customerId, { now: new Date(new Date(at).getTime() - 3_600_000) })
      const { result } = await submitSurveyResponseWorkflow(getContainer()).run({ input: { token, answers: answers as any, now: at } })
      return result
    }

    it("NPS on known data: 5 promoters, 3 passives, 2 detractors = 30; distribution, response rate, monthly and weekly trend, a period, free-text answers with customers", async () => {
      const survey = await createNpsSurvey(getContainer())
      const customer = await member("results@crm.test")
      const scores = [10, 10, 9, 9, 9, 8, 7, 7, 3, 0]
      const days = ["2026-09-03", "2026-09-10", "2026-09-17", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-20", "2026-10-21"]
      for (const [index, score] of scores.entries()) {
        await answerAt(survey.id, customer.customerId, `${days[index]}T12:00:00Z`, [
          { question_id: "score", value: score },
          ...(score <= 3 ? [{ question_id: "why", value: `<b>Broken</b> #${score}` }] : []),
        ])
      }
      // Two invitations nobody answered.
      await sentInvitation(getContainer(), survey.id, customer.customerId, { now: new Date("2026-10-22T12:00:00Z") })
      await sentInvitation(getContainer(), survey.id, customer.customerId, { now: new Date("2026-10-22T12:00:00Z") })

      const { results } = (await api.get(`/admin/surveys/${survey.id}/results`, admin)).data
      expect(results).toEqual(
        expect.objectContaining({
          invitations: 12,
          responses: 10,
          response_rate: 0.833,
          nps: 30,
          nps_breakdown: { promoters: 5, passives: 3, detractors: 2 },
          interval: "month",
          answers_count: 2,
        })
      )
      expect(results.distribution).toHaveLength(11)
      expect(results.distribution.filter((row: any) => row.responses).map((row: any) => [row.score, row.responses])).toEqual([
        [0, 1], [3, 1], [7, 2], [8, 1], [9, 3], [10, 2],
      ])
      // September: three promoters = 100; October: 2 promoters, 3 passives, 2 detractors of 7 = 0.
      expect(results.trend).toEqual([
        { period: "2026-09-01", score: 100, responses: 3 },
        { period: "2026-10-01", score: 0, responses: 7 },
      ])
      expect(results.answers).toEqual([
        expect.objectContaining({ text: "<b>Broken</b> #0", score: 0, question_id: "why", question_label: "Why?", customer: expect.objectContaining({ email: "results@crm.test" }) }),
        expect.objectContaining({ text: "<b>Broken</b> #3", score: 3 }),
      ])
      expect(results.ticket_csat).toEqual({ average: null, ratings: 0, distribution: [1, 2, 3, 4, 5].map((score) => ({ score, responses: 0 })) })

      const october = (await api.get(`/admin/surveys/${survey.id}/results?from=2026-10-01&to=2026-10-31&interval=week`, admin)).data.results
      expect(october).toEqual(expect.objectContaining({ responses: 7, nps: 0, invitations: 9, from: "2026-10-01", to: "2026-10-31" }))
      // Weeks start on Monday: Sep 28 (Oct 1-2), Oct 5 (5-7), 12 (none), 19 (20-21), 26 (none).
      expect(october.trend.map((row: any) => [row.period, row.responses])).toEqual([
        ["2026-09-28", 2], ["2026-10-05", 3], ["2026-10-12", 0], ["2026-10-19", 2], ["2026-10-26", 0],
      ])
      const paged = (await api.get(`/admin/surveys/${survey.id}/results?answers_limit=1&answers_offset=1`, admin)).data.results
      expect(paged.answers.map((answer: any) => answer.score)).toEqual([3])

      for (const query of ["from=2026-13-01", "from=2026-10-05&to=2026-10-01", "interval=day", "answers_limit=500"]) {
        expect((await failedRequest(api.get(`/admin/surveys/${survey.id}/results?${query}`, admin))).status).toBe(400)
      }
      expect((await failedRequest(api.get(`/admin/surveys/srv_missing/results`, admin))).status).toBe(404)
    })

    it("CSAT average and per-question summaries of a custom survey; resolved tickets' CSAT alongside; the order widget's answers", async () => {
      const customer = await member("csat@crm.test")
      const csat = (await api.post("/admin/surveys", { name: "Delivery CSAT", type: "csat", active: true }, admin)).data.survey
      for (const score of [5, 4, 4, 2]) {
        await answerAt(csat.id, customer.customerId, "2026-11-02T10:00:00Z", [{ question_id: "score", value: score }])
      }
      const ticket = (
        await api.post("/store/tickets", { subject: "Late", category: "logistics", message: "Where is my parcel?" }, customer)
      ).data.ticket
      await api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, admin)
      await api.post(`/store/tickets/${ticket.id}/rating`, { score: 4 }, customer)

      const { results } = (await api.get(`/admin/surveys/${csat.id}/results`, admin)).data
      expect(results).toEqual(expect.objectContaining({ csat: 3.75, responses: 4 }))
      expect(results).not.toHaveProperty("nps")
      expect(results.distribution.map((row: any) => row.responses)).toEqual([0, 1, 0, 2, 1])
      expect(results.ticket_csat).toEqual(expect.objectContaining({ average: 4, ratings: 1 }))

      const custom = (
        await api.post(
          "/admin/surveys",
          {
            name: "Packaging",
            type: "custom",
            active: true,
            questions: [
              { id: "stars", type: "rating", label: "Box", required: true, max: 5 },
              { id: "extras", type: "multiple_choice", label: "Inside", options: ["Card", "Sticker"] },
            ],
          },
          admin
        )
      ).data.survey
      await answerAt(custom.id, customer.customerId, "2026-11-03T10:00:00Z", [{ question_id: "stars", value: 5 }, { question_id: "extras", value: ["Card", "Sticker"] }])
      await answerAt(custom.id, customer.customerId, "2026-11-04T10:00:00Z", [{ question_id: "stars", value: 2 }, { question_id: "extras", value: ["Card"] }])
      const customResults = (await api.get(`/admin/surveys/${custom.id}/results`, admin)).data.results
      expect(customResults.distribution).toEqual([])
      expect(customResults.questions).toEqual([
        { question_id: "stars", label: "Box", type: "rating", responses: 2, average: 3.5 },
        { question_id: "extras", label: "Inside", type: "multiple_choice", responses: 2, options: [{ option: "Card", responses: 2 }, { option: "Sticker", responses: 1 }] },
      ])

      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
      const nps = await createNpsSurvey(getContainer())
      const { token } = await sentInvitation(getContainer(), nps.id, customer.customerId, { source_type: "order", source_id: order.id })
      await api.post(`/store/surveys/${token}/responses`, { answers: [{ question_id: "score", value: 9 }] }, { headers: { "x-publishable-api-key": fixtures.publishableKey } })
      const { survey_responses } = (await api.get(`/admin/survey-responses?order_id=${order.id}`, admin)).data
      expect(survey_responses).toEqual([
        expect.objectContaining({ order_id: order.id, score: 9, survey: expect.objectContaining({ id: nps.id, name: nps.name, type: "nps" }) }),
      ])
      expect((await api.get(`/admin/survey-responses?customer_id=${customer.customerId}`, admin)).data.survey_responses).toHaveLength(7)
      expect((await failedRequest(api.get(`/admin/survey-responses`, admin))).status).toBe(400)
    })
  },
})
