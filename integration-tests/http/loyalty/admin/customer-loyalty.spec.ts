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
          referral_code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{8}$/),
          referred_by_customer_id: null,
          // Not placed yet (no customer.created here): the lowest tier is next, with nothing left to do.
          tier: null,
          tier_since: null,
          next_tier: expect.objectContaining({ name: "Basic", rank: 0 }),
          points_to_next_tier: null,
          spend_to_next_tier: 0,
          tier_progress: expect.objectContaining({ measure: "spend", value: 0, remaining: 0 }),
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

    describe("GET /admin/customers/:id/loyalty/transactions", () => {
      it("pages through the whole ledger, newest first, with the count", async () => {
        const container = getContainer()
        const admin = await createAdminUser(container)
        const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email: "pages@crm.test" })
        for (let i = 1; i <= 25; i++) {
          await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: i, reason: `goodwill ${i}` }, admin)
        }

        const first = await api.get(`/admin/customers/${customer.id}/loyalty/transactions?limit=10`, admin)
        const last = await api.get(`/admin/customers/${customer.id}/loyalty/transactions?limit=10&offset=20`, admin)

        expect(first.data).toEqual(expect.objectContaining({ count: 25, offset: 0, limit: 10 }))
        expect(first.data.transactions.map((t: { points: number }) => t.points)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16])
        expect(last.data.transactions.map((t: { points: number }) => t.points)).toEqual([5, 4, 3, 2, 1])
        expect(last.data.transactions[0]).toEqual(
          expect.objectContaining({ type: "adjust", reason: "admin_adjustment", note: "goodwill 5", actor_type: "user", actor_id: admin.userId })
        )
      })

      it("answers 400 for a bad page, 404 for an unknown customer, 401 without an admin", async () => {
        const container = getContainer()
        const admin = await createAdminUser(container)
        const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email: "pages2@crm.test" })

        const tooMany = await failedRequest(api.get(`/admin/customers/${customer.id}/loyalty/transactions?limit=500`, admin))
        const unknown = await failedRequest(api.get("/admin/customers/cus_nope/loyalty/transactions", admin))
        const anonymous = await failedRequest(api.get(`/admin/customers/${customer.id}/loyalty/transactions`))

        expect(tooMany.status).toEqual(400)
        expect(unknown.status).toEqual(404)
        expect(anonymous.status).toEqual(401)
      })
    })
  },
})
