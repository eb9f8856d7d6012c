import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { createAdminUser, Headers } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers & { userId: string }

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const newCustomer = async (email: string, first_name = "Ada") =>
      getContainer().resolve(Modules.CUSTOMER).createCustomers({ email, first_name, last_name: "Lovelace" })
    const entriesOf = async (customerId: string) => {
      const loyalty: LoyaltyModuleService = getContainer().resolve(CrmModules.LOYALTY)
      const account = await loyalty.retrieveAccountByCustomer(customerId)
      return account ? loyalty.listLoyaltyEntries({ account_id: account.id }) : []
    }

    describe("/admin/loyalty/settings", () => {
      it("answers the documented defaults, then a partial update", async () => {
        const before = await api.get("/admin/loyalty/settings", admin)
        expect(before.data.settings).toEqual(
          expect.objectContaining({
            earn_rate: 1,
            point_value: 0.01,
            pending_days: 14,
            expiry_months: 12,
            max_redeem_ratio: 0.5,
            min_redeem_points: 100,
            activation: "delivery_or_days",
            reversal_overdraft: "clamp",
          })
        )

        const after = await api.post(
          "/admin/loyalty/settings",
          { earn_rate: 2.5, earn_rates: { usd: 1 }, expiry_months: null, reversal_overdraft: "arrears" },
          admin
        )

        expect(after.data.settings).toEqual(
          expect.objectContaining({ earn_rate: 2.5, earn_rates: { usd: 1 }, expiry_months: null, reversal_overdraft: "arrears", point_value: 0.01 })
        )
        expect((await api.get("/admin/loyalty/settings", admin)).data.settings.earn_rate).toEqual(2.5)
      })

      it("replaces a per-currency map: a removed currency goes away", async () => {
        await api.post("/admin/loyalty/settings", { earn_rates: { usd: 1, jpy: 0.01 } }, admin)

        const after = await api.post("/admin/loyalty/settings", { earn_rates: { jpy: 0.02 } }, admin)

        expect(after.data.settings.earn_rates).toEqual({ jpy: 0.02 })
      })

      it.each([
        [{ earn_rate: -1 }, "earn_rate"],
        [{ max_redeem_ratio: 1.5 }, "max_redeem_ratio"],
        [{ activation: "weekly" }, "activation"],
        [{ earn_rates: { EUR: 1 } }, "currency codes"],
        [{ earn_ratee: 2 }, "earn_ratee"],
      ])("refuses %j with a 400 that names the problem, and writes nothing", async (body, named) => {
        const response = await failedRequest(api.post("/admin/loyalty/settings", body, admin))

        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(named)
        expect((await api.get("/admin/loyalty/settings", admin)).data.settings.earn_rate).toEqual(1)
      })

      it("answers 401 without an admin", async () => {
        expect((await failedRequest(api.get("/admin/loyalty/settings"))).status).toEqual(401)
        expect((await failedRequest(api.post("/admin/loyalty/settings", { earn_rate: 3 }))).status).toEqual(401)
      })
    })

    describe("POST /admin/customers/:id/loyalty/adjustments", () => {
      it("adds and deducts points with a reason, recorded with the admin who did it", async () => {
        const customer = await newCustomer("adjust@crm.test")

        await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: 100, reason: "Goodwill after a late parcel" }, admin)
        const response = await api.post(
          `/admin/customers/${customer.id}/loyalty/adjustments`,
          { points: -30, reason: "Correction of a double credit" },
          admin
        )

        const account = response.data.loyalty_account
        expect(account).toEqual(expect.objectContaining({ points_balance: 70, available_points: 70, lifetime_points: 100 }))
        expect(account.transactions.map((t: any) => [t.type, t.points, t.note, t.actor_id])).toEqual([
          ["adjust", -30, "Correction of a double credit", admin.userId],
          ["adjust", 100, "Goodwill after a late parcel", admin.userId],
        ])
        expect(account.transactions[1].expires_at).toEqual(expect.any(String))
      })

      it("refuses a deduction the available points do not cover with 409, writing nothing", async () => {
        const customer = await newCustomer("broke@crm.test")
        await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: 10, reason: "Welcome gift" }, admin)

        const response = await failedRequest(
          api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: -11, reason: "Too much" }, admin)
        )

        expect(response.status).toEqual(409)
        expect(response.data.message).toEqual("Not enough points: 11 needed, 10 available")
        expect(await entriesOf(customer.id)).toHaveLength(1)
      })

      it.each([
        [{ points: 10 }, "reason"],
        [{ points: 10, reason: "  " }, "reason"],
        [{ points: 0, reason: "Nothing" }, "points must not be 0"],
        [{ points: 1.5, reason: "Half a point" }, "points"],
        [{ points: "10", reason: "A string" }, "points"],
        [{ points: 10, reason: "ok reason", extra: true }, "extra"],
      ])("refuses %j with a 400 naming the problem, writing nothing", async (body, named) => {
        const customer = await newCustomer(`bad-${Math.random()}@crm.test`)

        const response = await failedRequest(api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, body, admin))

        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(named)
        expect(await entriesOf(customer.id)).toHaveLength(0)
      })

      it("applies a retried request with the same Idempotency-Key once", async () => {
        const customer = await newCustomer("retry@crm.test")
        const send = () =>
          api.post(
            `/admin/customers/${customer.id}/loyalty/adjustments`,
            { points: 50, reason: "Retried request" },
            { headers: { ...admin.headers, "idempotency-key": "req-123" } }
          )

        await send()
        const second = await send()

        expect(second.data.loyalty_account.points_balance).toEqual(50)
        expect(await entriesOf(customer.id)).toHaveLength(1)
      })

      it("refuses an Idempotency-Key reused for a different adjustment with a 409, changing nothing", async () => {
        const customer = await newCustomer("reuse@crm.test")
        const send = (points: number) =>
          api.post(
            `/admin/customers/${customer.id}/loyalty/adjustments`,
            { points, reason: "Goodwill" },
            { headers: { ...admin.headers, "idempotency-key": "req-456" } }
          )

        await send(50)
        const reused = await failedRequest(send(500))

        expect(reused.status).toEqual(409)
        expect(reused.data.message).toContain("already used for a different adjustment")
        expect(await entriesOf(customer.id)).toHaveLength(1)
        expect((await api.get(`/admin/customers/${customer.id}/loyalty`, admin)).data.loyalty_account.points_balance).toEqual(50)
      })

      it("answers 404 for an unknown customer and 401 without an admin", async () => {
        const unknown = await failedRequest(
          api.post("/admin/customers/cus_nope/loyalty/adjustments", { points: 5, reason: "Nobody" }, admin)
        )
        const anonymous = await failedRequest(
          api.post("/admin/customers/cus_nope/loyalty/adjustments", { points: 5, reason: "Nobody" })
        )

        expect(unknown.status).toEqual(404)
        expect(anonymous.status).toEqual(401)
      })
    })

    describe("GET /admin/loyalty/accounts", () => {
      it("lists accounts by balance with their customer, searchable and paginated", async () => {
        const rich = await newCustomer("rich@crm.test", "Rich")
        const poor = await newCustomer("poor@crm.test", "Poor")
        await api.post(`/admin/customers/${rich.id}/loyalty/adjustments`, { points: 500, reason: "Seed data" }, admin)
        await api.post(`/admin/customers/${poor.id}/loyalty/adjustments`, { points: 5, reason: "Seed data" }, admin)

        const all = await api.get("/admin/loyalty/accounts", admin)
        const searched = await api.get("/admin/loyalty/accounts?q=poor", admin)
        const paged = await api.get("/admin/loyalty/accounts?limit=1&offset=1", admin)

        expect(all.data.loyalty_accounts.map((a: any) => [a.customer.email, a.points_balance])).toEqual([
          ["rich@crm.test", 500],
          ["poor@crm.test", 5],
        ])
        expect(all.data).toEqual(expect.objectContaining({ count: 2, offset: 0, limit: 20 }))
        expect(searched.data.loyalty_accounts.map((a: any) => a.customer.email)).toEqual(["poor@crm.test"])
        expect(paged.data.loyalty_accounts.map((a: any) => a.customer.email)).toEqual(["poor@crm.test"])
      })

      it("finds a member by their referral code, typed loosely", async () => {
        const member = await newCustomer("coded@crm.test", "Coded")
        await newCustomer("other@crm.test", "Other")
        const { loyalty_account } = (await api.get(`/admin/customers/${member.id}/loyalty`, admin)).data
        const typed = `${loyalty_account.referral_code.slice(0, 4)}-${loyalty_account.referral_code.slice(4)}`.toLowerCase()

        const found = await api.get(`/admin/loyalty/accounts?q=${encodeURIComponent(typed)}`, admin)

        expect(found.data.loyalty_accounts.map((a: any) => a.customer.email)).toEqual(["coded@crm.test"])
      })

      it("refuses a limit above 100", async () => {
        const response = await failedRequest(api.get("/admin/loyalty/accounts?limit=101", admin))
        expect(response.status).toEqual(400)
      })
    })

    describe("/admin/loyalty/campaigns", () => {
      it("creates a campaign (201) and lists it", async () => {
        const created = await api.post(
          "/admin/loyalty/campaigns",
          {
            name: "Double points weekend",
            multiplier: 2,
            starts_at: "2026-06-01T00:00:00Z",
            ends_at: "2026-07-01T00:00:00Z",
            weekdays: [0, 6],
          },
          admin
        )
        const list = await api.get("/admin/loyalty/campaigns", admin)

        expect(created.status).toEqual(201)
        expect(created.data.campaign).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^lpcmp_/), multiplier: 2, weekdays: [0, 6], active: true })
        )
        expect(list.data).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
      })

      it.each([
        [{ name: "Backwards", multiplier: 2, starts_at: "2026-07-01", ends_at: "2026-06-01" }, "ends_at must be after starts_at"],
        [{ name: "Zero", multiplier: 0, starts_at: "2026-06-01", ends_at: "2026-07-01" }, "multiplier"],
        [{ name: "Day 0", multiplier: 2, starts_at: "2026-06-01", ends_at: "2026-07-01", days_of_month: [0] }, "days_of_month"],
        [{ multiplier: 2, starts_at: "2026-06-01", ends_at: "2026-07-01" }, "name"],
      ])("refuses %j with a 400 naming the problem, writing nothing", async (body, named) => {
        const response = await failedRequest(api.post("/admin/loyalty/campaigns", body, admin))

        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(named)
        expect((await api.get("/admin/loyalty/campaigns", admin)).data.count).toEqual(0)
      })

      it("answers 401 without an admin", async () => {
        expect((await failedRequest(api.get("/admin/loyalty/campaigns"))).status).toEqual(401)
      })
    })

    describe("/admin/loyalty/campaigns/:id", () => {
      const createCampaign = async () =>
        (
          await api.post(
            "/admin/loyalty/campaigns",
            { name: "Member day", multiplier: 2, starts_at: "2026-06-01T00:00:00Z", ends_at: "2026-07-01T00:00:00Z", days_of_month: [1] },
            admin
          )
        ).data.campaign

      it("changes only the fields given", async () => {
        const campaign = await createCampaign()

        const updated = await api.post(`/admin/loyalty/campaigns/${campaign.id}`, { multiplier: 3, active: false }, admin)

        expect(updated.data.campaign).toEqual(
          expect.objectContaining({ id: campaign.id, name: "Member day", multiplier: 3, active: false, days_of_month: [1] })
        )
        expect((await api.get(`/admin/loyalty/campaigns/${campaign.id}`, admin)).data.campaign.multiplier).toEqual(3)
      })

      it.each([
        [{ ends_at: "2026-05-01T00:00:00Z" }, "ends_at must be after starts_at"],
        [{ starts_at: "2026-08-01T00:00:00Z", ends_at: "2026-07-15T00:00:00Z" }, "ends_at must be after starts_at"],
        [{}, "at least one field"],
        [{ multiplier: 11 }, "multiplier"],
        [{ colour: "red" }, "colour"],
      ])("refuses %j with a 400, changing nothing", async (body, named) => {
        const campaign = await createCampaign()

        const response = await failedRequest(api.post(`/admin/loyalty/campaigns/${campaign.id}`, body, admin))

        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(named)
        expect((await api.get(`/admin/loyalty/campaigns/${campaign.id}`, admin)).data.campaign).toEqual(campaign)
      })

      it("deletes a campaign: gone from the list, 404 afterwards", async () => {
        const campaign = await createCampaign()

        const deleted = await api.delete(`/admin/loyalty/campaigns/${campaign.id}`, admin)

        expect(deleted.data).toEqual({ id: campaign.id, object: "loyalty_campaign", deleted: true })
        expect((await api.get("/admin/loyalty/campaigns", admin)).data.count).toEqual(0)
        expect((await failedRequest(api.get(`/admin/loyalty/campaigns/${campaign.id}`, admin))).status).toEqual(404)
        expect((await failedRequest(api.delete(`/admin/loyalty/campaigns/${campaign.id}`, admin))).status).toEqual(404)
      })

      it("answers 404 for an unknown campaign and 401 without an admin", async () => {
        expect((await failedRequest(api.post("/admin/loyalty/campaigns/lpcmp_nope", { multiplier: 2 }, admin))).status).toEqual(404)
        expect((await failedRequest(api.delete("/admin/loyalty/campaigns/lpcmp_nope"))).status).toEqual(401)
        expect((await failedRequest(api.post("/admin/loyalty/campaigns/lpcmp_nope", { multiplier: 2 }))).status).toEqual(401)
      })
    })
  },
})
