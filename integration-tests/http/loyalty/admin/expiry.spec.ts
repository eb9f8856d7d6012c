import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import expirePointsJob from "../../../../src/jobs/expire-points"
import { expirePointsWorkflow } from "../../../../src/workflows/loyalty/workflows/expire-points"
import { sendExpiryRemindersWorkflow } from "../../../../src/workflows/loyalty/workflows/send-expiry-reminders"
import { clearRecordedNotifications, recordedNotifications } from "../../../providers/notification-recorder/service"
import { createAdminUser } from "../../../helpers/auth"
import { useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

const DAY_MS = 24 * 60 * 60 * 1000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(() => clearRecordedNotifications())

    /** A customer with `points` granted now (they expire in 12 months, the default). */
    const customerWithPoints = async (email: string, points: number, metadata?: Record<string, unknown>) => {
      const container = getContainer()
      const admin = await createAdminUser(container, `admin-${email}`)
      const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email, first_name: "Ada", metadata })
      await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points, reason: "Test points" }, admin)
      const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
      const account = (await loyalty.retrieveAccountByCustomer(customer.id))!
      const [lot] = await loyalty.listLoyaltyLots({ account_id: account.id })
      return { customer, account, lot, loyalty }
    }

    it("expires a lot after its date, exactly once", async () => {
      const { account, lot, loyalty } = await customerWithPoints("expire@crm.test", 120)
      const afterExpiry = new Date(new Date(lot.expires_at!).getTime() + DAY_MS)

      await expirePointsWorkflow(getContainer()).run({ input: { now: afterExpiry, limit: 100 } })
      await expirePointsWorkflow(getContainer()).run({ input: { now: afterExpiry, limit: 100 } })

      expect((await loyalty.retrieveLoyaltyAccount(account.id)).points_balance).toEqual(0)
      const expiries = await loyalty.listLoyaltyEntries({ account_id: account.id, type: "expire" })
      expect(expiries.map((e) => [e.points, e.idempotency_key])).toEqual([[-120, `expire:${lot.id}`]])
      expect((await loyalty.retrieveLoyaltyLot(lot.id)).status).toEqual("expired")
    })

    it("leaves points alone before their date", async () => {
      const { account, lot, loyalty } = await customerWithPoints("early@crm.test", 50)

      await expirePointsWorkflow(getContainer()).run({
        input: { now: new Date(new Date(lot.expires_at!).getTime() - DAY_MS), limit: 100 },
      })

      expect((await loyalty.retrieveLoyaltyAccount(account.id)).points_balance).toEqual(50)
    })

    it("e-mails one reminder, in the customer's language, before points expire", async () => {
      const { customer, lot } = await customerWithPoints("remind@crm.test", 75, { locale: "zh-CN" })
      const weekBefore = new Date(new Date(lot.expires_at!).getTime() - 7 * DAY_MS)

      await sendExpiryRemindersWorkflow(getContainer()).run({ input: { now: weekBefore, limit: 100 } })
      await sendExpiryRemindersWorkflow(getContainer()).run({ input: { now: weekBefore, limit: 100 } })

      const sent = recordedNotifications().filter((n) => n.template === "loyalty-expiry-reminder")
      expect(sent).toHaveLength(1)
      expect(sent[0].to).toEqual(customer.email)
      expect(sent[0].content?.subject).toContain("75")
      expect(sent[0].content?.subject).toContain("积分")
    })

    it("sends no reminder when the expiry is further than the window", async () => {
      const { lot } = await customerWithPoints("later@crm.test", 75)

      await sendExpiryRemindersWorkflow(getContainer()).run({
        input: { now: new Date(new Date(lot.expires_at!).getTime() - 30 * DAY_MS), limit: 100 },
      })

      expect(recordedNotifications().filter((n) => n.template === "loyalty-expiry-reminder")).toHaveLength(0)
    })

    it("the daily job runs both and is safe to run twice", async () => {
      const { account, loyalty } = await customerWithPoints("job@crm.test", 10)

      await expirePointsJob(getContainer())
      await expirePointsJob(getContainer())

      // Nothing is due today: the points are fresh.
      expect((await loyalty.retrieveLoyaltyAccount(account.id)).points_balance).toEqual(10)
    })
  },
})
