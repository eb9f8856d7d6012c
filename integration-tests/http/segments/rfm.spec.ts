import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../helpers/http"
import { daysBefore, insertCustomers, insertOrderFacts, type FixtureOrder } from "../../helpers/segments"

jest.setTimeout(240 * 1000)

const now = new Date()
const ago = (days: number) => daysBefore(now, days)

/**
 * Ten scored customers (a-j) and two that are not: k's only order is
 * canceled, l never ordered. `spends` are the non-canceled orders, the
 * latest placed `last` days ago and the others a week apart before it.
 *
 *   id  last  orders  spend (net)
 *   a      5     6    600
 *   b      5     2    450   + a canceled order 1 day ago of 1000 (must not count)
 *   c     20     4    300   } c and d equal on every measure: the customer id decides
 *   d     20     4    300   }
 *   e     10     3    150
 *   f     90     1    500   (560 spent, 60 returned)
 *   g    120     5    400
 *   h    200     1     30   } equal orders and spend: the older last order ranks lower
 *   j    400     1     30   }
 *   i    300     2     60
 */
const BUYERS: Record<string, { last: number; spends: number[]; returned?: number }> = {
  a: { last: 5, spends: [100, 100, 100, 100, 100, 100] },
  b: { last: 5, spends: [400, 50] },
  c: { last: 20, spends: [75, 75, 75, 75] },
  d: { last: 20, spends: [75, 75, 75, 75] },
  e: { last: 10, spends: [50, 50, 50] },
  f: { last: 90, spends: [560], returned: 60 },
  g: { last: 120, spends: [80, 80, 80, 80, 80] },
  h: { last: 200, spends: [30] },
  i: { last: 300, spends: [30, 30] },
  j: { last: 400, spends: [30] },
}

/**
 * ntile(5) over 10 customers: ranks 1-2 score 1, 3-4 score 2, ..., 9-10 score 5.
 *
 * Recency, ascending by (last order, orders, spend, id), oldest first:
 *   j(400) i(300) | h(200) g(120) | f(90) c(20) | d(20) e(10) | b(5, 2 orders) a(5, 6 orders)
 *   -> c and d tie on everything, so c (smaller id) is rank 6 (R3) and d rank 7 (R4);
 *      a and b tie on the date and b has fewer orders, so b comes first.
 * Frequency, ascending by (orders, spend, last order, id):
 *   j(1, 30, 400d) h(1, 30, 200d) | f(1, 500) i(2, 60) | b(2, 450) e(3) | c(4) d(4) | g(5) a(6)
 *   -> of the one-order customers, f spent more and ranks above j and h (F2 vs F1).
 * Monetary, ascending by (spend, orders, last order, id):
 *   j(30, 400d) h(30, 200d) | i(60) e(150) | c(300) d(300) | g(400) b(450) | f(500) a(600)
 *
 * Group by the grid in rfm/groups.ts at (R, FM = ceil((F + M) / 2)):
 */
const EXPECTED: Record<string, { recency: number; frequency: number; monetary: number; group: string }> = {
  a: { recency: 5, frequency: 5, monetary: 5, group: "champions" }, // FM 5, R5 -> champions
  b: { recency: 5, frequency: 3, monetary: 4, group: "champions" }, // FM ceil(3.5) = 4, R5 -> champions
  c: { recency: 3, frequency: 4, monetary: 3, group: "loyal" }, // FM 4, R3 -> loyal
  d: { recency: 4, frequency: 4, monetary: 3, group: "loyal" }, // FM 4, R4 -> loyal
  e: { recency: 4, frequency: 3, monetary: 2, group: "potential_loyalist" }, // FM ceil(2.5) = 3, R4
  f: { recency: 3, frequency: 2, monetary: 5, group: "loyal" }, // FM ceil(3.5) = 4, R3 -> loyal
  g: { recency: 2, frequency: 5, monetary: 4, group: "cannot_lose_them" }, // FM ceil(4.5) = 5, R2
  h: { recency: 2, frequency: 1, monetary: 1, group: "hibernating" }, // FM 1, R2
  i: { recency: 1, frequency: 2, monetary: 2, group: "lost" }, // FM 2, R1
  j: { recency: 1, frequency: 1, monetary: 1, group: "lost" }, // FM 1, R1
}

