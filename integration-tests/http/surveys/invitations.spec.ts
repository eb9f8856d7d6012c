import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import sendSurveyInvitationsJob from "../../../src/jobs/send-survey-invitations"
import { hashInvitationToken } from "../../../src/modules/surveys/tokens"
import { TicketEvents } from "../../../src/types/tickets"
import { sendDueSurveyInvitationsWorkflow } from "../../../src/workflows/surveys/workflows/send-due-survey-invitations"
import { createAdminUser, registerMember } from "../../helpers/auth"
import { deliver } from "../../helpers/events"
import { checkoutWithShipping, fulfilOrder } from "../../helpers/fulfilment"
import { useReadableHttpErrors } from "../../helpers/http"
import { createShippingFixtures, ShippingFixtures } from "../../helpers/shipping"
import { createStoreFixtures, StoreFixtures } from "../../helpers/store"
import { createNpsSurvey, sentInvitation, surveysOf } from "../../helpers/surveys"
import { clearRecordedNotifications, recordedNotifications } from "../../providers/notification-recorder/service"

jest.setTimeout(240 * 1000)

const HOUR = 3_600_000
const DAY = 24 * HOUR
const LINK_BASE = "https://shop.example/surveys"
const tokenIn = (text: string) => text.match(/surveys\/([A-Za-z0-9_-]{43})/)?.[1]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let shipping: ShippingFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      clearRecordedNotifications()
      fixtures = await createStoreFixtures(getContainer(), 25)
      shipping = await createShippingFixtures(getContainer(), fixtures, 5)
      admin = await createAdminUser(getContainer())
      await surveysOf(getContainer()).changeSurveySettings({ link_base_url: LINK_BASE })
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const surveys = () => surveysOf(getContainer())
    const invitationMails = () => recordedNotifications().filter((notification) => notification.template === "survey-invitation")
    const sendDue = async (now: Date) => (await sendDueSurveyInvitationsWorkflow(getContainer()).run({ input: { now, limit: 500 } })).result

    it("a delivery schedules one invitation however often it is reported; the job sends it only after the delay, with a link whose token is stored only as a hash", async () => {
      const survey = await createNpsSurvey(getContainer(), { trigger: "delivery", delay_hours: 48 })
      await createNpsSurvey(getContainer(), { name: "Switched off", trigger: "delivery", active: false })
      const customer = await member("delivered@crm.test")
      const order = await checkoutWithShipping(api, getContainer(), fixtures, shipping, customer.headers, 1)
      const deliveredAround = Date.now()
      const fulfillmentId = await fulfilOrder(getContainer(), shipping, order.id)
      await deliver(getContainer(), "delivery.created", { id: fulfillmentId }, 2)

      const invitations = await surveys().listSurveyInvitations({})
      expect(invitations).toHaveLength(1)
      const [invitation] = invitations
      expect(invitation).toEqual(
        expect.objectContaining({ survey_id: survey.id, customer_id: customer.customerId, source_type: "order", source_id: order.id, status: "scheduled", token_hash: null, email: "delivered@crm.test" })
      )
      const due = new Date(invitation.due_at).getTime()
      expect(due - deliveredAround).toBeGreaterThanOrEqual(48 * HOUR - 60_000)
      expect(due - deliveredAround).toBeLessThanOrEqual(48 * HOUR + 60_000)

      expect(await sendDue(new Date(due - 60_000))).toEqual(expect.objectContaining({ claimed: 0, sent: [] }))
      expect(invitationMails()).toEqual([])

      const sentAt = new Date(due + 60_000)
      expect(await sendDue(sentAt)).toEqual(expect.objectContaining({ claimed: 1, sent: [invitation.id] }))
      expect(await sendDue(sentAt)).toEqual(expect.objectContaining({ claimed: 0 }))
      const [mail] = invitationMails()
      expect(mail).toEqual(expect.objectContaining({ to: "delivered@crm.test", template: "survey-invitation" }))
      const token = tokenIn(mail.content!.html!)!
      expect(token).toHaveLength(43)
      expect(mail.content!.text).toContain(`${LINK_BASE}/${token}`)

      const sent = await surveys().retrieveSurveyInvitation(invitation.id)
      expect(sent).toEqual(expect.objectContaining({ status: "sent", token_hash: hashInvitationToken(token) }))
      expect(new Date(sent.expires_at!).getTime()).toBe(sentAt.getTime() + 14 * DAY)
      // The token itself is in no table: not the invitation, not the stored notification.
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await knex.raw(
        `SELECT count(*)::int AS n FROM crm_survey_invitation i, notification n WHERE i::text LIKE ? OR n::text LIKE ?`,
        [`%${token}%`, `%${token}%`]
      )
      expect(rows[0].n).toBe(0)
      const [stored] = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "survey-invitation" } as any)
      expect(stored.data).not.toHaveProperty("survey_url")
      expect(stored.status).toBe("success")

      const read = await api.get(`/store/surveys/${token}`, { headers: { "x-publishable-api-key": fixtures.publishableKey } })
      expect(read.data.survey.name).toBe(survey.name)
    })

    it("the frequency cap: one invitation per customer per N days across surveys, in a batch and across runs; 0 turns it off", async () => {
      const first = await createNpsSurvey(getContainer(), { name: "First" })
      const second = await createNpsSurvey(getContainer(), { name: "Second" })
      const [ann, ben] = [await member("cap-ann@crm.test"), await member("cap-ben@crm.test")]
      const now = new Date()
      await surveys().changeSurveySettings({ frequency_cap_days: 30 })
      const schedule = (surveyId: string, customerId: string, at: Date) =>
        surveys().scheduleInvitations([{ survey_id: surveyId, customer_id: customerId, source_type: "manual", source_id: null, source_display_id: null, email: "x@crm.test", due_at: at }])

      // In one batch: Ann's two invitations, one goes; Ben's one goes.
      await schedule(first.id, ann.customerId, new Date(now.getTime() - 2000))
      await schedule(second.id, ann.customerId, new Date(now.getTime() - 1000))
      await schedule(second.id, ben.customerId, new Date(now.getTime() - 1000))
      const run = await sendDue(now)
      expect(run.sent).toHaveLength(2)
      expect(run.skipped).toEqual([expect.objectContaining({ reason: "frequency_cap" })])
      const annInvitations = await surveys().listSurveyInvitations({ customer_id: ann.customerId }, { order: { due_at: "ASC" } })
      expect(annInvitations.map((invitation) => [invitation.survey_id, invitation.status, invitation.skip_reason])).toEqual([
        [first.id, "sent", null],
        [second.id, "skipped", "frequency_cap"],
      ])

      // A later run: 29 days on Ann is still capped, 31 days on she is not.
      await schedule(first.id, ann.customerId, new Date(now.getTime() + 29 * DAY))
      expect((await sendDue(new Date(now.getTime() + 29 * DAY))).skipped).toHaveLength(1)
      await schedule(second.id, ann.customerId, new Date(now.getTime() + 31 * DAY))
      expect((await sendDue(new Date(now.getTime() + 31 * DAY))).sent).toHaveLength(1)

      // No cap: both go at once.
      await surveys().changeSurveySettings({ frequency_cap_days: 0 })
      await schedule(first.id, ben.customerId, new Date(now.getTime() + 32 * DAY))
      await schedule(second.id, ben.customerId, new Date(now.getTime() + 32 * DAY))
      expect((await sendDue(new Date(now.getTime() + 32 * DAY))).sent).toHaveLength(2)
    })

    it("a resolved ticket schedules its survey once; an inactive or deleted survey's invitations are skipped, not sent", async () => {
      const csat = await surveys().createSurveys({ name: "Support", type: "csat", trigger: "ticket_resolved", delay_hours: 1, active: true } as any)
      const customer = await member("ticket-survey@crm.test")
      const ticket = { id: "tkt_survey_1", display_id: 42, customer_id: customer.customerId, order_id: null, status: "resolved", priority: "normal", category: "other" }
      await deliver(getContainer(), TicketEvents.RESOLVED, ticket, 2)
      const [invitation] = await surveys().listSurveyInvitations({ survey_id: csat.id })
      expect(await surveys().listSurveyInvitations({ survey_id: csat.id })).toHaveLength(1)
      expect(invitation).toEqual(expect.objectContaining({ source_type: "ticket", source_id: "tkt_survey_1", source_display_id: 42, email: "ticket-survey@crm.test" }))

      await surveys().updateSurveys({ id: csat.id, active: false } as any)
      const run = await sendDue(new Date(Date.now() + 2 * HOUR))
      expect(run.skipped).toEqual([{ id: invitation.id, reason: "survey_inactive" }])
      expect(invitationMails()).toEqual([])
    })

    it("the job marks links past their expiry as expired, once", async () => {
      const survey = await createNpsSurvey(getContainer(), { expiry_days: 14 })
      const customer = await member("expiring@crm.test")
      await surveys().changeSurveySettings({ frequency_cap_days: 0 })
      const old = await sentInvitation(getContainer(), survey.id, customer.customerId, { now: new Date(Date.now() - 15 * DAY) })
      const fresh = await sentInvitation(getContainer(), survey.id, customer.customerId, { now: new Date(Date.now() - 13 * DAY) })
      expect((await sendDue(new Date())).expired).toBe(1)
      expect((await sendDue(new Date())).expired).toBe(0)
      expect((await surveys().retrieveSurveyInvitation(old.id)).status).toBe("expired")
      expect((await surveys().retrieveSurveyInvitation(fresh.id)).status).toBe("sent")
    })

    it("when the e-mails cannot go out, the claim is undone: invitations wait, counters unchanged; the job sends them once the link base is known", async () => {
      const survey = await createNpsSurvey(getContainer())
      const customer = await member("no-link@crm.test")
      await api.post(`/admin/surveys/${survey.id}/send`, { customer_ids: [customer.customerId] }, admin)
      await surveys().changeSurveySettings({ link_base_url: null })
      // The workflow engine rejects with the step's error as a plain object.
      await expect(sendDue(new Date())).rejects.toEqual(expect.objectContaining({ message: expect.stringMatching(/absolute link/) }))
      const [waiting] = await surveys().listSurveyInvitations({ survey_id: survey.id })
      expect(waiting).toEqual(expect.objectContaining({ status: "scheduled", token_hash: null, sent_at: null }))
      expect((await surveys().surveyTotals([survey.id])).get(survey.id)?.invitations ?? 0).toBe(0)

      await surveys().changeSurveySettings({ link_base_url: LINK_BASE })
      await sendSurveyInvitationsJob(getContainer())
      expect(invitationMails()).toEqual([expect.objectContaining({ to: "no-link@crm.test" })])
      expect((await surveys().retrieveSurveyInvitation(waiting.id)).status).toBe("sent")
      expect((await surveys().surveyTotals([survey.id])).get(survey.id)).toEqual({ invitations: 1, responses: 0 })
    })
  },
})
