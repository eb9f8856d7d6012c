/**
 * Where one `order.placed` event's time goes, run by bench/scale.js inside
 * Medusa with the same Redis modules as the workers, but no event bus in the
 * way: the plugin's two `order.placed` subscribers called directly.
 *
 *   medusa exec ./bench/scale-profile.ts   (DATABASE_URL: a copy of the seeded database, REDIS_URL set)
 *
 * On orders of the seeded burst, each set on orders of its own:
 * 1. warm-up: BENCH_PROFILE_WARMUP (100) events, not measured, so the
 *    first set does not pay for compiling and caching;
 * 2. the parts, one event at a time, BENCH_PROFILE_ORDERS (200) events, in
 *    the order the subscribers run them: the order's facts
 *    (recordOrderFactsWorkflow), the upgrade check (upgradeTiers), the
 *    points (earnOrderPointsWorkflow), the settings read (and a second
 *    upgrade check where tiers are earned with points), and the other
 *    subscriber, redeemOrderPointsWorkflow;
 * 3. whole events (both subscribers side by side, as the Redis bus runs
 *    them) with 1, 2 and 4 in flight, BENCH_PROFILE_ORDERS events each:
 *    orders/s, and per event the wall time, this process's CPU time and the
 *    CPU time of the PostgreSQL backends of this database (/proc).
 *
 * The last line is machine-readable: BENCH_SCALE_PROFILE {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../src/modules/loyalty/service"
import qualifyAndEarnOnOrderPlaced from "../src/subscribers/order-placed-qualify-and-earn"
import redeemPointsOnOrderPlaced from "../src/subscribers/order-placed-redeem-points"
import { CrmModules } from "../src/types/modules"
import { earnOrderPointsWorkflow } from "../src/workflows/loyalty/workflows/earn-order-points"
import { redeemOrderPointsWorkflow } from "../src/workflows/loyalty/workflows/redeem-order-points"
import { recordOrderFactsWorkflow } from "../src/workflows/order-facts/workflows/record-order-facts"
import { upgradeTiers } from "../src/workflows/tiers/evaluate-and-follow-up"
import { envInt, say, since } from "./lib/seed"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readProcess } = require("./lib/proc-cpu")

const WARMUP = envInt("BENCH_PROFILE_WARMUP", 100)
const IN_FLIGHT = [1, 2, 4]

type Part = "facts" | "tiers" | "earn" | "settings" | "redeem"

/** One event as the Redis bus delivers it: every subscriber of it at once. */
async function deliverOrderPlaced(container: MedusaContainer, orderId: string) {
  const args = { event: { name: OrderWorkflowEvents.PLACED, data: { id: orderId } }, container, pluginOptions: {} }
  await Promise.all([qualifyAndEarnOnOrderPlaced(args), redeemPointsOnOrderPlaced(args)])
}

/** The subscribers' work for one order, part by part (what qualifyAndEarnOnOrderPlaced and redeemPointsOnOrderPlaced run). */
async function deliverInParts(container: MedusaContainer, orderId: string, times: Record<Part, number[]>) {
  const timed = async <T>(part: Part, work: () => Promise<T>) => {
    const t = process.hrtime.bigint()
    const result = await work()
    times[part].push(since(t) * 1000)
    return result
  }
  const { result: facts } = await timed("facts", () => recordOrderFactsWorkflow(container).run({ input: { order_ids: [orderId] } }))
  await timed("tiers", () => upgradeTiers(container, facts.customer_ids, "order"))
  await timed("earn", () => earnOrderPointsWorkflow(container).run({ input: { order_id: orderId } }))
  await timed("settings", async () => {
    const settings = await container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY).loadSettings()
    if (settings.tier_measure === "points") {
      await upgradeTiers(container, facts.customer_ids, "order")
    }
  })
  await timed("redeem", () => redeemOrderPointsWorkflow(container).run({ input: { order_id: orderId } }))
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  return { mean: values.reduce((sum, value) => sum + value, 0) / values.length, p50: at(50), p99: at(99) }
}

/** CPU seconds so far of the PostgreSQL backends serving this database. */
async function backendSeconds(knex: Knex) {
  const { rows } = await knex.raw(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
  return new Map<number, number>(
    rows.map((row: { pid: number }) => [row.pid, readProcess(row.pid)?.seconds ?? 0])
  )
}

function backendSecondsUsed(before: Map<number, number>, after: Map<number, number>) {
  let seconds = 0
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0)
  return seconds
}

export default async function profileOrderPlaced({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const orderIds: string[] = (await knex("order").select("id").orderBy([{ column: "created_at" }, { column: "id" }])).map(
    (row: { id: string }) => row.id
  )
  const perSet = Math.min(envInt("BENCH_PROFILE_ORDERS", 200), Math.floor((orderIds.length - WARMUP) / (1 + IN_FLIGHT.length)))
  if (perSet < 10) {
    throw new Error(`${orderIds.length} orders are too few to profile (need ${WARMUP + 10 * (1 + IN_FLIGHT.length)})`)
  }
  let next = 0
  const take = (count: number) => orderIds.slice(next, (next += count))

  for (const orderId of take(WARMUP)) {
    await deliverOrderPlaced(container, orderId)
  }

  const times: Record<Part, number[]> = { facts: [], tiers: [], earn: [], settings: [], redeem: [] }
  for (const orderId of take(perSet)) {
    await deliverInParts(container, orderId, times)
  }
  const parts = Object.fromEntries(Object.entries(times).map(([part, values]) => [part, stats(values)]))
  say(`one event at a time, part by part (${perSet} events, mean ms): ` + Object.entries(parts).map(([part, s]) => `${part} ${s.mean.toFixed(1)}`).join(", "))

  const whole: any[] = []
  for (const inFlight of IN_FLIGHT) {
    const ids = take(perSet)
    const latencies: number[] = []
    let index = 0
    const backendsBefore = await backendSeconds(knex)
    const cpuBefore = process.cpuUsage()
    const t = process.hrtime.bigint()
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (index < ids.length) {
          const orderId = ids[index++]
          const started = process.hrtime.bigint()
          await deliverOrderPlaced(container, orderId)
          latencies.push(since(started) * 1000)
        }
      })
    )
    const seconds = since(t)
    const cpu = process.cpuUsage(cpuBefore)
    const backendsUsed = backendSecondsUsed(backendsBefore, await backendSeconds(knex))
    const result = {
      in_flight: inFlight,
      events: ids.length,
      seconds,
      orders_per_s: ids.length / seconds,
      event_ms: stats(latencies),
      node_cpu_ms_per_event: (cpu.user + cpu.system) / 1000 / ids.length,
      postgres_cpu_ms_per_event: (backendsUsed * 1000) / ids.length,
    }
    whole.push(result)
    say(
      `whole events, ${inFlight} in flight: ${result.orders_per_s.toFixed(1)} orders/s, ${result.event_ms.mean.toFixed(1)} ms each, ` +
        `Node CPU ${result.node_cpu_ms_per_event.toFixed(1)} ms, PostgreSQL CPU ${result.postgres_cpu_ms_per_event.toFixed(1)} ms per event`
    )
  }

  process.stdout.write(`BENCH_SCALE_PROFILE ${JSON.stringify({ events_per_set: perSet, warmup: WARMUP, parts, whole })}\n`)
}
