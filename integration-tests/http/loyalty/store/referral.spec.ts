import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../../src/types/modules"
import type LoyaltyModuleService from "../../../../src/modules/loyalty/service"
import { activatePointsWorkflow } from "../../../../src/workflows/loyalty/workflows/activate-points"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { deliver, subscribersOf } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(CrmModules.LOYALTY)

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      await loyalty().changeSettings({ referrer_bonus_points: 500, referee_bonus_points: 200, signup_bonus_points: 0 })
    })

    const signUp = (email: string, metadata?: Record<string, unknown>) =>
      registerMember(api, getContainer(), fixtures.publishableKey, email, metadata)
    const accountOf = async (customer: { headers: Record<string, string> }) =>
      (await api.get("/store/loyalty/account", { headers: customer.headers })).data.loyalty_account
    const placeOrder = (customer: { headers: Record<string, string> }) =>
      placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
    const vest = (orderId: string) => activatePointsWorkflow(getContainer()).run({ input: { order_ids: [orderId] } })
    const referralEntries = async () =>
      (await loyalty().listLoyaltyEntries({ reason: ["referral_referee_bonus", "referral_referrer_bonus"] } as any)).map(
        (entry) => ({ account_id: entry.account_id, points: entry.points, reason: entry.reason, key: entry.idempotency_key })
      )

    it("every member has a code to share, shown on their account", async () => {
      const ada = await signUp("ada@crm.test")
      const grace = await signUp("grace@crm.test")

      const [first, second] = [await accountOf(ada), await accountOf(grace)]

      expect(first.referral_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/)
      expect(second.referral_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/)
      expect(first.referral_code).not.toEqual(second.referral_code)
    })

    it("pays both sides once, when the referee's first order vests, however often it is delivered", async () => {
      const referrer = await signUp("referrer@crm.test")
      const code: string = (await accountOf(referrer)).referral_code
      // Typed loosely, as a customer would: lower case with a dash.
      const referee = await signUp("referee@crm.test", { referral_code: `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase() })
      const refereeAccount = await accountOf(referee)
      const referrerAccount = await accountOf(referrer)

      const order = await placeOrder(referee)
      expect(await referralEntries()).toEqual([]) // nothing while the order's points are pending

      await Promise.all([vest(order.id), vest(order.id)])
      await vest(order.id)
      const second = await placeOrder(referee)
      await vest(second.id)

      expect(await referralEntries()).toEqual(
        expect.arrayContaining([
          { account_id: refereeAccount.id, points: 200, reason: "referral_referee_bonus", key: `bonus:referral:referee:${referee.customerId}` },
          { account_id: referrerAccount.id, points: 500, reason: "referral_referrer_bonus", key: `bonus:referral:referrer:${referee.customerId}` },
        ])
      )
      expect(await referralEntries()).toHaveLength(2)
      expect((await accountOf(referrer)).points_balance).toEqual(500)
      // 25 + 25 from the two orders, 200 from the referral.
      expect((await accountOf(referee)).points_balance).toEqual(250)

      const admin = await createAdminUser(getContainer())
      const adminView = (await api.get(`/admin/customers/${referee.customerId}/loyalty`, admin)).data.loyalty_account
      expect(adminView.referred_by_customer_id).toEqual(referrer.customerId)
    })

    it("a cancelled first order pays nothing; the next order that vests pays", async () => {
      const referrer = await signUp("ref2@crm.test")
      const referee = await signUp("ree2@crm.test", { referral_code: (await accountOf(referrer)).referral_code })

      const cancelled = await placeOrder(referee)
      const canceledDone = subscribersOf(getContainer(), "order.canceled")
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: cancelled.id } })
      await canceledDone
      await vest(cancelled.id)
      expect(await referralEntries()).toEqual([])

      const kept = await placeOrder(referee)
      await vest(kept.id)

      expect((await referralEntries()).map((entry) => entry.points).sort()).toEqual([200, 500])
    })

    it("links once: customer.created delivered again, or an unknown code, changes nothing", async () => {
      const referrer = await signUp("ref3@crm.test")
      const other = await signUp("other3@crm.test")
      const referee = await signUp("ree3@crm.test", { referral_code: (await accountOf(referrer)).referral_code })
      const stranger = await signUp("stranger@crm.test", { referral_code: "ZZZZZZZZ" })

      // A second delivery after the customer changed the code in their metadata must not move the link.
      await getContainer()
        .resolve(Modules.CUSTOMER)
        .updateCustomers(referee.customerId, { metadata: { referral_code: (await accountOf(other)).referral_code } })
      await deliver(getContainer(), "customer.created", { id: referee.customerId }, 2)

      const [refereeAccount] = await loyalty().listLoyaltyAccounts({ customer_id: referee.customerId })
      const [strangerAccount] = await loyalty().listLoyaltyAccounts({ customer_id: stranger.customerId })
      expect(refereeAccount.referred_by_account_id).toEqual((await accountOf(referrer)).id)
      expect(strangerAccount.referred_by_account_id).toBeNull()
    })

    it("a member who has already earned cannot be linked as referred", async () => {
      const referrer = await signUp("ref4@crm.test")
      const member = await signUp("member4@crm.test")
      await placeOrder(member)

      const [account] = await loyalty().listLoyaltyAccounts({ customer_id: member.customerId })
      expect(await loyalty().linkReferrer(account.id, (await accountOf(referrer)).referral_code)).toBeNull()
      expect(await loyalty().linkReferrer(account.id, account.referral_code!)).toBeNull()
    })

    it("pays nothing when both referral bonuses are switched off", async () => {
      await loyalty().changeSettings({ referrer_bonus_points: 0, referee_bonus_points: 0 })
      const referrer = await signUp("ref5@crm.test")
      const referee = await signUp("ree5@crm.test", { referral_code: (await accountOf(referrer)).referral_code })

      await vest((await placeOrder(referee)).id)

      expect(await referralEntries()).toEqual([])
    })
  },
})
