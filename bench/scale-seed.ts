/**
 * Data for the scale-out earn benchmark, run once by bench/scale.js inside
 * Medusa, without Redis; every measured run starts from a copy of it:
 *
 *   medusa exec ./bench/scale-seed.ts     (DATABASE_URL: a fresh, migrated database)
 *
 * 1. A shop (region, sales channel, publishable key, product) with the test
 *    helpers' core workflows.
 * 2. BENCH_CUSTOMERS customers (has_account: true) with the Customer module,
 *    each then made a member by the plugin's own `customer.created`
 *    subscriber (account, sign-up bonus, place on the tier ladder), called
 *    directly as the event bus would.
 * 3. BENCH_ORDERS orders of 1-3 lines, customer i % customers for order i,
 *    with the Order module's createOrders in batches of 250: nothing is
 *    recorded for them yet (no order facts, no points), as in a store whose
 *    `order.placed` events are still in the queue. createOrderWorkflow makes a
 *    few orders a second here (see bench:points) and emits no `order.placed`
 *    anyway; the runner emits those itself.
 * 4. ANALYZE.
 *
 * The last line is machine-readable: BENCH_SCALE_SEED {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, IOrderModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStoreFixtures } from "../integration-tests/helpers/store"
import openLoyaltyAccountOnCustomerCreated from "../src/subscribers/customer-created"
import { benchOrder, chunks, createBenchCustomers, envInt, say, since } from "./lib/seed"

const ORDERS = envInt("BENCH_ORDERS", 5_000)
const CUSTOMERS = Math.min(envInt("BENCH_CUSTOMERS", 1_000), ORDERS)
const ORDER_BATCH = 250
const MEMBERS_IN_FLIGHT = 4

export default async function seedScaleBenchmark({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const orderModule: IOrderModuleService = container.resolve(Modules.ORDER)

  const shop = await createStoreFixtures(container)
  say(`shop ready: region ${shop.regionId}, product ${shop.productId}`)

  let t = process.hrtime.bigint()
  const customerIds = await createBenchCustomers(container, CUSTOMERS)
  let next = 0
  const member = async () => {
    while (next < customerIds.length) {
      const id = customerIds[next++]
      await openLoyaltyAccountOnCustomerCreated({ event: { name: "customer.created", data: { id } }, container, pluginOptions: {} })
    }
  }
  await Promise.all(Array.from({ length: MEMBERS_IN_FLIGHT }, member))
  const customerSeconds = since(t)
  say(`${CUSTOMERS} customers, made members by the customer.created subscriber, in ${customerSeconds.toFixed(1)} s`)

  t = process.hrtime.bigint()
  for (const batch of chunks([...Array(ORDERS).keys()], ORDER_BATCH)) {
    await orderModule.createOrders(batch.map((i) => benchOrder(shop, customerIds, i % CUSTOMERS, i)))
  }
  const orderSeconds = since(t)
  say(`${ORDERS} orders with the Order module's createOrders (batches of ${ORDER_BATCH}) in ${orderSeconds.toFixed(1)} s`)
  await knex.raw("ANALYZE")

  const [{ accounts }] = (await knex.raw(`SELECT count(*)::int AS accounts FROM crm_loyalty_account WHERE deleted_at IS NULL`)).rows
  const [{ orders }] = (await knex.raw(`SELECT count(*)::int AS orders FROM "order"`)).rows
  if (accounts !== CUSTOMERS || orders !== ORDERS) {
    throw new Error(`expected ${CUSTOMERS} accounts and ${ORDERS} orders, found ${accounts} and ${orders}`)
  }
  process.stdout.write(
    `BENCH_SCALE_SEED ${JSON.stringify({ customers: CUSTOMERS, orders: ORDERS, customer_seconds: customerSeconds, order_seconds: orderSeconds })}\n`
  )
}
