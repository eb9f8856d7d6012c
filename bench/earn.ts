/**
 * Earn benchmark, run by bench/points.js inside Medusa:
 *
 *   medusa exec ./bench/earn.ts        (DATABASE_URL: a fresh, migrated database)
 *
 * 1. Data (untimed): a shop (region, sales channel, publishable key, product)
 *    with the test helpers' core workflows; BENCH_CUSTOMERS customers
 *    (has_account: true) with the Customer module in batches, their loyalty
 *    accounts opened as the `customer.created` subscriber does; BENCH_ORDERS orders:
 *    the first BENCH_WORKFLOW_ORDERS with createOrderWorkflow (timed, to show
 *    why the rest is not made that way), the rest with the Order module's
 *    createOrders in batches.
 * 2. Earn (timed): earnOrderPointsWorkflow for every order, BENCH_CONCURRENCY
 *    runs in flight (an event bus runs subscribers concurrently): what
 *    `order.placed` does, one order per run. Then a second set of
 *    BENCH_ORDERS orders earned BENCH_EARN_BATCH orders per run,
 *    BENCH_BATCH_CONCURRENCY runs in flight: what the reconciliation job does.
 * 3. Baseline (timed, same run): the same ledger rows (entries, lots,
 *    balance updates) written with plain SQL for a second set of accounts in
 *    the real tables: one multi-row INSERT per table per batch of
 *    BENCH_SQL_BATCH orders, one transaction per batch. For context also one
 *    transaction per order (lock, 2 inserts, update), BENCH_CONCURRENCY in flight.
 * 4. Checks: every order has exactly one earn entry; every account's
 *    balances equal the sums of its entries; pending points equal its
 *    pending lots.
 *
 * The last line is machine-readable: BENCH_EARN_RESULT {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, IOrderModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createStoreFixtures } from "../integration-tests/helpers/store"
import type { ILoyaltyModuleService } from "../src/modules/loyalty/service"
import { CrmModules } from "../src/types/modules"
import { earnOrderPointsWorkflow } from "../src/workflows/loyalty/workflows/earn-order-points"
import { ensureLoyaltyAccountsWorkflow } from "../src/workflows/loyalty/workflows/ensure-loyalty-accounts"
import { benchOrder, chunks, createBenchCustomers, envInt, say, since } from "./lib/seed"

const ORDERS = envInt("BENCH_ORDERS", 10_000)
const CUSTOMERS = Math.min(envInt("BENCH_CUSTOMERS", ORDERS), ORDERS)
const CONCURRENCY = envInt("BENCH_CONCURRENCY", 16)
const SQL_BATCH = envInt("BENCH_SQL_BATCH", 500)
const WORKFLOW_ORDERS = Math.min(envInt("BENCH_WORKFLOW_ORDERS", 48), ORDERS)
const EARN_BATCH = envInt("BENCH_EARN_BATCH", 100)
const BATCH_CONCURRENCY = envInt("BENCH_BATCH_CONCURRENCY", 2)
const SEED_BATCH = 250

/** Runs `work` over `items`, `concurrency` at a time; returns each run's seconds. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  const latencies = new Float64Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const start = process.hrtime.bigint()
      await work(items[index])
      latencies[index] = since(start)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return latencies
}

function percentile(sorted: Float64Array, p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const ms = (seconds: number) => Math.round(seconds * 10000) / 10

export default async function earnBenchmark({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const orderModule: IOrderModuleService = container.resolve(Modules.ORDER)
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const started = process.hrtime.bigint()

  // --- 1. Data -------------------------------------------------------------
  const shop = await createStoreFixtures(container)
  say(`shop ready: region ${shop.regionId}, publishable key, product`)

  let t = process.hrtime.bigint()
  const customerIds = await createBenchCustomers(container, CUSTOMERS)
  // What the customer.created subscriber does in a running store.
  for (const batch of chunks(customerIds, 1000)) {
    await ensureLoyaltyAccountsWorkflow(container).run({ input: { customer_ids: batch } })
  }
  say(`${CUSTOMERS} customers with loyalty accounts in ${since(t).toFixed(1)} s`)

  const orderInput = (i: number) => benchOrder(shop, customerIds, i % CUSTOMERS, i)
  t = process.hrtime.bigint()
  const orderIds: string[] = []
  await pool([...Array(WORKFLOW_ORDERS).keys()], 8, async (i) => {
    const { result } = await createOrderWorkflow(container).run({ input: orderInput(i) })
    orderIds.push(result.id)
  })
  const workflowOrdersPerSecond = WORKFLOW_ORDERS / since(t)
  say(`${WORKFLOW_ORDERS} orders with createOrderWorkflow (8 in flight): ${workflowOrdersPerSecond.toFixed(1)} orders/s`)

  t = process.hrtime.bigint()
  const rest = [...Array(ORDERS).keys()].slice(WORKFLOW_ORDERS)
  for (const batch of chunks(rest, SEED_BATCH)) {
    const created = await orderModule.createOrders(batch.map(orderInput))
    orderIds.push(...created.map((order) => order.id))
  }
  // The second set, earned in batches: the same mix of lines and customers.
  const batchOrderIds: string[] = []
  for (const batch of chunks([...Array(ORDERS).keys()], SEED_BATCH)) {
    const created = await orderModule.createOrders(batch.map(orderInput))
    batchOrderIds.push(...created.map((order) => order.id))
  }
  const moduleOrdersPerSecond = (rest.length + ORDERS) / since(t)
  say(`${rest.length + ORDERS} orders with the Order module's createOrders (batches of ${SEED_BATCH}): ${moduleOrdersPerSecond.toFixed(0)} orders/s`)
  await knex.raw("ANALYZE")

  // --- 2. Earn through the workflow ---------------------------------------
  say(`earning ${ORDERS} orders through earnOrderPointsWorkflow, ${CONCURRENCY} in flight ...`)
  let done = 0
  t = process.hrtime.bigint()
  const earnLatencies = await pool(orderIds, CONCURRENCY, async (orderId) => {
    await earnOrderPointsWorkflow(container).run({ input: { order_id: orderId } })
    if (++done % 2000 === 0) say(`  ${done} earned (${since(t).toFixed(1)} s)`)
  })
  const earnSeconds = since(t)
  earnLatencies.sort()

  say(`earning ${ORDERS} more orders through earnOrderPointsWorkflow, ${EARN_BATCH} per run, ${BATCH_CONCURRENCY} runs in flight ...`)
  t = process.hrtime.bigint()
  const batchLatencies = await pool(chunks(batchOrderIds, EARN_BATCH), BATCH_CONCURRENCY, async (order_ids) => {
    await earnOrderPointsWorkflow(container).run({ input: { order_ids } })
  })
  const batchSeconds = since(t)
  batchLatencies.sort()

  // --- 3. The same rows with plain SQL -------------------------------------
  // The rows of the one-order-per-run set.
  const entries: any[] = await knex("crm_loyalty_entry")
    .where({ type: "earn", source_type: "order" })
    .whereIn("source_id", orderIds)
    .orderBy("created_at")
  const lotByEntry = new Map<string, any>(
    (await knex("crm_loyalty_lot").whereIn("entry_id", knex("crm_loyalty_entry").select("id").where({ type: "earn" }))).map(
      (lot: any) => [lot.entry_id, lot]
    )
  )
  // A twin account for every account that earned, in the same tables.
  const accountIds = [...new Set(entries.map((entry) => entry.account_id))]
  const { accounts: twins } = await loyalty.ensureAccounts(accountIds.map((id) => `bench-sql-${id}`))
  const twinOf = new Map(twins.map((twin) => [twin.customer_id.slice("bench-sql-".length), twin.id]))
  const copy = (entry: any, prefix: string) => {
    const entryId = generateEntityId(undefined, "lpent")
    const lot = lotByEntry.get(entry.id)
    const now = new Date()
    return {
      entry: {
        ...entry,
        id: entryId,
        account_id: twinOf.get(entry.account_id),
        idempotency_key: `${prefix}:${entry.idempotency_key}`,
        metadata: JSON.stringify(entry.metadata),
        lot_allocations: null,
        created_at: now,
        updated_at: now,
      },
      lot: {
        ...lot,
        id: generateEntityId(undefined, "lplot"),
        account_id: twinOf.get(entry.account_id),
        entry_id: entryId,
        created_at: now,
        updated_at: now,
      },
    }
  }

  t = process.hrtime.bigint()
  for (const batch of chunks(entries, SQL_BATCH)) {
    const rows = batch.map((entry) => copy(entry, "sql-batch"))
    const credit = new Map<string, number>()
    for (const { entry } of rows) credit.set(entry.account_id, (credit.get(entry.account_id) ?? 0) + entry.pending_delta)
    await knex.transaction(async (trx) => {
      await trx("crm_loyalty_entry").insert(rows.map((row) => row.entry))
      await trx("crm_loyalty_lot").insert(rows.map((row) => row.lot))
      await trx.raw(
        `UPDATE crm_loyalty_account AS a
            SET pending_points = a.pending_points + d.points,
                lifetime_points = a.lifetime_points + d.points,
                updated_at = now()
           FROM unnest(?::text[], ?::int[]) AS d(id, points)
          WHERE a.id = d.id`,
        [[...credit.keys()], [...credit.values()]]
      )
    })
  }
  const sqlBatchSeconds = since(t)

  t = process.hrtime.bigint()
  await pool(entries, CONCURRENCY, async (original) => {
    const { entry, lot } = copy(original, "sql-tx")
    await knex.transaction(async (trx) => {
      await trx("crm_loyalty_account").select("id").where({ id: entry.account_id }).forUpdate()
      await trx("crm_loyalty_entry").insert(entry)
      await trx("crm_loyalty_lot").insert(lot)
      await trx.raw(
        `UPDATE crm_loyalty_account SET pending_points = pending_points + ?, lifetime_points = lifetime_points + ?, updated_at = now() WHERE id = ?`,
        [entry.pending_delta, entry.pending_delta, entry.account_id]
      )
    })
  })
  const sqlTxSeconds = since(t)

  // --- 4. Checks -------------------------------------------------------------
  const [{ rows: orderCheck }, { rows: balanceCheck }, { rows: lotCheck }] = await Promise.all([
    knex.raw(
      // The order's own earn entries: on its customer's account (the plain
      // SQL copies went to other accounts).
      `SELECT count(*)::int AS orders,
              count(*) FILTER (WHERE coalesce(e.n, 0) <> 1)::int AS not_exactly_one
         FROM "order" o
         LEFT JOIN LATERAL (
               SELECT count(*) AS n FROM crm_loyalty_entry entry
                 JOIN crm_loyalty_account account ON account.id = entry.account_id
                WHERE entry.type = 'earn' AND entry.source_type = 'order'
                  AND entry.source_id = o.id AND account.customer_id = o.customer_id) e ON true
        WHERE o.id = ANY(?::text[])`,
      [[...orderIds, ...batchOrderIds]]
    ),
    knex.raw(
      `SELECT count(*)::int AS accounts,
              count(*) FILTER (WHERE a.points_balance <> coalesce(s.points, 0)
                                  OR a.pending_points <> coalesce(s.pending, 0)
                                  OR a.held_points <> coalesce(s.held, 0))::int AS mismatched
         FROM crm_loyalty_account a
         LEFT JOIN (SELECT account_id, sum(points) AS points, sum(pending_delta) AS pending,
                           sum(held_delta) AS held
                      FROM crm_loyalty_entry GROUP BY account_id) s
           ON s.account_id = a.id`
    ),
    knex.raw(
      `SELECT count(*) FILTER (WHERE a.pending_points <> coalesce(l.pending, 0))::int AS mismatched
         FROM crm_loyalty_account a
         LEFT JOIN (SELECT account_id, sum(remaining) AS pending FROM crm_loyalty_lot
                     WHERE status = 'pending' GROUP BY account_id) l
           ON l.account_id = a.id`
    ),
  ])
  const checks = {
    orders: orderCheck[0].orders,
    orders_without_exactly_one_earn: orderCheck[0].not_exactly_one,
    accounts: balanceCheck[0].accounts,
    accounts_balance_not_sum_of_entries: balanceCheck[0].mismatched,
    accounts_pending_not_sum_of_lots: lotCheck[0].mismatched,
  }
  const ok =
    checks.orders === 2 * ORDERS &&
    checks.orders_without_exactly_one_earn === 0 &&
    checks.accounts_balance_not_sum_of_entries === 0 &&
    checks.accounts_pending_not_sum_of_lots === 0
  say(
    `check: ${checks.orders} orders, ${checks.orders_without_exactly_one_earn} without exactly one earn entry; ` +
      `${checks.accounts} accounts, ${checks.accounts_balance_not_sum_of_entries} whose balances differ from the sums of their entries, ` +
      `${checks.accounts_pending_not_sum_of_lots} whose pending points differ from their pending lots: ${ok ? "OK" : "FAILED"}`
  )

  const result = {
    orders: ORDERS,
    customers: CUSTOMERS,
    concurrency: CONCURRENCY,
    sql_batch: SQL_BATCH,
    seed: {
      workflow_orders: WORKFLOW_ORDERS,
      workflow_orders_per_s: workflowOrdersPerSecond,
      module_orders_per_s: moduleOrdersPerSecond,
    },
    earn: {
      seconds: earnSeconds,
      orders_per_s: ORDERS / earnSeconds,
      run_ms: { p50: ms(percentile(earnLatencies, 50)), p99: ms(percentile(earnLatencies, 99)), max: ms(earnLatencies[earnLatencies.length - 1]) },
    },
    earn_batched: {
      batch: EARN_BATCH,
      concurrency: BATCH_CONCURRENCY,
      seconds: batchSeconds,
      orders_per_s: ORDERS / batchSeconds,
      run_ms: { p50: ms(percentile(batchLatencies, 50)), p99: ms(percentile(batchLatencies, 99)), max: ms(batchLatencies[batchLatencies.length - 1]) },
    },
    sql_batch_insert: { seconds: sqlBatchSeconds, orders_per_s: entries.length / sqlBatchSeconds },
    sql_tx_per_order: { seconds: sqlTxSeconds, orders_per_s: entries.length / sqlTxSeconds },
    checks: { ...checks, ok },
    shop: { publishable_key: shop.publishableKey, region_id: shop.regionId, variant_id: shop.variantId },
    total_seconds: since(started),
  }
  say(
    `earn: ${result.earn.orders_per_s.toFixed(1)} orders/s one per run, ${result.earn_batched.orders_per_s.toFixed(1)} orders/s ${EARN_BATCH} per run; plain SQL batches: ${result.sql_batch_insert.orders_per_s.toFixed(0)} orders/s ` +
      `(x${(result.sql_batch_insert.orders_per_s / result.earn.orders_per_s).toFixed(1)}); one SQL transaction per order: ` +
      `${result.sql_tx_per_order.orders_per_s.toFixed(0)} orders/s`
  )
  process.stdout.write(`BENCH_EARN_RESULT ${JSON.stringify(result)}\n`)
}
