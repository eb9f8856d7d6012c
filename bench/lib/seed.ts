/**
 * What the `medusa exec` scripts of the benchmarks share: knobs, output,
 * and the data most of them need besides their own (an admin user,
 * customers, orders), made with Medusa's modules and workflows.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { IAuthModuleService, ICustomerModuleService, IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { StoreFixtures } from "../../integration-tests/helpers/store"
import reconcileOrderPointsJob from "../../src/jobs/reconcile-order-points"
import { backfillOrderFacts } from "../../src/workflows/order-facts/run-backfill"

/** A positive whole number from the environment, else `fallback`. */
export const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

/** A progress line; the runner echoes the `[bench]` ones. */
export const say = (line: string) => process.stdout.write(`[bench] ${line}\n`)
/** Seconds since `t` (a process.hrtime.bigint()). */
export const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9
export const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** `work` in one transaction with a fixed random seed: two runs of the same size generate the same rows. */
export async function withFixedSeed(knex: Knex, work: (trx: Knex.Transaction) => Promise<void>) {
  await knex.transaction(async (trx) => {
    await trx.raw("SELECT setseed(0.42)")
    await work(trx)
  })
}

export const BENCH_ADMIN = { email: "bench-admin@bench.local", password: "bench-admin-pass-1" }

/** An admin user with an emailpass identity, made as `medusa user` makes one: returns its id. */
export async function createAdminUser(container: MedusaContainer, admin = BENCH_ADMIN): Promise<string> {
  const authModule: IAuthModuleService = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await authModule.register("emailpass", { body: admin } as any)
  if (error || !authIdentity) throw new Error(`admin identity: ${error}`)
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email: admin.email, first_name: "Bench", last_name: "Admin" } },
  })
  return user.id
}

/**
 * `count` customers bench-<i>@bench.local with accounts, in batches of
 * 1,000; returns their ids in order. The module, not createCustomersWorkflow:
 * its customer.created events would start the plugin's subscribers in the
 * background, during whatever is timed next.
 */
export async function createBenchCustomers(container: MedusaContainer, count: number): Promise<string[]> {
  const customerModule: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const ids: string[] = []
  for (const batch of chunks([...Array(count).keys()], 1000)) {
    const created = await customerModule.createCustomers(
      batch.map((i) => ({ email: `bench-${i}@bench.local`, first_name: "Bench", last_name: `Customer ${i}`, has_account: true }))
    )
    ids.push(...created.map((customer) => customer.id))
  }
  return ids
}

const PRICES = [9.5, 16, 24.9, 29, 34.5, 39, 89, 119]

/** Order i: 1-3 lines from a fixed price list (deterministic). */
function orderLines(i: number, variantId: string) {
  const count = 1 + (i % 3)
  return Array.from({ length: count }, (_, line) => ({
    variant_id: variantId,
    title: `Bench item ${line + 1}`,
    quantity: 1 + ((i + line) % 2),
    unit_price: PRICES[(i * 7 + line * 3) % PRICES.length],
    is_tax_inclusive: false,
  }))
}

/** Order i of the shop, placed by customer number `customer` (of createBenchCustomers). */
export const benchOrder = (shop: StoreFixtures, customerIds: string[], customer: number, i: number) => ({
  region_id: shop.regionId,
  sales_channel_id: shop.salesChannelId,
  customer_id: customerIds[customer],
  email: `bench-${customer}@bench.local`,
  currency_code: "eur",
  items: orderLines(i, shop.variantId),
  shipping_methods: [{ name: "Standard", amount: 4.95 }],
  no_notification: true,
})

/**
 * `count` orders of the customers with the Order module's createOrders in
 * batches of 250 (createOrderWorkflow manages a few a second), then spread
 * evenly over the `days` before now in creation order (created_at rewritten
 * in one UPDATE), so an orders list has a realistic first page. Then what a
 * store's order.placed subscribers record as orders come (order facts,
 * points), by the catch-up jobs run to their end: the order facts back-fill
 * and the points reconciliation. Left to them, the benchmark's server would
 * be catching up (10,000 orders every 5 minutes, every order at :00 and :30)
 * while it is being measured. Returns the seconds createOrders and the
 * catch-up took.
 */
export async function createSpreadOrders(container: MedusaContainer, shop: StoreFixtures, customerIds: string[], count: number, days: number) {
  const orderModule: IOrderModuleService = container.resolve(Modules.ORDER)
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  let t = process.hrtime.bigint()
  for (const batch of chunks([...Array(count).keys()], 250)) {
    await orderModule.createOrders(batch.map((i) => benchOrder(shop, customerIds, (i * 7919) % customerIds.length, i)))
  }
  const createSeconds = since(t)
  await knex.raw(
    `UPDATE "order" o SET created_at = now() - make_interval(days => ?) * (r.k - 0.5) / r.n, updated_at = now() - make_interval(days => ?) * (r.k - 0.5) / r.n
       FROM (SELECT id, row_number() OVER (ORDER BY id DESC) AS k, count(*) OVER () AS n FROM "order") r
      WHERE o.id = r.id`,
    [days, days]
  )
  t = process.hrtime.bigint()
  await backfillOrderFacts(container)
  await reconcileOrderPointsJob(container)
  return { create_seconds: createSeconds, catch_up_seconds: since(t) }
}
