import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { createAdminUser, createPublishableKey, registerCustomer } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(() => useReadableHttpErrors(api))

    describe("GET /admin/customers/:id/loyalty", () => {
      it("answers the customer's account, opening it when missing", async () => {
        const container = getContainer()
        const admin = await createAdminUser(container)
        const customer = await container
          .resolve(Modules.CUSTOMER)
          .createCustomers({ email: "widget@crm.test" })

        const response = await api.get(`/admin/customers/${customer.id}/loyalty`, admin)

        expect(response.status).toEqual(200)
        expect(response.data.loyalty_account).toEqual({
          id: expect.stringMatching(/^lpacc_/),
          customer_id: customer.id,
          points_balance: 0,
          available_points: 0,
          pending_points: 0,
          held_points: 0,
          lifetime_points: 0,
          tier: null,
          next_tier: null,
          points_to_next_tier: null,
          expiring_points: [],
          transactions: [],
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
      })

      it("answers 401 without an admin, also for a logged-in customer", async () => {
        const container = getContainer()
        const publishableKey = await createPublishableKey(container)
        const customer = await registerCustomer(api, publishableKey, "sneaky@crm.test")

        const anonymous = await failedRequest(
          api.get(`/admin/customers/${customer.customerId}/loyalty`)
        )
        const asCustomer = await failedRequest(
          api.get(`/admin/customers/${customer.customerId}/loyalty`, {
            headers: { authorization: `Bearer ${customer.token}` },
          })
        )

        expect(anonymous.status).toEqual(401)
        expect(asCustomer.status).toEqual(401)
      })

      it("answers 404 for an unknown customer and opens no account", async () => {
        const container = getContainer()
        const admin = await createAdminUser(container)

        const response = await failedRequest(
          api.get("/admin/customers/cus_does_not_exist/loyalty", admin)
        )

        expect(response.status).toEqual(404)
        expect(response.data).toEqual({
          type: "not_found",
          message: "Customer with id: cus_does_not_exist was not found",
        })
        const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
        expect(await loyalty.listLoyaltyAccounts({ customer_id: "cus_does_not_exist" })).toEqual([])
      })
    })
  },
})
