/**
 * Data for the tickets inbox benchmark, run by bench/tickets.js inside Medusa:
 *
 *   medusa exec ./bench/tickets.ts     (DATABASE_URL: a fresh, migrated database)
 *
 * 1. A shop (region, sales channel, product) with the test helpers' core
 *    workflows and an admin user with an emailpass identity, as `medusa user`
 *    makes one (register with the Auth module, createUserAccountWorkflow).
 * 2. BENCH_CUSTOMERS customers (Customer module, batches of 1,000) and
 *    BENCH_ORDERS orders of them with 1-3 lines (Order module's createOrders,
 *    batches of 250, as bench/earn.ts seeds its orders), then spread over the
 *    180 days before now (created_at rewritten in one UPDATE).
 * 3. The ticket settings (the module's defaults: SLA targets per priority,
 *    no business hours) and BENCH_TICKETS tickets in one INSERT ... SELECT
 *    FROM generate_series (fixed seed): 25% open, 5% reopened, 10% pending
 *    customer, 30% resolved, 30% closed; priorities, categories, sources,
 *    assignees spread; 60% about one of the customer's orders (placed before
 *    the ticket), the rest from a random customer; due times from the
 *    settings' targets and the pauses (the clock stops while waiting on the
 *    customer and once resolved), next_due_at only while the clock runs;
 *    past breaches already escalated, so the running escalation job has
 *    (almost) nothing to do. Then 1-2 messages for each of the newest
 *    BENCH_TICKET_MESSAGES tickets, and VACUUM (ANALYZE).
 *
 * The database side of the routes is measured by bench/tickets.js on the SQL
 * the running server sends (bench/lib/capture-sql.js). The last line is
 * machine-readable: BENCH_TICKETS_SETUP {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStoreFixtures } from "../integration-tests/helpers/store"
import type { TicketsModuleService } from "../src/modules/tickets"
import { CrmModules } from "../src/types/modules"
import { BENCH_ADMIN as ADMIN, createAdminUser, createBenchCustomers, createSpreadOrders, envInt, say, since, withFixedSeed } from "./lib/seed"

const TICKETS = envInt("BENCH_TICKETS", 200_000)
const CUSTOMERS = envInt("BENCH_CUSTOMERS", 20_000)
const ORDERS = envInt("BENCH_ORDERS", 20_000)
const MESSAGES = Math.min(envInt("BENCH_TICKET_MESSAGES", 20_000), TICKETS)

/** Four subjects per category, in TICKET_CATEGORIES order. */
const SUBJECTS = [
  "Seam came apart after two washes",
  "Colour is different from the photos",
  "Zip broke on the first day",
  "Wrong size in the box",
  "Parcel has not arrived yet",
  "Tracking has not moved for a week",
  "Parcel arrived damaged",
  "Delivered to the wrong address",
  "How do I return this?",
  "Refund not received yet",
  "Exchange for another size",
  "Return label does not work",
  "Charged twice for one order",
  "Voucher code was not applied",
  "Payment failed but money was taken",
  "Need an invoice with my company name",
  "Question about my loyalty points",
  "Cannot log in to my account",
  "Change the e-mail on my account",
  "Feedback about the website",
]

