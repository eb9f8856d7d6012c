import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminUser, createPublishableKey, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createNpsSurvey, sentInvitation, surveyRowCounts, surveysOf } from "../../../helpers/surveys"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Awaited<ReturnType<typeof createAdminUser>>
    let publishableKey: string

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      publishableKey = await createPublishableKey(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), publishableKey, email)
    const nps = { name: "After delivery", type: "nps", trigger: { event: "delivery", delay_hours: 72 }, active: true }

    it("creates an NPS survey with the default questions, lists, reads, changes and deletes it", async () => {
      const created = await api.post("/admin/surveys", nps, admin)
      expect(created.status).toBe(201)
      const survey = created.data.survey
      expect(survey).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^srv_/),
          name: "After delivery",
          type: "nps",
          trigger: { event: "delivery", delay_hours: 72 },
          active: true,
          expiry_days: 14,
          completion_points: 0,
          review_prompt: true,
        })
      )
      expect(survey.questions.map((question: any) => [question.id, question.type, question.required])).toEqual([
        ["score", "nps", true],
        ["why", "text", false],
      ])
      const csat = (await api.post("/admin/surveys", { name: "Support CSAT", type: "csat", trigger: { event: "ticket_resolved", delay_hours: 1 }, active: false }, admin)).data.survey
      expect(csat.questions[0]).toEqual(expect.objectContaining({ id: "score", type: "csat" }))

      const list = (await api.get("/admin/surveys?limit=10", admin)).data
      expect(list.count).toBe(2)
      expect(list.surveys.map((row: any) => row.id)).toEqual([csat.id, survey.id])
      expect(list.surveys[1]).toEqual(expect.objectContaining({ invitations: 0, responses: 0, response_rate: null }))
      expect((await api.get("/admin/surveys?active=true&type=nps", admin)).data.surveys.map((row: any) => row.id)).toEqual([survey.id])
      expect((await api.get("/admin/surveys?q=support", admin)).data.surveys.map((row: any) => row.id)).toEqual([csat.id])

      expect((await api.get(`/admin/surveys/${survey.id}`, admin)).data.survey).toEqual(survey)
      const changed = (await api.post(`/admin/surveys/${survey.id}`, { active: false, trigger: { event: "manual", delay_hours: 0 }, completion_points: 25 }, admin)).data.survey
      expect(changed).toEqual(expect.objectContaining({ active: false, trigger: { event: "manual", delay_hours: 0 }, completion_points: 25, questions: survey.questions }))

      const deleted = await api.delete(`/admin/surveys/${survey.id}`, admin)
      expect(deleted.data).toEqual(expect.objectContaining({ survey: expect.objectContaining({ id: survey.id }), deleted: true }))
      expect((await failedRequest(api.get(`/admin/surveys/${survey.id}`, admin))).status).toBe(404)
      expect((await api.get("/admin/surveys", admin)).data.count).toBe(1)
    })

    it("a custom survey with every question type; a survey with answers cannot change type (409)", async () => {
      const questions = [
        { id: "stars", type: "rating", label: "Rate the box", required: true, max: 10 },
        { id: "color", type: "single_choice", label: "Colour", options: ["Red", "Blue"] },
        { id: "extras", type: "multiple_choice", label: "Inside", options: ["Card", "Sticker", "Sweets"] },
        { id: "note", type: "text", label: "Anything else" },
      ]
      const custom = (await api.post("/admin/surveys", { name: "Packaging", type: "custom", questions, active: true }, admin)).data.survey
      expect(custom.questions).toEqual(questions.map((question) => ({ required: false, ...question })))

      const customer = await member("typed@crm.test")
      const { token } = await sentInvitation(getContainer(), custom.id, customer.customerId)
      await api.post(`/store/surveys/${token}/responses`, { answers: [{ question_id: "stars", value: 9 }] }, { headers: { "x-publishable-api-key": publishableKey } })
      const conflict = await failedRequest(api.post(`/admin/surveys/${custom.id}`, { type: "nps" }, admin))
      expect(conflict).toEqual({ status: 409, data: expect.objectContaining({ message: expect.stringContaining("its type cannot change") }) })
      expect((await api.get(`/admin/surveys/${custom.id}`, admin)).data.survey.type).toBe("custom")
      const renamed = await api.post(`/admin/surveys/${custom.id}`, { name: "Packaging 2026" }, admin)
      expect(renamed.data.survey.name).toBe("Packaging 2026")
    })

    it("bad survey bodies are a 400 that says what is wrong, and nothing is written", async () => {
      await createNpsSurvey(getContainer())
      const before = await surveyRowCounts(getContainer())
      const [existing] = await surveysOf(getContainer()).listSurveys({})
      const cases: [string, unknown, RegExp][] = [
        ["/admin/surveys", { type: "nps" }, /name/],
        ["/admin/surveys", { name: "X", type: "poll" }, /type/],
        ["/admin/surveys", { name: "X", type: "custom" }, /A custom survey needs at least one question/],
        ["/admin/surveys", { name: "X", type: "nps", questions: [{ id: "why", type: "text", label: "Why" }] }, /starts with its required score question/],
        ["/admin/surveys", { name: "X", type: "custom", questions: [{ id: "a", type: "single_choice", label: "A", options: ["Only"] }] }, /needs 2 to 20 options/],
        ["/admin/surveys", { name: "X", type: "custom", questions: [{ id: "a", type: "text", label: "A" }, { id: "a", type: "text", label: "B" }] }, /unique/],
        ["/admin/surveys", { name: "X", type: "custom", questions: [{ id: "a b", type: "text", label: "A" }] }, /question id/],
        ["/admin/surveys", { name: "X", type: "custom", questions: [{ id: "n", type: "nps", label: "A", required: true }] }, /custom survey uses rating questions/],
        ["/admin/surveys", { name: "X", type: "nps", trigger: { event: "delivery", delay_hours: -1 } }, /delay_hours/],
        ["/admin/surveys", { name: "X", type: "nps", expiry_days: 0 }, /expiry_days/],
        ["/admin/surveys", { name: "X", type: "nps", surprise: true }, /surprise/],
        [`/admin/surveys/${existing.id}`, {}, /Nothing to change/],
        [`/admin/surveys/${existing.id}`, { questions: [{ id: "score", type: "csat", label: "S", required: true }] }, /starts with its required score question/],
      ]
      for (const [url, body, message] of cases) {
        const failed = await failedRequest(api.post(url, body, admin))
        expect([url, failed.status]).toEqual([url, 400])
        expect(failed.data.message).toMatch(message)
      }
      expect(await surveyRowCounts(getContainer())).toEqual(before)
      expect((await failedRequest(api.post("/admin/surveys/srv_missing", { name: "Y" }, admin))).status).toBe(404)
      expect((await failedRequest(api.delete("/admin/surveys/srv_missing", admin))).status).toBe(404)
    })

    it("every admin survey route is 401 without a user", async () => {
      const survey = await createNpsSurvey(getContainer())
      const before = await surveyRowCounts(getContainer())
      const requests = [
        () => api.get("/admin/surveys"),
        () => api.post("/admin/surveys", nps),
        () => api.get(`/admin/surveys/${survey.id}`),
        () => api.post(`/admin/surveys/${survey.id}`, { name: "Hacked" }),
        () => api.delete(`/admin/surveys/${survey.id}`),
        () => api.get(`/admin/surveys/${survey.id}/results`),
        () => api.post(`/admin/surveys/${survey.id}/send`, { customer_ids: ["cus_1"] }),
        () => api.get("/admin/survey-settings"),
        () => api.post("/admin/survey-settings", { frequency_cap_days: 1 }),
        () => api.get("/admin/survey-responses?order_id=order_1"),
      ]
      for (const request of requests) {
        expect((await failedRequest(request())).status).toBe(401)
      }
      expect(await surveyRowCounts(getContainer())).toEqual(before)
    })

    it("sends to listed customers or a customer group, skipping those within the frequency cap or already waiting; segments are not there yet", async () => {
      const survey = await createNpsSurvey(getContainer())
      const [ann, ben, cat] = [await member("ann@crm.test"), await member("ben@crm.test"), await member("cat@crm.test")]
      const other = await createNpsSurvey(getContainer(), { name: "Other" })
      await sentInvitation(getContainer(), other.id, cat.customerId)

      const sent = await api.post(`/admin/surveys/${survey.id}/send`, { customer_ids: [ann.customerId, ben.customerId, cat.customerId] }, admin)
      expect(sent.data).toEqual({ invitations: 2, skipped: 1 })
      const scheduled = await surveysOf(getContainer()).listSurveyInvitations({ survey_id: survey.id })
      expect(scheduled.map((invitation) => [invitation.customer_id, invitation.status, invitation.source_type]).sort()).toEqual(
        [[ann.customerId, "scheduled", "manual"], [ben.customerId, "scheduled", "manual"]].sort()
      )
      expect(scheduled[0].due_at.getTime()).toBeLessThanOrEqual(Date.now())
      // Already waiting for this survey: not twice.
      expect((await api.post(`/admin/surveys/${survey.id}/send`, { customer_ids: [ann.customerId] }, admin)).data).toEqual({ invitations: 0, skipped: 1 })

      const { result: groups } = await createCustomerGroupsWorkflow(getContainer()).run({ input: { customersData: [{ name: "VIP" }] } })
      const dan = await member("dan@crm.test")
      await api.post(`/admin/customer-groups/${groups[0].id}/customers`, { add: [dan.customerId, ann.customerId] }, admin)
      expect((await api.post(`/admin/surveys/${survey.id}/send`, { customer_group_id: groups[0].id }, admin)).data).toEqual({ invitations: 1, skipped: 1 })

      const before = await surveyRowCounts(getContainer())
      const bad: [unknown, number, RegExp][] = [
        [{}, 400, /exactly one of/],
        [{ customer_ids: [] }, 400, /at least one/],
        [{ customer_ids: [ann.customerId], customer_group_id: groups[0].id }, 400, /exactly one of/],
        [{ customer_ids: ["cus_nobody"] }, 400, /Unknown customers: cus_nobody/],
        [{ segment_id: "seg_missing" }, 404, /Segment with id: seg_missing was not found/],
        [{ customer_group_id: "cusgroup_nope" }, 404, /was not found/],
      ]
      for (const [body, status, message] of bad) {
        const failed = await failedRequest(api.post(`/admin/surveys/${survey.id}/send`, body, admin))
        expect([body, failed.status]).toEqual([body, status])
        expect(failed.data.message).toMatch(message)
      }
      expect((await failedRequest(api.post(`/admin/surveys/srv_missing/send`, { customer_ids: [ann.customerId] }, admin))).status).toBe(404)
      expect(await surveyRowCounts(getContainer())).toEqual(before)
    })

    it("reads and changes the survey settings; bad values are a 400 and nothing changes", async () => {
      // The test store has no absolute admin.backendUrl: no link base until one is set.
      const { settings } = (await api.get("/admin/survey-settings", admin)).data
      expect(settings).toEqual(
        expect.objectContaining({ frequency_cap_days: 30, store_name: null, brand_color: "#2563eb", link_base_url: null, effective_link_base_url: null })
      )
      const changed = (
        await api.post("/admin/survey-settings", { frequency_cap_days: 7, store_name: "Blue Shop", brand_color: "#112233", link_base_url: "https://shop.example/survey" }, admin)
      ).data.settings
      expect(changed).toEqual(
        expect.objectContaining({ frequency_cap_days: 7, store_name: "Blue Shop", brand_color: "#112233", effective_link_base_url: "https://shop.example/survey" })
      )
      for (const [body, message] of [
        [{ brand_color: "red;}</style>" }, /colour like/],
        [{ frequency_cap_days: -1 }, /frequency_cap_days/],
        [{ link_base_url: "javascript:alert(1)" }, /link_base_url/],
        [{}, /Nothing to change/],
      ] as [unknown, RegExp][]) {
        const failed = await failedRequest(api.post("/admin/survey-settings", body, admin))
        expect(failed.status).toBe(400)
        expect(failed.data.message).toMatch(message)
      }
      expect((await api.get("/admin/survey-settings", admin)).data.settings).toEqual(changed)
    })
  },
})
