import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Medusa from "@medusajs/js-sdk"
import { createCrmClient } from "../../../../src/client"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { createPublishableKey, registerCustomer, registerMember } from "../../../helpers/auth"
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
      it("answers the logged-in customer's account with zero balances, on the lowest tier since sign-up", async () => {
        const customer = await registerMember(api, getContainer(), publishableKey, "ada@crm.test")

        const response = await api.get("/store/loyalty/account", { headers: customer.headers })

        expect(response.status).toEqual(200)
        expect(response.data.loyalty_account).toEqual({
          id: expect.stringMatching(/^lpacc_/),
          customer_id: customer.customerId,
          points_balance: 0,
          available_points: 0,
          pending_points: 0,
          held_points: 0,
          lifetime_points: 0,
          referral_code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
          tier: expect.objectContaining({ name: "Basic", rank: 0, threshold: 0 }),
          tier_since: expect.any(String),
          next_tier: expect.objectContaining({ name: "Silver", rank: 1, threshold: 500 }),
          points_to_next_tier: null,
          spend_to_next_tier: 500,
          tier_progress: {
            measure: "spend",
            period: "rolling",
            value: 0,
            currency_code: expect.any(String),
            window_starts_at: expect.any(String),
            remaining: 500,
            grace_ends_at: null,
          },
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
        const loyalty: LoyaltyModuleService = getContainer().resolve(CrmModules.LOYALTY)
        const customer = await registerCustomer(api, publishableKey, "grace@crm.test")
        // As if the event had been lost: remove what the subscriber opened.
        await loyalty.deleteLoyaltyAccounts(
          (await loyalty.listLoyaltyAccounts({ customer_id: customer.customerId })).map((a) => a.id)
        )
        expect(await loyalty.listLoyaltyAccounts({ customer_id: customer.customerId })).toEqual([])

        const first = await api.get("/store/loyalty/account", { headers: customer.headers })
        const second = await api.get("/store/loyalty/account", { headers: customer.headers })

        expect(first.data.loyalty_account.id).toEqual(second.data.loyalty_account.id)
        expect(
          await loyalty.listLoyaltyAccounts({ customer_id: customer.customerId })
        ).toHaveLength(1)
      })
    })


    describe("storefront client (medusa-plugin-crm/client)", () => {
      it("reads the account through @medusajs/js-sdk with the customer's JWT", async () => {
        const customer = await registerCustomer(api, publishableKey, "client@crm.test", "pass-1234")
        const sdk = new Medusa({
          baseUrl: api.defaults.baseURL!,
          publishableKey,
          auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
        })
        await sdk.auth.login("customer", "emailpass", {
          email: "client@crm.test",
          password: "pass-1234",
        })

        const { loyalty_account } = await createCrmClient(sdk).store.loyalty.retrieveAccount()

        expect(loyalty_account.customer_id).toEqual(customer.customerId)
        expect(loyalty_account.points_balance).toEqual(0)
      })

      it("surfaces the 401 of a storefront without a logged-in customer", async () => {
        const sdk = new Medusa({ baseUrl: api.defaults.baseURL!, publishableKey })

        await expect(createCrmClient(sdk).store.loyalty.retrieveAccount()).rejects.toMatchObject({
          status: 401,
        })
      })
    })

    it("gives each customer only their own account", async () => {
      const ada = await registerCustomer(api, publishableKey, "ada2@crm.test")
      const bob = await registerCustomer(api, publishableKey, "bob2@crm.test")

      const adaAccount = (await api.get("/store/loyalty/account", { headers: ada.headers })).data
      const bobAccount = (await api.get("/store/loyalty/account", { headers: bob.headers })).data

      expect(adaAccount.loyalty_account.customer_id).toEqual(ada.customerId)
      expect(bobAccount.loyalty_account.customer_id).toEqual(bob.customerId)
      expect(adaAccount.loyalty_account.id).not.toEqual(bobAccount.loyalty_account.id)
    })
  },
})
