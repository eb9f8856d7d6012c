import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { FilterableNotificationProps } from "@medusajs/framework/types"
import type CrmMailerService from "../../../src/modules/mailer/service"
import { CrmModules } from "../../../src/types/modules"
import { CrmEmailInput, sendCrmEmailsWorkflow } from "../../../src/workflows"
import {
  clearRecordedNotifications,
  recordedNotifications,
} from "../../providers/notification-recorder/service"
import { useReadableHttpErrors } from "../../helpers/http"

jest.setTimeout(120 * 1000)

const HOSTILE_NAME = "<script>alert(1)</script>"

const welcome = (overrides: Partial<CrmEmailInput> = {}): CrmEmailInput => ({
  to: "ada@crm.test",
  template: "loyalty-welcome",
  data: { first_name: HOSTILE_NAME, points_balance: 1250 },
  idempotency_key: "crm:loyalty-welcome:lpacc_test_1",
  trigger_type: "crm.loyalty.account_created",
  resource_id: "lpacc_test_1",
  resource_type: "loyalty_account",
  ...overrides,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // `emails.store_name` of the dev store (medusa-config.ts).
    const storeName = process.env.CRM_STORE_NAME ?? "CRM Demo Store"

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(() => clearRecordedNotifications())
    afterEach(() => jest.restoreAllMocks())

    // The module filters on any column; its filter type omits this one.
    const notificationsWithKey = (key: string) =>
      getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ idempotency_key: key } as FilterableNotificationProps)

    describe("sendCrmEmailsWorkflow", () => {
      it("hands the provider the rendered e-mail with hostile data escaped in the HTML", async () => {
        const { result } = await sendCrmEmailsWorkflow(getContainer()).run({
          input: { emails: [welcome()] },
        })

        expect(result.sending_enabled).toBe(true)
        expect(result.notifications).toHaveLength(1)

        const received = recordedNotifications()
        expect(received).toHaveLength(1)
        const [notification] = received
        expect(notification).toEqual(
          expect.objectContaining({
            to: "ada@crm.test",
            channel: "email",
            template: "loyalty-welcome",
            data: { first_name: HOSTILE_NAME, points_balance: 1250, locale: "en" },
          })
        )

        const content = notification.content!
        expect(content.subject).toEqual(`Welcome to the ${storeName} rewards programme`)
        expect(content.html).toContain("Welcome, &lt;script&gt;alert(1)&lt;/script&gt;!")
        expect(content.html).not.toContain("<script")
        expect(content.html).toContain("<!DOCTYPE html>")
        expect(content.html).toContain("1,250")
        // Plain text is not markup: the name is shown as typed.
        expect(content.text).toContain(`Welcome, ${HOSTILE_NAME}!`)
        expect(content.text).toContain("Your points balance: 1,250 points")

        const [stored] = await notificationsWithKey("crm:loyalty-welcome:lpacc_test_1")
        expect(stored).toEqual(
          expect.objectContaining({
            status: "success",
            provider_id: "recorder",
            trigger_type: "crm.loyalty.account_created",
            resource_id: "lpacc_test_1",
            resource_type: "loyalty_account",
          })
        )
      })

      it("keeps a subject on one line whatever the data holds", async () => {
        await sendCrmEmailsWorkflow(getContainer()).run({
          input: {
            emails: [
              welcome({
                data: { store_name: "Shop\r\nBcc: victim@example.com", points_balance: 1 },
              }),
            ],
          },
        })

        const [notification] = recordedNotifications()
        expect(notification.content!.subject).toEqual(
          "Welcome to the Shop Bcc: victim@example.com rewards programme"
        )
      })

      it("renders each e-mail of a batch in its own locale", async () => {
        await sendCrmEmailsWorkflow(getContainer()).run({
          input: {
            emails: [
              welcome({ to: "en@crm.test", idempotency_key: "crm:test:en" }),
              welcome({ to: "zh@crm.test", idempotency_key: "crm:test:zh", locale: "zh-CN" }),
            ],
          },
        })

        const byRecipient = Object.fromEntries(recordedNotifications().map((n) => [n.to, n]))
        expect(byRecipient["en@crm.test"].content!.subject).toEqual(
          `Welcome to the ${storeName} rewards programme`
        )
        expect(byRecipient["zh@crm.test"].content!.subject).toEqual(`欢迎加入${storeName}会员积分计划`)
        expect(byRecipient["zh@crm.test"].content!.html).toContain(
          "&lt;script&gt;alert(1)&lt;/script&gt;，欢迎您！"
        )
        expect(byRecipient["zh@crm.test"].data).toEqual(expect.objectContaining({ locale: "zh-CN" }))
        expect(await notificationsWithKey("crm:test:zh")).toEqual([
          expect.objectContaining({ to: "zh@crm.test", template: "loyalty-welcome" }),
        ])
      })

      it("sends an idempotency key once when run again", async () => {
        const first = await sendCrmEmailsWorkflow(getContainer()).run({
          input: { emails: [welcome()] },
        })
        const second = await sendCrmEmailsWorkflow(getContainer()).run({
          input: { emails: [welcome({ data: { first_name: "Again", points_balance: 5 } })] },
        })

        expect(first.result.notifications).toHaveLength(1)
        expect(second.result.notifications).toHaveLength(0)
        expect(recordedNotifications()).toHaveLength(1)
        expect(recordedNotifications()[0].content!.html).toContain("&lt;script&gt;")
        expect(await notificationsWithKey("crm:loyalty-welcome:lpacc_test_1")).toHaveLength(1)
      })

      it("sends an idempotency key once when runs race or a batch repeats it", async () => {
        const runs = await Promise.allSettled(
          [1, 2, 3].map(() =>
            sendCrmEmailsWorkflow(getContainer()).run({
              input: { emails: [welcome(), welcome({ to: "twin@crm.test" })] },
            })
          )
        )

        expect(runs.some((run) => run.status === "fulfilled")).toBe(true)
        // A run that loses the race fails on the Notification module's unique
        // index (a redelivery would then find the key sent and send nothing).
        for (const run of runs) {
          if (run.status === "rejected") {
            expect(run.reason.message).toContain("already exists")
          }
        }
        expect(recordedNotifications()).toHaveLength(1)
        expect(recordedNotifications()[0].to).toEqual("ada@crm.test")
        expect(await notificationsWithKey("crm:loyalty-welcome:lpacc_test_1")).toHaveLength(1)
      })

      it("renders but sends nothing when e-mails are disabled", async () => {
        const mailer = getContainer().resolve<CrmMailerService>(CrmModules.MAILER)
        jest
          .spyOn(mailer, "getDeliverySettings")
          .mockReturnValue({ enabled: false, channel: "email" })

        const { result } = await sendCrmEmailsWorkflow(getContainer()).run({
          input: { emails: [welcome()] },
        })

        expect(result.sending_enabled).toBe(false)
        expect(result.emails).toHaveLength(1)
        expect(result.emails[0].content.html).toContain("&lt;script&gt;")
        expect(result.notifications).toEqual([])
        expect(recordedNotifications()).toHaveLength(0)
        expect(await notificationsWithKey("crm:loyalty-welcome:lpacc_test_1")).toHaveLength(0)
      })

      it("fails before sending anything when one e-mail of the batch cannot be rendered", async () => {
        const run = sendCrmEmailsWorkflow(getContainer()).run({
          input: {
            emails: [
              welcome(),
              welcome({ template: "no-such-template", idempotency_key: "crm:test:missing" }),
            ],
          },
        })

        // The workflow engine rejects with a plain copy of the error, not an Error.
        await expect(run).rejects.toMatchObject({
          message: expect.stringContaining(
            'e-mail template "no-such-template" has no subject part for locale "en"'
          ),
        })
        expect(recordedNotifications()).toHaveLength(0)
      })
    })
  },
})
