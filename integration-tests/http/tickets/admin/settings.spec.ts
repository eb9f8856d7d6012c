import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type TicketsModuleService from "../../../../src/modules/tickets/service"
import { CrmModules } from "../../../../src/types/modules"
import { updateTicketSettingsStep } from "../../../../src/workflows/tickets/steps/update-ticket-settings"
import { createAdminUser } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(240 * 1000)

const failAfterWrite = createStep("crm-test-fail-after-ticket-settings", async () => {
  throw new Error("injected failure")
})

const settingsThenFail = createWorkflow("crm-test-update-ticket-settings-then-fail", (input: any) => {
  updateTicketSettingsStep(input)
  failAfterWrite()
})

const DEFAULTS = {
  id: "tktset_default",
  sla: {
    low: { first_response_minutes: 2880, resolution_minutes: 10080 },
    normal: { first_response_minutes: 1440, resolution_minutes: 4320 },
    high: { first_response_minutes: 240, resolution_minutes: 1440 },
    urgent: { first_response_minutes: 60, resolution_minutes: 480 },
  },
  business_hours: null,
  auto_close_days: 7,
  escalation_email: null,
}

const office = { time_zone: "Asia/Shanghai", weekdays: [5, 1, 3, 2, 4, 1], start_minute: 540, end_minute: 1080 }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const settings = async () => (await api.get("/admin/ticket-settings", admin)).data.settings
    const tickets = (): TicketsModuleService => getContainer().resolve(CrmModules.TICKETS)

    it("reads the defaults, changes only what is given (targets per priority), and clears business hours with null", async () => {
      expect(await settings()).toEqual(expect.objectContaining(DEFAULTS))
      const { data } = await api.post(
        "/admin/ticket-settings",
        { sla: { urgent: { first_response_minutes: 30, resolution_minutes: 240 } }, business_hours: office, auto_close_days: 14, escalation_email: "lead@crm.test" },
        admin
      )
      const changed = {
        ...DEFAULTS,
        sla: { ...DEFAULTS.sla, urgent: { first_response_minutes: 30, resolution_minutes: 240 } },
        business_hours: { ...office, weekdays: [1, 2, 3, 4, 5] },
        auto_close_days: 14,
        escalation_email: "lead@crm.test",
      }
      expect(data.settings).toEqual(expect.objectContaining(changed))
      expect(await settings()).toEqual(data.settings)

      const cleared = (await api.post("/admin/ticket-settings", { business_hours: null, escalation_email: null }, admin)).data.settings
      expect(cleared).toEqual(expect.objectContaining({ ...changed, business_hours: null, escalation_email: null }))
      expect((await api.post("/admin/ticket-settings", {}, admin)).data.settings).toEqual({ ...cleared, updated_at: expect.any(String) })
    })

    it("a bad change is a 400 naming the problem, and changes nothing", async () => {
      const before = await settings()
      const target = (first_response_minutes: unknown, resolution_minutes: unknown) => ({ sla: { high: { first_response_minutes, resolution_minutes } } })
      const bad: [object, RegExp | null][] = [
        [target(300, 200), /first_response_minutes cannot be longer than resolution_minutes/],
        [target(0, 200), null],
        [target(1.5, 200), null],
        [target(-5, 200), null],
        [target(60, "soon"), null],
        [{ sla: { high: { first_response_minutes: 60 } } }, null],
        [{ sla: { critical: { first_response_minutes: 60, resolution_minutes: 120 } } }, null],
        [{ business_hours: { ...office, time_zone: "Mars/Olympus" } }, /Unknown time zone "Mars\/Olympus"/],
        [{ business_hours: { ...office, weekdays: [] } }, /at least one weekday/],
        [{ business_hours: { ...office, weekdays: [7] } }, /at least one weekday/],
        [{ business_hours: { ...office, start_minute: 1080, end_minute: 540 } }, /open before they close/],
        [{ business_hours: { ...office, end_minute: 1500 } }, /open before they close/],
        [{ business_hours: { time_zone: "UTC" } }, null],
        [{ auto_close_days: 0 }, null],
        [{ auto_close_days: 366 }, null],
        [{ auto_close_days: 2.5 }, null],
        [{ escalation_email: "not-an-address" }, null],
        [{ colour: "red" }, null],
        // One bad field fails the whole change.
        [{ auto_close_days: 3, escalation_email: "nope" }, null],
      ]
      for (const [body, message] of bad) {
        const answer = await failedRequest(api.post("/admin/ticket-settings", body, admin))
        expect([body, answer.status]).toEqual([body, 400])
        if (message) {
          expect(answer.data.message).toMatch(message)
        }
      }
      expect(await settings()).toEqual(before)
    })

    it("anonymous callers get a 401 and change nothing", async () => {
      const anonymous = { headers: {} }
      expect((await failedRequest(api.get("/admin/ticket-settings", anonymous))).status).toBe(401)
      expect((await failedRequest(api.post("/admin/ticket-settings", { auto_close_days: 30 }, anonymous))).status).toBe(401)
      expect((await tickets().loadTicketSettings()).auto_close_days).toBe(7)
    })

    it("a failure after the change puts every changed setting back", async () => {
      await api.post("/admin/ticket-settings", { escalation_email: "before@crm.test", business_hours: office }, admin)
      const before = await tickets().loadTicketSettings()
      const { errors } = await settingsThenFail(getContainer()).run({
        input: { sla: { low: { first_response_minutes: 10, resolution_minutes: 20 } }, business_hours: null, escalation_email: null, auto_close_days: 1 },
        throwOnError: false,
      })
      expect(errors.map((e: any) => e.error.message)).toEqual(["injected failure"])
      expect(await tickets().loadTicketSettings()).toEqual(expect.objectContaining({ ...before, updated_at: expect.anything() }))
    })
  },
})