const idOf = (key: string) => `cus_rfm_${key}`

async function seed(container: any) {
  await insertCustomers(
    container,
    [...Object.keys(BUYERS), "k", "l"].map((key) => ({ id: idOf(key), email: `${key}@rfm.test`, created_at: ago(500) }))
  )
  const orders: FixtureOrder[] = Object.entries(BUYERS).flatMap(([key, buyer]) =>
    buyer.spends.map((spend, n) => ({
      id: `order_rfm_${key}${n}`,
      customer_id: idOf(key),
      spend,
      returned: n === 0 ? buyer.returned : undefined,
      placed_at: ago(buyer.last + 7 * n),
    }))
  )
  orders.push(
    { id: "order_rfm_b_canceled", customer_id: idOf("b"), spend: 1000, placed_at: ago(1), canceled: true },
    { id: "order_rfm_k_canceled", customer_id: idOf("k"), spend: 200, placed_at: ago(3), canceled: true }
  )
  await insertOrderFacts(container, orders)
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Awaited<ReturnType<typeof createAdminUser>>
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const storedScores = async () =>
      (
        await knex().raw(
          `SELECT customer_id, recency, frequency, monetary, rfm_group, last_order_at, order_count, monetary_value::float AS monetary_value, updated_at
             FROM crm_customer_rfm ORDER BY customer_id`
        )
      ).rows
    const runs = async () => (await knex().raw(`SELECT customers, changed, scored_at FROM crm_rfm_run ORDER BY scored_at`)).rows

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      await seed(getContainer())
    })

    it("scores the hand-checked data set: every customer's R, F, M and group, the distribution and the customer's view", async () => {
      const before = (await api.get("/admin/crm/rfm", admin)).data
      expect(before.customers).toBe(0)
      expect(before.scored_at).toBeNull()
      expect(before.groups.every((g: any) => g.customers === 0 && g.share === 0)).toBe(true)

      const started = Date.now()
      const scored = (await api.post("/admin/crm/rfm", {}, admin)).data

      const rows = await storedScores()
      expect(rows.map((r: any) => r.customer_id)).toEqual(Object.keys(EXPECTED).map(idOf)) // not k (all canceled) nor l (no orders)
      for (const row of rows) {
        const key = row.customer_id.replace("cus_rfm_", "")
        expect({ key, recency: row.recency, frequency: row.frequency, monetary: row.monetary, group: row.rfm_group }).toEqual({
          key,
          ...EXPECTED[key],
        })
        // The measures: the canceled order of b counts neither as an order, nor as spend, nor as the last order.
        expect({ key, orders: row.order_count, spend: row.monetary_value, last: new Date(row.last_order_at).getTime() }).toEqual({
          key,
          orders: BUYERS[key].spends.length,
          spend: BUYERS[key].spends.reduce((sum, s) => sum + s, 0) - (BUYERS[key].returned ?? 0),
          last: ago(BUYERS[key].last).getTime(),
        })
      }

      // champions 2 (a, b), loyal 3 (c, d, f), potential_loyalist 1 (e), cannot_lose_them 1 (g), hibernating 1 (h), lost 2 (i, j)
      const expectedGroups = [
        ["champions", "Champions", 2],
        ["loyal", "Loyal", 3],
        ["potential_loyalist", "Potential loyalist", 1],
        ["new", "New", 0],
        ["promising", "Promising", 0],
        ["need_attention", "Need attention", 0],
        ["at_risk", "At risk", 0],
        ["cannot_lose_them", "Cannot lose them", 1],
        ["hibernating", "Hibernating", 1],
        ["lost", "Lost", 2],
      ].map(([name, label, customers]) => ({ name, label, customers, share: (customers as number) / 10 }))
      expect(scored.groups).toEqual(expectedGroups)
      expect(scored.customers).toBe(10)
      const scoredAt = new Date(scored.scored_at).getTime()
      expect(scoredAt).toBeGreaterThanOrEqual(started - 1000)
      expect(scoredAt).toBeLessThanOrEqual(Date.now())

      const read = (await api.get("/admin/crm/rfm", admin)).data
      expect(read).toEqual(scored)

      for (const key of ["a", "c", "f", "j"]) {
        const { data } = await api.get(`/admin/customers/${idOf(key)}/segments`, admin)
        expect(data.rfm).toEqual(
          expect.objectContaining({
            recency: EXPECTED[key].recency,
            frequency: EXPECTED[key].frequency,
            monetary: EXPECTED[key].monetary,
            group: EXPECTED[key].group,
            label: expectedGroups.find((g) => g.name === EXPECTED[key].group)!.label,
            scored_at: scored.scored_at,
          })
        )
      }
      for (const key of ["k", "l"]) {
        expect((await api.get(`/admin/customers/${idOf(key)}/segments`, admin)).data).toEqual({ segments: [], rfm: null })
      }

      const preview = (await api.post("/admin/segments/preview", { rules: { all: [{ field: "rfm_group", op: "eq", value: "champions" }] } }, admin)).data
      expect(preview.count).toBe(2)
      expect(preview.sample.map((c: any) => c.id).sort()).toEqual([idOf("a"), idOf("b")])
      const lostOrAtRisk = (await api.post("/admin/segments/preview", { rules: { all: [{ field: "rfm_group", op: "in", value: ["lost", "at_risk"] }] } }, admin)).data
      expect(lostOrAtRisk.sample.map((c: any) => c.id).sort()).toEqual([idOf("i"), idOf("j")])
      const recent = (await api.post("/admin/segments/preview", { rules: { all: [{ field: "rfm_recency", op: "gte", value: 4 }] } }, admin)).data
      expect(recent.sample.map((c: any) => c.id).sort()).toEqual(["a", "b", "d", "e"].map(idOf))
    })

    it("a second scoring on unchanged data rewrites no row", async () => {
      await api.post("/admin/crm/rfm", {}, admin)
      const first = await storedScores()
      await new Promise((resolve) => setTimeout(resolve, 20))
      const second = (await api.post("/admin/crm/rfm", {}, admin)).data

      expect(await storedScores()).toEqual(first) // updated_at included
      expect((await runs()).map((r: any) => [r.customers, r.changed])).toEqual([
        [10, 10],
        [10, 0],
      ])
      expect(new Date(second.scored_at).getTime()).toBeGreaterThan(new Date(first[0].updated_at).getTime())
      // The customer's view refers to the latest run, even for rows that run did not rewrite.
      expect((await api.get(`/admin/customers/${idOf("a")}/segments`, admin)).data.rfm.scored_at).toBe(second.scored_at)
    })

    it("a customer whose orders all get canceled loses their row; the others are scored among nine", async () => {
      await api.post("/admin/crm/rfm", {}, admin)
      await knex().raw(`UPDATE crm_order_fact SET status = 'canceled', canceled_at = now() WHERE customer_id = ?`, [idOf("i")])
      const after = (await api.post("/admin/crm/rfm", {}, admin)).data

      const rows = await storedScores()
      expect(rows.map((r: any) => r.customer_id)).not.toContain(idOf("i"))
      expect(rows).toHaveLength(9)
      expect(after.customers).toBe(9)
      expect(after.groups.reduce((sum: number, g: any) => sum + g.customers, 0)).toBe(9)
      expect((await api.get(`/admin/customers/${idOf("i")}/segments`, admin)).data.rfm).toBeNull()
      // The removal counts as a change of the run.
      const [, second] = await runs()
      expect(second.customers).toBe(9)
      expect(second.changed).toBeGreaterThanOrEqual(1)
    })

    it("answers 401 to anonymous calls and 404 for an unknown customer, scoring nothing", async () => {
      for (const request of [
        api.get("/admin/crm/rfm"),
        api.post("/admin/crm/rfm", {}),
        api.get(`/admin/customers/${idOf("a")}/segments`),
      ]) {
        expect((await failedRequest(request)).status).toBe(401)
      }
      expect(await runs()).toEqual([])
      expect(await storedScores()).toEqual([])

      const missing = await failedRequest(api.get("/admin/customers/cus_nobody/segments", admin))
      expect(missing.status).toBe(404)
      expect(missing.data.message).toMatch(/cus_nobody/)
    })
  },
})
