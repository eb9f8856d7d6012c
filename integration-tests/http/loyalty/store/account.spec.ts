import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { createPublishableKey, registerCustomer } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(async () => {
      publishableKey = await createPublishableKey(getContainer())
    })

    describe("GET /store/loyalty/account", () => {
      it("answers the logged-in customer's account with zero balances", async () => {
        const customer = await registerCustomer(api, publishableKey, "ada@crm.test")

        const response = await api.get("/store/loyalty/account", { headers: customer.headers })

        expect(response.status).toEqual(200)
        expect(response.data.loyalty_account).toEqual({
          id: expect.stringMatching(/^lpacc_/),
          customer_id: customer.customerId,
          points_balance: 0,
          pending_points: 0,
          held_points: 0,
          lifetime_points: 0,
          tier: null,
          next_tier: null,
          points_to_next_tier: null,
          expiring_points: [],
        })
      })

      it("answers 401 without a logged-in customer", async () => {
        const response = await failedRequest(
          api.get("/store/loyalty/account", {
            headers: { "x-publishable-api-key": publishableKey },
          })
        )

        expect(response.status).toEqual(401)
      })

      it("opens the account on first read when customer.created never arrived", async () => {
        const container = getContainer()
        const customerModule = container.resolve(Modules.CUSTOMER)
        const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
        // Created through the module, not a workflow: no event is emitted.
        const customer = await registerCustomer(api, publishableKey, "grace@crm.test")
        await loyalty.deleteLoyaltyAccounts(
          (await loyalty.listLoyaltyAccounts({ customer_id: customer.customerId })).map((a) => a.id)
        )
        expect(await customerModule.retrieveCustomer(customer.customerId)).toBeTruthy()

        const first = await api.get("/store/loyalty/account", { headers: customer.headers })
        const second = await api.get("/store/loyalty/account", { headers: customer.headers })

        expect(first.data.loyalty_account.id).toEqual(second.data.loyalty_account.id)
        expect(
          await loyalty.listLoyaltyAccounts({ customer_id: customer.customerId })
        ).toHaveLength(1)
      })
    })
  },
})
