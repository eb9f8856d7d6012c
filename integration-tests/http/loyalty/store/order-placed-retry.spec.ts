import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import fs from "fs"
import os from "os"
import path from "path"
import qualifyAndEarnOnOrderPlaced from "../../../../src/subscribers/order-placed-qualify-and-earn"
import { testFaultMarker } from "../../../../src/utils/test-faults"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { deliver } from "../../../helpers/events"
import { useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { loyaltyOf, tierNameOf, tiersByName } from "../../../helpers/tiers"

jest.setTimeout(180 * 1000)

const POINT = "order-placed-earn"

/**
 * A transient failure of the order.placed subscriber, injected with the
 * test fault switch right after the order's points are credited, and its
 * retry. The local event bus has no retries: the test re-runs the failed
 * subscriber itself, as the Redis bus does with `attempts` (it re-runs only
 * the subscribers that failed). Tiers are earned in points here, so the
 * failure leaves visible work undone (the upgrade after the points) that
 * the retry must finish.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let faultsDir: string
    let errors: unknown[]
    const envBefore = { faults: process.env.CRM_TEST_FAULTS, dir: process.env.CRM_TEST_FAULTS_DIR }

    beforeAll(() => useReadableHttpErrors(api))

    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      const admin = await createAdminUser(getContainer())
      await api.post("/admin/loyalty/settings", { tier_measure: "points" }, admin)
      await api.post(`/admin/loyalty/tiers/${(await tiersByName(getContainer())).Silver.id}`, { threshold: 50 }, admin)
      faultsDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-test-faults-"))
      errors = []
      const logger = getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      jest.spyOn(logger, "error").mockImplementation((message: unknown) => void errors.push(message))
    })
    afterEach(() => {
      for (const [name, value] of [["CRM_TEST_FAULTS", envBefore.faults], ["CRM_TEST_FAULTS_DIR", envBefore.dir]] as const) {
        if (value === undefined) {
          delete process.env[name]
        } else {
          process.env[name] = value
        }
      }
      fs.rmSync(faultsDir, { recursive: true, force: true })
      jest.restoreAllMocks()
    })

    const switchFaultOn = () => {
      process.env.CRM_TEST_FAULTS = POINT
      process.env.CRM_TEST_FAULTS_DIR = faultsDir
    }
    const earnEntriesOf = async (orderId: string) =>
      (await loyaltyOf(getContainer()).listLoyaltyEntries({ source_id: orderId, type: "earn" })).map((entry) => ({
        points: entry.points,
        pending_delta: entry.pending_delta,
        key: entry.idempotency_key,
      }))
    const accountOf = async (headers: Record<string, string>) =>
      (await api.get("/store/loyalty/account", { headers })).data.loyalty_account
    const faultErrors = () =>
      errors.filter((error): error is Error => error instanceof Error && error.message.startsWith("crm test fault:"))

    it("the subscriber's first delivery fails after the earn; its retry finishes the work and earns nothing twice", async () => {
      const buyer = await registerMember(api, getContainer(), fixtures.publishableKey, "retry@crm.test")
      switchFaultOn()

      const order = await placeOrderAndWait(api, getContainer(), fixtures, buyer.headers, 2) // 50 EUR

      // The first delivery failed, right after crediting the points: the upgrade after them never ran.
      expect(faultErrors().map((error) => error.message)).toEqual([`crm test fault: ${POINT} ${order.id}`])
      expect(errors).toContain("An error occurred while processing order.placed:")
      expect(fs.existsSync(testFaultMarker(faultsDir, POINT, order.id))).toBe(true)
      expect(await earnEntriesOf(order.id)).toEqual([{ points: 0, pending_delta: 50, key: `earn:${order.id}` }])
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Basic")

      // The retry, with the switch still on: the subscriber runs again from the start and succeeds.
      await qualifyAndEarnOnOrderPlaced({
        event: { name: "order.placed", data: { id: order.id } },
        container: getContainer(),
        pluginOptions: {},
      })

      expect(await earnEntriesOf(order.id)).toEqual([{ points: 0, pending_delta: 50, key: `earn:${order.id}` }])
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Silver")
      expect(await accountOf(buyer.headers)).toEqual(
        expect.objectContaining({ pending_points: 50, points_balance: 0, lifetime_points: 50 })
      )

      // A late redelivery of the whole event through the bus changes nothing and fails nowhere.
      await deliver(getContainer(), "order.placed", { id: order.id })
      expect(faultErrors()).toHaveLength(1)
      expect(await earnEntriesOf(order.id)).toHaveLength(1)
      expect((await accountOf(buyer.headers)).pending_points).toEqual(50)
    })

    it("with the switch off, the same checkout neither fails nor leaves a marker", async () => {
      const buyer = await registerMember(api, getContainer(), fixtures.publishableKey, "no-fault@crm.test")

      const order = await placeOrderAndWait(api, getContainer(), fixtures, buyer.headers, 2)

      expect(faultErrors()).toEqual([])
      expect(fs.readdirSync(faultsDir)).toEqual([])
      expect(await earnEntriesOf(order.id)).toHaveLength(1)
      expect(await tierNameOf(getContainer(), buyer.customerId)).toEqual("Silver")
    })
  },
})
