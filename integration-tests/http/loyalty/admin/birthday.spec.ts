import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { awardBirthdayBonusesWorkflow } from "../../../../src/workflows/loyalty/workflows/award-birthday-bonuses"
import { saveTierWorkflow } from "../../../../src/workflows/tiers/workflows/save-tier"
import { deliver } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(() => useReadableHttpErrors(api))

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(CrmModules.LOYALTY)
    const member = async (email: string, birthday: string) => {
      const customer = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers({ email, has_account: true, metadata: { birthday } })
      await deliver(getContainer(), "customer.created", { id: customer.id })
      return customer
    }
    const bonusesOf = async (customerId: string) => {
      const account = (await loyalty().retrieveAccountByCustomer(customerId))!
      return (await loyalty().listLoyaltyEntries({ account_id: account.id, type: "bonus" })).map((e) => [e.points, e.idempotency_key])
    }
    const nextOccurrence = (mmdd: string, minDaysAhead: number) => {
      const now = new Date()
      for (let year = now.getUTCFullYear(); ; year++) {
        const day = new Date(`${year}-${mmdd}T09:00:00Z`)
        if (day.getTime() - now.getTime() >= minDaysAhead * 24 * 60 * 60 * 1000) return day
      }
    }

    beforeEach(async () => {
      await loyalty().changeSettings({ birthday_bonus_points: 100 })
    })

    it("pays the birthday bonus once on the birthday, entered well before", async () => {
      const customer = await member("bday@crm.test", "1990-05-20")
      const birthday = nextOccurrence("05-20", 31)

      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: birthday } })
      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: birthday } })

      expect(await bonusesOf(customer.id)).toEqual([[100, `bonus:birthday:${customer.id}:${birthday.getUTCFullYear()}`]])
    })

    it("a member's tier may set its own birthday bonus; a tier without one pays the settings' bonus", async () => {
      const basic = (await loyalty().tierLadder()).find((tier) => tier.rank === 0)!
      await saveTierWorkflow(getContainer()).run({ input: { id: basic.id, birthday_bonus_points: 40 } })
      const customer = await member("tiered@crm.test", "1990-06-11") // on Basic from sign-up
      const birthday = nextOccurrence("06-11", 31)

      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: birthday } })
      expect((await bonusesOf(customer.id)).map(([points]) => points)).toEqual([40])

      await saveTierWorkflow(getContainer()).run({ input: { id: basic.id, birthday_bonus_points: null } })
      const nextYear = new Date(birthday)
      nextYear.setUTCFullYear(birthday.getUTCFullYear() + 1)
      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: nextYear } })
      expect((await bonusesOf(customer.id)).map(([points]) => points as number).sort((a, b) => a - b)).toEqual([40, 100])
    })

    it("does not pay a birthday entered less than 30 days before it, but does the year after", async () => {
      const soon = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000)
      const mmdd = soon.toISOString().slice(5, 10)
      const customer = await member("late@crm.test", `1985-${mmdd}`)

      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: soon } })
      expect(await bonusesOf(customer.id)).toEqual([])

      const nextYear = new Date(soon)
      nextYear.setUTCFullYear(soon.getUTCFullYear() + 1)
      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: nextYear } })
      expect(await bonusesOf(customer.id)).toHaveLength(1)
    })

    it("follows a birthday changed later (customer.updated), restarting its 30 days", async () => {
      const customer = await member("change@crm.test", "1990-01-15")
      await getContainer().resolve(Modules.CUSTOMER).updateCustomers(customer.id, { metadata: { birthday: "1990-08-03" } })
      await deliver(getContainer(), "customer.updated", { id: customer.id }, 2)

      const account = (await loyalty().retrieveAccountByCustomer(customer.id))!
      expect(account.birthday).toEqual("08-03")
      await awardBirthdayBonusesWorkflow(getContainer()).run({ input: { day: nextOccurrence("01-15", 31) } })
      expect(await bonusesOf(customer.id)).toEqual([])
    })
  },
})