// Every step MATERIALIZED: inlined, each step's expressions are copied into every use further down, and the
// plan grows exponentially (a 5,000-row run planned for 15 minutes in 10 GB before it was stopped).
const INSERT_TICKETS = `
WITH o AS (
  SELECT array_agg(id ORDER BY created_at DESC, id) AS ids,
         array_agg(customer_id ORDER BY created_at DESC, id) AS customers,
         array_agg(created_at ORDER BY created_at DESC, id) AS created,
         count(*)::int AS n
    FROM "order" WHERE deleted_at IS NULL AND customer_id IS NOT NULL
), c AS (
  SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM customer WHERE deleted_at IS NULL
), g AS (
  SELECT n, random() AS u_status, random() AS u_priority, random() AS u_category, random() AS u_order,
         random() AS u_pick, random() AS u_age, random() AS u_reply, random() AS u_answered, random() AS u_resolve,
         random() AS u_pause, random() AS u_close, random() AS u_source, random() AS u_assignee, random() AS u_product,
         random() AS u_rating, random() AS u_flag, random() AS u_subject
    FROM generate_series(1, :count) AS n
), s AS MATERIALIZED (
  SELECT g.*,
         CASE WHEN u_status < 0.25 THEN 'open' WHEN u_status < 0.30 THEN 'reopened' WHEN u_status < 0.40 THEN 'pending_customer'
              WHEN u_status < 0.70 THEN 'resolved' ELSE 'closed' END AS status,
         CASE WHEN u_priority < 0.15 THEN 'low' WHEN u_priority < 0.70 THEN 'normal' WHEN u_priority < 0.92 THEN 'high' ELSE 'urgent' END AS priority,
         floor(u_category * u_category * 5)::int AS category_index,
         u_order < 0.6 AS with_order
    FROM g
), a AS MATERIALIZED (
  -- Days since it was opened: work still open is recent, closed work spreads over the 180 days.
  SELECT s.*,
         CASE status WHEN 'open' THEN 7 * u_age ^ 3 WHEN 'pending_customer' THEN 0.2 + 14 * u_age WHEN 'reopened' THEN 1 + 9 * u_age
                     WHEN 'resolved' THEN 0.2 + 5.5 * u_age ELSE 20 + 160 * u_age END AS age_days,
         (:sla::jsonb -> priority ->> 'first_response_minutes')::int AS first_minutes,
         (:sla::jsonb -> priority ->> 'resolution_minutes')::int AS resolution_minutes,
         (ARRAY['product_quality', 'logistics', 'after_sales', 'payment', 'other'])[1 + category_index] AS category
    FROM s
), k AS MATERIALIZED (
  -- One of the orders placed in the 14 days before the ticket (orders are spread evenly over 180 days, newest first).
  SELECT a.*, CASE WHEN with_order THEN least(o.n, floor(o.n * age_days / 180)::int + 2 + floor(u_pick * o.n * 14 / 180)::int) END AS k
    FROM a, o
), b AS MATERIALIZED (
  SELECT k.*,
         CASE WHEN with_order THEN o.ids[k.k] END AS order_id,
         CASE WHEN with_order THEN o.customers[k.k] ELSE c.ids[1 + floor(u_pick * c.n)::int] END AS customer_id,
         CASE WHEN with_order THEN greatest(:now::timestamptz - make_interval(secs => age_days * 86400), o.created[k.k] + interval '1 minute')
              ELSE :now::timestamptz - make_interval(secs => age_days * 86400) END AS created_at
    FROM k, o, c
), d AS MATERIALIZED (
  SELECT b.*,
         created_at + make_interval(mins => first_minutes) AS first_due,
         created_at + make_interval(mins => resolution_minutes) AS resolution_target,
         -- Staff's first answer: 5% to 130% of the target after it was opened.
         created_at + make_interval(secs => first_minutes * 60 * (0.05 + 1.25 * u_reply)) AS answer_at
    FROM b
), e AS MATERIALIZED (
  SELECT d.*,
         CASE status
           WHEN 'open' THEN CASE WHEN u_answered < 0.55 AND answer_at < :now::timestamptz THEN answer_at END
           WHEN 'closed' THEN answer_at
           ELSE least(answer_at, created_at + (:now::timestamptz - created_at) / 3)
         END AS responded_at
    FROM d
), f AS MATERIALIZED (
  SELECT e.*,
         -- When it was (last) resolved; for reopened tickets, the resolution the customer's reply undid.
         CASE status
           WHEN 'resolved' THEN responded_at + (:now::timestamptz - responded_at) * (0.1 + 0.8 * u_resolve)
           WHEN 'reopened' THEN responded_at + (:now::timestamptz - responded_at) * (0.1 + 0.5 * u_resolve)
           WHEN 'closed' THEN responded_at + make_interval(secs => resolution_minutes * 60 * (0.1 + 1.2 * u_resolve))
         END AS done_at,
         -- Waiting on the customer since shortly after staff's answer.
         CASE WHEN status = 'pending_customer' THEN responded_at + interval '1 minute' END AS waiting_since
    FROM e
), h AS MATERIALIZED (
  SELECT f.*,
         CASE WHEN status = 'reopened' THEN done_at + (:now::timestamptz - done_at) * (0.1 + 0.8 * u_pause) END AS reopened_at,
         CASE WHEN status = 'closed' THEN done_at + CASE WHEN u_close < 0.8 THEN interval '7 days' ELSE interval '2 hours' END END AS closed_at
    FROM f
), r AS MATERIALIZED (
  SELECT h.*,
         CASE status
           WHEN 'open' THEN resolution_target
           -- The stretch spent resolved moved the resolution's due time (if it began before it).
           WHEN 'reopened' THEN resolution_target + CASE WHEN done_at < resolution_target THEN reopened_at - done_at ELSE interval '0' END
           -- A pause still running stops the clock: no due time if it began before the target.
           WHEN 'pending_customer' THEN CASE WHEN waiting_since < resolution_target THEN NULL ELSE resolution_target END
           ELSE CASE WHEN done_at < resolution_target THEN NULL ELSE resolution_target END
         END AS resolution_due,
         CASE status
           WHEN 'pending_customer' THEN jsonb_build_array(jsonb_build_object('start', to_json(waiting_since)#>>'{}', 'end', NULL))
           WHEN 'reopened' THEN jsonb_build_array(jsonb_build_object('start', to_json(done_at)#>>'{}', 'end', to_json(reopened_at)#>>'{}'))
           WHEN 'resolved' THEN jsonb_build_array(jsonb_build_object('start', to_json(done_at)#>>'{}', 'end', NULL))
           WHEN 'closed' THEN jsonb_build_array(jsonb_build_object('start', to_json(done_at)#>>'{}', 'end', NULL))
           ELSE '[]'::jsonb
         END AS pauses
    FROM h
), t AS MATERIALIZED (
  SELECT r.*,
         CASE WHEN status IN ('open', 'reopened') THEN
           CASE WHEN responded_at IS NULL THEN least(first_due, resolution_due) ELSE resolution_due END
         END AS next_due,
         CASE WHEN u_source < 0.86 THEN 'customer' WHEN u_source < 0.94 THEN 'staff' WHEN u_source < 0.98 THEN 'review' ELSE 'survey' END AS source
    FROM r
)
INSERT INTO crm_ticket (
  id, customer_id, order_id, product_id, subject, category, priority, status, assignee_id, source, source_id,
  first_responded_at, resolved_at, closed_at, pauses, first_response_due_at, resolution_due_at, next_due_at,
  last_message_at, first_response_escalated_at, resolution_escalated_at, flagged,
  rating_score, rating_comment, rated_at, created_at, updated_at
)
SELECT 'tkt_bench_' || n, customer_id, order_id,
       CASE WHEN source = 'review' OR (category = 'product_quality' AND u_product < 0.5) THEN 'prod_bench_' || (1 + floor(u_product * 40)::int) END,
       (:subjects::text[])[1 + category_index * 4 + floor(u_subject * 4)::int],
       category, priority, status,
       CASE WHEN (responded_at IS NULL AND u_assignee < 0.4) OR (responded_at IS NOT NULL AND u_assignee < 0.85)
            THEN 'user_bench_' || (1 + floor(u_assignee * 100)::int % 8) END,
       source,
       CASE source WHEN 'review' THEN 'rev_bench_' || n WHEN 'survey' THEN 'srvres_bench_' || n END,
       responded_at,
       CASE WHEN status IN ('resolved', 'closed') THEN done_at END,
       closed_at,
       pauses, first_due, resolution_due, next_due,
       greatest(created_at, responded_at, done_at, reopened_at, closed_at),
       -- Breaches in the past were escalated by the job, a few minutes late.
       CASE WHEN first_due < coalesce(responded_at, done_at, :now::timestamptz) THEN least(first_due + interval '3 minutes', :now::timestamptz) END,
       CASE WHEN resolution_due < coalesce(done_at, :now::timestamptz) AND status IN ('open', 'reopened') THEN least(resolution_due + interval '3 minutes', :now::timestamptz)
            WHEN status IN ('resolved', 'closed') AND done_at > resolution_target THEN resolution_target + interval '3 minutes' END,
       u_flag < 0.03,
       CASE WHEN status IN ('resolved', 'closed') AND u_rating < 0.35 THEN (ARRAY[5, 5, 5, 5, 4, 4, 3, 2, 1, 5])[1 + (n * 7) % 10] END,
       CASE WHEN status IN ('resolved', 'closed') AND u_rating < 0.10 THEN 'Thanks for sorting it out.' END,
       CASE WHEN status IN ('resolved', 'closed') AND u_rating < 0.35 THEN least(done_at + interval '1 day', :now::timestamptz) END,
       created_at,
       greatest(created_at, responded_at, done_at, reopened_at, closed_at)
  FROM t
 ORDER BY created_at, n`

