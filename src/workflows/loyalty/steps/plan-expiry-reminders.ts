import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"
import { CrmModules } from "../../../types/modules"

export const planExpiryRemindersStepId = "crm-plan-expiry-reminders"

const DAY_MS = 24 * 60 * 60 * 1000

const formatDay = (date: Date, locale: string) =>
  new Intl.DateTimeFormat(locale === "zh-CN" ? "zh-CN" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date)

/**
 * One reminder per account whose available points expire within the
 * reminder window, keyed by account and first expiry day, so the daily job
 * sends each reminder once. Customers without an e-mail get none.
 */
export const planExpiryRemindersStep = createStep(
  planExpiryRemindersStepId,
  async (input: { now: Date | string; limit: number; after_account_id?: string }, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const settings = await loyalty.loadSettings()
    if (!settings.expiry_months || settings.expiry_reminder_days <= 0) {
      return new StepResponse({ emails: [] as CrmEmailInput[], last_account_id: null as string | null })
    }
    const now = new Date(input.now)
    const due = await loyalty.expiringSoonByAccount({
      from: now,
      until: new Date(now.getTime() + settings.expiry_reminder_days * DAY_MS),
      limit: input.limit,
      after_account_id: input.after_account_id,
    })
    const customers = due.length
      ? await container
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: due.map((d) => d.customer_id) }, { select: ["id", "email", "first_name", "metadata"] })
      : []

    const emails: CrmEmailInput[] = []
    for (const row of due) {
      const customer = customers.find((c) => c.id === row.customer_id)
      if (!customer?.email) {
        continue
      }
      const locale = customerLocale(customer)
      const firstExpiry = new Date(row.first_expiry)
      emails.push({
        to: customer.email,
        template: "loyalty-expiry-reminder",
        locale,
        data: {
          first_name: customer.first_name ?? null,
          points: row.points,
          points_balance: row.points_balance,
          expires_on: formatDay(firstExpiry, locale ?? ""),
        },
        idempotency_key: `crm:loyalty-expiry-reminder:${row.account_id}:${firstExpiry.toISOString().slice(0, 10)}`,
        trigger_type: "crm.loyalty.expiry_reminder",
        resource_id: row.account_id,
        resource_type: "loyalty_account",
        receiver_id: customer.id,
      })
    }
    return new StepResponse({ emails, last_account_id: due.length ? due[due.length - 1].account_id : null })
  }
)
