/**
 * The burst of the scale-out earn benchmark, run by bench/scale.js inside
 * Medusa with the Redis modules and no worker running:
 *
 *   medusa exec ./bench/scale-emit.ts     (DATABASE_URL: a copy of the seeded database, REDIS_URL set)
 *
 * Emits `order.placed` { id } for every order, oldest first, through the
 * Event Bus module (Medusa's Redis event bus: one BullMQ job per event) with
 * the options checkout uses (`priority: CRITICAL`; attempts and backoff from
 * the module's jobOptions in medusa-config.ts), 500 events per emit call.
 * `medusa exec` runs in server mode, so the events wait in Redis for the
 * workers the runner starts next.
 *
 * The last line is machine-readable: BENCH_SCALE_EMIT {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, EventPriority, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { chunks, say, since } from "./lib/seed"

const PER_EMIT = 500

export default async function emitOrderPlacedBurst({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  // The in-memory bus would run the subscribers here and now; this must be Medusa's Redis bus.
  if (eventBus.constructor.name !== "RedisEventBusService") {
    throw new Error(`the event bus is ${eventBus.constructor.name}, not Medusa's Redis event bus: is REDIS_URL set?`)
  }
  // The Redis bus only queues events that have subscribers in the emitting process.
  const subscribers = ((eventBus as any).eventToSubscribersMap as Map<string, { id: string }[]>).get(OrderWorkflowEvents.PLACED) ?? []
  if (!subscribers.length) {
    throw new Error(`no ${OrderWorkflowEvents.PLACED} subscriber is loaded: the events would not be queued`)
  }

  const orderIds: string[] = (await knex("order").select("id").orderBy([{ column: "created_at" }, { column: "id" }])).map(
    (row: { id: string }) => row.id
  )
  const t = process.hrtime.bigint()
  for (const batch of chunks(orderIds, PER_EMIT)) {
    await eventBus.emit(
      batch.map((id) => ({ name: OrderWorkflowEvents.PLACED, data: { id }, options: { priority: EventPriority.CRITICAL } }))
    )
  }
  const seconds = since(t)
  say(`${orderIds.length} ${OrderWorkflowEvents.PLACED} events queued in Redis in ${seconds.toFixed(1)} s (subscribers: ${subscribers.map((s) => s.id).join(", ")})`)
  process.stdout.write(
    `BENCH_SCALE_EMIT ${JSON.stringify({ events: orderIds.length, seconds, subscribers: subscribers.map((s) => s.id) })}\n`
  )
}
