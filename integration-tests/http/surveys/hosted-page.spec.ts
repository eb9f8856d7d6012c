import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { SurveyEvents, type SurveyDetractorEventData } from "../../../src/types/tickets"
import { sendDueSurveyInvitationsWorkflow } from "../../../src/workflows/surveys/workflows/send-due-survey-invitations"
import { registerMember } from "../../helpers/auth"
import { checkoutWithShipping, fulfilOrder } from "../../helpers/fulfilment"
import { useReadableHttpErrors } from "../../helpers/http"
import { createShippingFixtures, ShippingFixtures } from "../../helpers/shipping"
import { createStoreFixtures, StoreFixtures } from "../../helpers/store"
import { createNpsSurvey, sentInvitation, surveyRowCounts, surveysOf } from "../../helpers/surveys"
import { ticketsOf } from "../../helpers/tickets"
import { clearRecordedNotifications, recordedNotifications } from "../../providers/notification-recorder/service"
import { eventListeners, until } from "../../helpers/events"

jest.setTimeout(240 * 1000)

const HOUR = 3_600_000
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`


const formTokenIn = (html: string) => html.match(/name="form_token" value="([^"]+)"/)?.[1]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let shipping: ShippingFixtures
    const eventLog = eventListeners(() => getContainer())
    const listen = eventLog.listen

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      clearRecordedNotifications()
      fixtures = await createStoreFixtures(getContainer(), 25)
      shipping = await createShippingFixtures(getContainer(), fixtures, 5)
      await surveysOf(getContainer()).changeSurveySettings({ link_base_url: "http://localhost/surveys" })
    })
    afterEach(() => eventLog.stopAll())

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const page = (token: string, headers: Record<string, string> = {}) => api.get(`/surveys/${token}`, { headers, validateStatus: () => true })
    const post = (token: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
      const form = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) {
        for (const one of [value].flat()) form.append(name, one)
      }
      return api.post(`/surveys/${token}`, form.toString(), {
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        validateStatus: () => true,
      })
    }


    it("delivery -> invitation after the delay (fixed clock) -> the hosted page renders -> the form post stores the answer -> detractor event -> ticket", async () => {
      const survey = await createNpsSurvey(getContainer(), { name: "Your parcel", trigger: "delivery", delay_hours: 24 })
      const customer = await member("hosted@crm.test")
      const order = await checkoutWithShipping(api, getContainer(), fixtures, shipping, customer.headers, 1)
      await fulfilOrder(getContainer(), shipping, order.id)
      const [invitation] = await surveysOf(getContainer()).listSurveyInvitations({ survey_id: survey.id })
      const due = new Date(invitation.due_at).getTime()
      await sendDueSurveyInvitationsWorkflow(getContainer()).run({ input: { now: new Date(due - HOUR), limit: 500 } })
      expect(recordedNotifications()).toEqual([])
      await sendDueSurveyInvitationsWorkflow(getContainer()).run({ input: { now: new Date(due), limit: 500 } })
      const [mail] = recordedNotifications().filter((notification) => notification.template === "survey-invitation")
      const { display_id } = await getContainer().resolve(Modules.ORDER).retrieveOrder(order.id)
      expect(mail.content!.subject).toContain(`your order #${display_id}`)
      const token = mail.content!.html!.match(/localhost\/surveys\/([A-Za-z0-9_-]{43})/)![1]

      const shown = await page(token)
      expect(shown.status).toBe(200)
      expect(shown.headers["content-type"]).toMatch(/^text\/html/)
      expect(shown.headers["content-security-policy"]).toContain("default-src 'none'")
      expect(shown.headers["referrer-policy"]).toBe("no-referrer")
      expect(shown.headers["cache-control"]).toContain("no-store")
      expect(shown.data).toContain("Your parcel")
      expect(shown.data).not.toMatch(/<script/i)
      expect(shown.data.match(/type="radio" name="q\[score\]"/g)).toHaveLength(11)

      const detractors = listen<SurveyDetractorEventData>(SurveyEvents.DETRACTOR)
      const thanks = await post(token, { "q[score]": "2", "q[why]": "Box was crushed", form_token: formTokenIn(shown.data)! })
      expect(thanks.status).toBe(200)
      expect(thanks.data).not.toContain('name="form_token"')
      const [response] = await surveysOf(getContainer()).listSurveyResponses({ survey_id: survey.id })
      expect(response).toEqual(expect.objectContaining({ score: 2, order_id: order.id, customer_id: customer.customerId, answers: [{ question_id: "score", value: 2 }, { question_id: "why", value: "Box was crushed" }] }))
      await until(async () => (await ticketsOf(getContainer()).listTickets({ source_id: response.id } as any)).length === 1, "the detractor's ticket")
      expect(detractors).toEqual([expect.objectContaining({ response_id: response.id, score: 2, comment: "Box was crushed", order_id: order.id })])

      // Used: the page says so (410), a second post is a 409 and writes nothing.
      const before = await surveyRowCounts(getContainer())
      expect((await page(token)).status).toBe(410)
      const again = await post(token, { "q[score]": "10", form_token: formTokenIn(shown.data)! })
      expect(again.status).toBe(409)
      expect(await surveyRowCounts(getContainer())).toEqual(before)
    })

    it("unknown, tampered and expired links; a post from another site, without or with another invitation's form token; answers that do not fit: nothing written", async () => {
      const survey = await createNpsSurvey(getContainer(), { expiry_days: 1 })
      const [ann, ben] = [await member("hosted-ann@crm.test"), await member("hosted-ben@crm.test")]
      const { token } = await sentInvitation(getContainer(), survey.id, ann.customerId)
      const other = await sentInvitation(getContainer(), survey.id, ben.customerId)
      const old = await sentInvitation(getContainer(), survey.id, (await member("hosted-old@crm.test")).customerId, { now: new Date(Date.now() - 2 * 24 * HOUR) })
      const before = await surveyRowCounts(getContainer())

      expect((await page("A".repeat(43))).status).toBe(404)
      expect((await page(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"))).status).toBe(404)
      expect((await page("short")).status).toBe(404)
      expect((await page(old.token)).status).toBe(410)
      expect((await post(old.token, { "q[score]": "9" })).status).toBe(410)

      const form = formTokenIn((await page(token)).data)!
      const foreign = await post(token, { "q[score]": "9", form_token: form }, { origin: "https://evil.example" })
      expect(foreign.status).toBe(403)
      const crossSite = await post(token, { "q[score]": "9", form_token: form }, { "sec-fetch-site": "cross-site" })
      expect(crossSite.status).toBe(403)

      const missing = await post(token, { "q[score]": "9", "q[why]": "kept" })
      expect(missing.status).toBe(400)
      expect(missing.data).toContain("send them again")
      expect(missing.data).toContain("kept")
      const otherForm = formTokenIn((await page(other.token)).data)!
      expect((await post(token, { "q[score]": "9", form_token: otherForm })).status).toBe(400)
      expect((await post(token, { "q[score]": "9", form_token: form.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })).status).toBe(400)

      const unfit = await post(token, { "q[score]": "11", "q[why]": HOSTILE, form_token: form })
      expect(unfit.status).toBe(400)
      expect(unfit.data).toContain("takes a whole number from 0 to 10")
      expect(unfit.data).not.toContain(HOSTILE)
      expect(unfit.data).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect((await post(token, { "q[why]": "no score", form_token: form })).status).toBe(400)
      expect(await surveyRowCounts(getContainer())).toEqual(before)

      expect((await post(token, { "q[score]": "9", form_token: form })).status).toBe(200)
    })

    it("the page escapes every merchant and customer text: store name, survey name, question labels and options", async () => {
      await surveysOf(getContainer()).changeSurveySettings({ store_name: HOSTILE, brand_color: "#ff0000" })
      const survey = await surveysOf(getContainer()).createSurveys({
        name: `Survey ${HOSTILE}`,
        type: "custom",
        active: true,
        questions: [
          { id: "pick", type: "single_choice", label: `Label ${HOSTILE}`, required: true, options: [`A ${HOSTILE}`, "B"] },
          { id: "note", type: "text", label: "{{constructor.constructor}}", required: false },
        ] as any,
      } as any)
      const customer = await member("escape@crm.test")
      const { token } = await sentInvitation(getContainer(), survey.id, customer.customerId)
      const shown = await page(token)
      expect(shown.status).toBe(200)
      expect(shown.data).not.toContain(HOSTILE)
      expect(shown.data).not.toMatch(/<script|<img/i)
      expect(shown.data.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)!.length).toBeGreaterThanOrEqual(4)
      expect(shown.data).toContain("{{constructor.constructor}}")
      expect(shown.data).toContain("#ff0000")

      const answered = await post(token, { "q[pick]": `A ${HOSTILE}`, "q[note]": HOSTILE, form_token: formTokenIn(shown.data)! })
      expect(answered.status).toBe(200)
      const [response] = await surveysOf(getContainer()).listSurveyResponses({ survey_id: survey.id })
      expect(response.answers).toEqual([{ question_id: "pick", value: `A ${HOSTILE}` }, { question_id: "note", value: HOSTILE }])
    })
  },
})
