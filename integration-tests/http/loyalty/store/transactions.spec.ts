import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, createPublishableKey, registerCustomer } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeAll(() => useReadableHttpErrors(api))

    it("shows the customer their own ledger, newest first, paginated", async () => {
      const container = getContainer()
      const admin = await createAdminUser(container)
      const key = await createPublishableKey(container)
      const ada = await registerCustomer(api, key, "ada-tx@crm.test")
      const bob = await registerCustomer(api, key, "bob-tx@crm.test")
      for (const [points, reason] of [[100, "Welcome"], [-20, "Correction"], [7, "Survey thanks"]] as const) {
        await api.post(`/admin/customers/${ada.customerId}/loyalty/adjustments`, { points, reason }, admin)
      }

      const page = await api.get("/store/loyalty/transactions?limit=2", { headers: ada.headers })
      const rest = await api.get("/store/loyalty/transactions?limit=2&offset=2", { headers: ada.headers })
      const bobs = await api.get("/store/loyalty/transactions", { headers: bob.headers })

      expect(page.data).toEqual(expect.objectContaining({ count: 3, offset: 0, limit: 2 }))
      expect(page.data.transactions.map((t: any) => t.points)).toEqual([7, -20])
      expect(rest.data.transactions.map((t: any) => [t.points, t.type, t.status])).toEqual([[100, "adjust", "available"]])
      expect(page.data.transactions[0]).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^lpent_/),
          reason: "admin_adjustment",
          reference_type: "admin",
          created_at: expect.any(String),
          expires_at: expect.any(String),
        })
      )
      expect(bobs.data).toEqual({ transactions: [], count: 0, offset: 0, limit: 20 })

      const account = await api.get("/store/loyalty/account", { headers: ada.headers })
      expect(account.data.loyalty_account).toEqual(
        expect.objectContaining({
          points_balance: 87,
          available_points: 87,
          expiring_points: [{ points: 87, expires_at: expect.any(String) }],
        })
      )
    })

    it("answers 401 without a customer and 400 for a bad page", async () => {
      const key = await createPublishableKey(getContainer())
      const ada = await registerCustomer(api, key, "ada-tx2@crm.test")

      const anonymous = await failedRequest(api.get("/store/loyalty/transactions", { headers: { "x-publishable-api-key": key } }))
      const tooMany = await failedRequest(api.get("/store/loyalty/transactions?limit=500", { headers: ada.headers }))
      const negative = await failedRequest(api.get("/store/loyalty/transactions?offset=-1", { headers: ada.headers }))
      const unknown = await failedRequest(api.get("/store/loyalty/transactions?customer_id=cus_other", { headers: ada.headers }))

      expect(anonymous.status).toEqual(401)
      expect([tooMany.status, negative.status, unknown.status]).toEqual([400, 400, 400])
    })
  },
})