/** The customer's first message and, once answered, staff's reply, for the newest tickets. */
const INSERT_MESSAGES = `
WITH newest AS (
  SELECT id, customer_id, assignee_id, subject, created_at, first_responded_at
    FROM crm_ticket WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT :count
)
INSERT INTO crm_ticket_message (id, ticket_id, author_type, author_id, body, internal, created_at, updated_at)
SELECT 'tktmsg_bench_' || substr(id, 11) || '_1', id, 'customer', customer_id,
       subject || '. Could you please look into this? Thank you.', false, created_at, created_at
  FROM newest
UNION ALL
SELECT 'tktmsg_bench_' || substr(id, 11) || '_2', id, 'user', coalesce(assignee_id, 'user_bench_1'),
       'Thank you for writing to us. We are sorry about this and are looking into it now.', false, first_responded_at, first_responded_at
  FROM newest WHERE first_responded_at IS NOT NULL`

export default async function ticketsBenchmarkSetup({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const tickets: TicketsModuleService = container.resolve(CrmModules.TICKETS)
  const started = process.hrtime.bigint()

  // --- 1. Shop and admin ---------------------------------------------------
  const shop = await createStoreFixtures(container)
  const adminId = await createAdminUser(container, ADMIN)
  say(`shop ready (region ${shop.regionId}); admin user ${adminId} (${ADMIN.email}, emailpass)`)

  // --- 2. Customers and orders ---------------------------------------------
  let t = process.hrtime.bigint()
  const customerIds = await createBenchCustomers(container, CUSTOMERS)
  say(`${CUSTOMERS} customers in ${since(t).toFixed(1)} s`)
  const orders = await createSpreadOrders(container, shop, customerIds, ORDERS, 180)
  say(`${ORDERS} orders with the Order module's createOrders (batches of 250) in ${orders.create_seconds.toFixed(1)} s, spread over 180 days; the order facts back-fill and the points reconciliation after them in ${orders.catch_up_seconds.toFixed(1)} s`)

  // --- 3. Tickets ------------------------------------------------------------
  const settings = await tickets.loadTicketSettings()
  const now = new Date()
  t = process.hrtime.bigint()
  await withFixedSeed(knex, async (trx) => {
    await trx.raw(INSERT_TICKETS, { count: TICKETS, now, sla: JSON.stringify(settings.sla), subjects: SUBJECTS })
    await trx.raw(INSERT_MESSAGES, { count: MESSAGES })
  })
  const insertSeconds = since(t)
  t = process.hrtime.bigint()
  await knex.raw(`VACUUM (ANALYZE) crm_ticket, crm_ticket_message, "order", customer`)
  const vacuumSeconds = since(t)

  const spread = async (column: string) =>
    (await knex.raw(`SELECT jsonb_object_agg(${column}, n) AS spread FROM (SELECT ${column}, count(*)::int AS n FROM crm_ticket WHERE deleted_at IS NULL GROUP BY 1) s`)).rows[0].spread
  const { rows: more } = await knex.raw(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE order_id IS NOT NULL))::int AS with_order,
            (count(*) FILTER (WHERE status IN ('open', 'reopened')))::int AS inbox,
            (count(*) FILTER (WHERE status IN ('open', 'reopened') AND next_due_at < ?))::int AS overdue,
            (count(*) FILTER (WHERE next_due_at IS NOT NULL AND status NOT IN ('open', 'reopened')))::int AS stray_next_due,
            (count(*) FILTER (WHERE order_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM "order" o WHERE o.id = crm_ticket.order_id AND o.customer_id = crm_ticket.customer_id AND o.created_at < crm_ticket.created_at)))::int AS order_mismatch,
            count(DISTINCT customer_id)::int AS customers,
            min(created_at) AS oldest, max(created_at) AS newest,
            (SELECT count(*)::int FROM crm_ticket_message) AS messages,
            (SELECT count(*)::int FROM "order" WHERE deleted_at IS NULL) AS orders,
            pg_size_pretty(pg_total_relation_size('crm_ticket')) AS table_size
       FROM crm_ticket WHERE deleted_at IS NULL`,
    [now]
  )
  const ticketsShape = {
    ...more[0],
    by_status: await spread("status"),
    by_priority: await spread("priority"),
    by_category: await spread("category"),
    by_source: await spread("source"),
    insert_seconds: insertSeconds,
    vacuum_seconds: vacuumSeconds,
  }
  say(
    `${ticketsShape.total} tickets and ${ticketsShape.messages} messages inserted in ${insertSeconds.toFixed(1)} s ` +
      `(${JSON.stringify(ticketsShape.by_status)}; ${ticketsShape.inbox} open or reopened, ${ticketsShape.overdue} of them overdue; ` +
      `${ticketsShape.with_order} about an order; crm_ticket ${ticketsShape.table_size}); VACUUM (ANALYZE) in ${vacuumSeconds.toFixed(1)} s`
  )
  if (ticketsShape.stray_next_due || ticketsShape.order_mismatch) {
    throw new Error(`generated tickets are inconsistent: ${ticketsShape.stray_next_due} with next_due_at outside open/reopened, ${ticketsShape.order_mismatch} with an order not the customer's or not before the ticket`)
  }

  const result = {
    admin: { ...ADMIN, user_id: adminId },
    shop: { region_id: shop.regionId, sales_channel_id: shop.salesChannelId, product_id: shop.productId },
    customers: CUSTOMERS,
    orders: { count: ORDERS, seconds: orders.create_seconds, catch_up_seconds: orders.catch_up_seconds },
    tickets: ticketsShape,
    settings,
    now: now.toISOString(),
    seconds: since(started),
  }
  process.stdout.write(`BENCH_TICKETS_SETUP ${JSON.stringify(result)}\n`)
}
