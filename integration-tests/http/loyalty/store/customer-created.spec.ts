import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { createPublishableKey, registerCustomer } from "../../../helpers/auth"
import { deliver } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)


medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(() => useReadableHttpErrors(api))

    const accountsOf = async (customerId: string) => {
      const loyalty: LoyaltyModuleService = getContainer().resolve(CrmModules.LOYALTY)
      return loyalty.listLoyaltyAccounts({ customer_id: customerId })
    }

    describe("customer.created", () => {
      it("opens a loyalty account for a customer who registers through the store API", async () => {
        const container = getContainer()
        const publishableKey = await createPublishableKey(container)
        const subscribersDone = TestEventUtils.waitSubscribersExecution(
          "customer.created",
          container.resolve(Modules.EVENT_BUS)
        )

        const customer = await registerCustomer(api, publishableKey, "linus@crm.test")
        await subscribersDone

        const accounts = await accountsOf(customer.customerId)
        expect(accounts).toHaveLength(1)
        expect(accounts[0]).toEqual(
          expect.objectContaining({ customer_id: customer.customerId, points_balance: 0 })
        )
      })

      it("leaves one account when the event is delivered twice, one after the other", async () => {
        const container = getContainer()
        const customer = await container
          .resolve(Modules.CUSTOMER)
          .createCustomers({ email: "twice@crm.test", has_account: true }) // no event: module call

        await deliver(container, "customer.created", { id: customer.id })
        await deliver(container, "customer.created", { id: customer.id })

        expect(await accountsOf(customer.id)).toHaveLength(1)
      })

      it("leaves one account when the event is delivered several times concurrently", async () => {
        const container = getContainer()
        const customer = await container
          .resolve(Modules.CUSTOMER)
          .createCustomers({ email: "concurrent@crm.test", has_account: true })

        await deliver(container, "customer.created", { id: customer.id }, 5)

        expect(await accountsOf(customer.id)).toHaveLength(1)
      })

      it("opens no account for a guest-checkout customer", async () => {
        const container = getContainer()
        const guest = await container.resolve(Modules.CUSTOMER).createCustomers({ email: "guest@crm.test" })

        await deliver(container, "customer.created", { id: guest.id })

        expect(await accountsOf(guest.id)).toHaveLength(0)
      })

      it("pays the sign-up bonus once, however often the event arrives", async () => {
        const container = getContainer()
        const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
        await loyalty.changeSettings({ signup_bonus_points: 250 })
        const customer = await container
          .resolve(Modules.CUSTOMER)
          .createCustomers({ email: "bonus@crm.test", has_account: true })

        await deliver(container, "customer.created", { id: customer.id }, 3)
        await deliver(container, "customer.created", { id: customer.id })

        const [account] = await accountsOf(customer.id)
        expect(account.points_balance).toEqual(250)
        const entries = await loyalty.listLoyaltyEntries({ account_id: account.id })
        expect(entries.map((e) => [e.type, e.points, e.idempotency_key])).toEqual([
          ["bonus", 250, `bonus:signup:${customer.id}`],
        ])
      })
    })
  },
})
