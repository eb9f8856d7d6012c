/**
 * The plugin on Medusa's production topology: one `server` and two `worker`
 * processes (`medusa start` of the dev store) on Redis (event bus with
 * `attempts: 3`, workflow engine, locking, cache) and a fresh PostgreSQL
 * database. Every effect must happen exactly once however the two workers
 * share, crash on and retry the work. The steps build on each other and run
 * in order. `npm run test:scale`; logs of each process in the folder printed
 * at the start.
 */
import fs from "fs"
import path from "path"
import { until } from "../helpers/events"
import { Cluster } from "./cluster"
import {
  adminHeaders,
  checkout,
  Customer,
  fulfilAndDeliver,
  httpClient,
  inPool,
  ScaleFixtures,
  RequestTimings,
  signUpCustomers,
  summariseTimings,
} from "./shop"

/** Fast schedules for the jobs under test; the others keep their own. */
const JOB_SCHEDULES = {
  "crm-segments-refresh-due": "*/2 * * * * *",
  "crm-tickets-escalate-overdue": "*/2 * * * * *",
  "crm-surveys-send-invitations": "*/3 * * * * *",
  "crm-loyalty-expire-points": "*/10 * * * * *",
}

const ORDERS = 200
const CUSTOMERS = 50
const BURST = 60

const cluster = new Cluster({ env: { CRM_JOB_SCHEDULES: JSON.stringify(JOB_SCHEDULES), CRM_EVENT_ATTEMPTS: "3" } })
const faultsDir = path.join(cluster.logDir, "faults")
let fixtures: ScaleFixtures
let api: ReturnType<typeof httpClient>
const timings: RequestTimings = new Map()
let customers: Customer[]
const ordersPlaced: string[] = []

/** What the ledger holds for `orderIds`: earn entries, and orders with none or more than one. */
async function earnEntriesOf(orderIds: string[]) {
  const [row] = await cluster.query<{ entries: number; orders: number }>(
    `SELECT count(*)::int AS entries, count(DISTINCT source_id)::int AS orders
       FROM crm_loyalty_entry WHERE type = 'earn' AND source_id = ANY($1)`,
    [orderIds]
  )
  return row
}

/** Accounts whose balances differ from the sum of their entries: must be none. */
async function accountsOutOfBalance() {
  return cluster.query(
    `SELECT a.id, a.points_balance, a.pending_points, a.held_points, e.points, e.pending, e.held
       FROM crm_loyalty_account a
       LEFT JOIN (SELECT account_id, sum(points)::int AS points, sum(pending_delta)::int AS pending, sum(held_delta)::int AS held
                    FROM crm_loyalty_entry GROUP BY account_id) e ON e.account_id = a.id
      WHERE a.deleted_at IS NULL
        AND (a.points_balance <> coalesce(e.points, 0) OR a.pending_points <> coalesce(e.pending, 0) OR a.held_points <> coalesce(e.held, 0))`
  )
}

async function placeOrders(count: number, concurrency = 8) {
  const ids = await inPool(Array.from({ length: count }, (_, index) => customers[index % customers.length]), concurrency, (customer) =>
    checkout(api, fixtures, customer)
  )
  ordersPlaced.push(...ids)
  return ids
}

/** Resolves once every order has its earn entry; the orders' subscribers run in the workers. */
async function earnedFor(orderIds: string[], timeoutMs = 180_000) {
  await until(async () => (await earnEntriesOf(orderIds)).orders === orderIds.length, `earn entries of ${orderIds.length} orders`, timeoutMs, 500)
}

beforeAll(async () => {
  console.log(`Scale-out cluster ${cluster.run}: database ${cluster.databaseName}, Redis ${cluster.redisUrl}, logs in ${cluster.logDir}`)
  fs.mkdirSync(faultsDir, { recursive: true })
  await cluster.prepare()
  const seeded = cluster.medusaCommand(["exec", "./integration-tests/scale/seed-store.ts"], "seed", { REDIS_URL: "" })
  const line = seeded.split("\n").find((text) => text.startsWith("CRM_SCALE_FIXTURES "))
  if (!line) {
    throw new Error(`The seed printed no fixtures:\n${seeded.slice(-4000)}`)
  }
  fixtures = JSON.parse(line.slice("CRM_SCALE_FIXTURES ".length))
  await Promise.all([cluster.start("server", "server"), cluster.start("worker-1", "worker"), cluster.start("worker-2", "worker")])
  api = httpClient(cluster.get("server").baseUrl, timings)
})

afterAll(async () => {
  await cluster.destroy()
})

describe("a server and two workers on Redis", () => {
  it("serve the plugin's routes from the server process", async () => {
    const { data } = await api.get("/admin/loyalty/settings", { headers: adminHeaders(fixtures) })
    expect(data.settings).toEqual(expect.objectContaining({ earn_rate: expect.any(Number) }))
  })

  it(`earn exactly once for each of ${ORDERS} orders placed through the store API while both workers run`, async () => {
    customers = await signUpCustomers(api, fixtures, CUSTOMERS, `buyer-${cluster.run}`)
    const started = Date.now()
    const orderIds = await placeOrders(ORDERS)
    const placedIn = Date.now() - started
    await earnedFor(orderIds)
    console.log(
      `${ORDERS} orders placed in ${placedIn} ms; all earned ${Date.now() - started} ms after the first\n${summariseTimings(timings)}`
    )

    expect(await earnEntriesOf(orderIds)).toEqual({ entries: ORDERS, orders: ORDERS })
    const accounts = await cluster.query<{ customer_id: string; accounts: number }>(
      `SELECT customer_id, count(*)::int AS accounts FROM crm_loyalty_account WHERE deleted_at IS NULL AND customer_id = ANY($1) GROUP BY customer_id`,
      [customers.map((customer) => customer.customerId)]
    )
    expect(accounts).toHaveLength(CUSTOMERS)
    expect(accounts.filter((row) => row.accounts !== 1)).toEqual([])
    expect(await accountsOutOfBalance()).toEqual([])
    // Both workers took events off the queue.
    for (const worker of ["worker-1", "worker-2"]) {
      expect(cluster.linesMatching(/Processing order\.placed/, [worker]).length).toBeGreaterThan(ORDERS / 10)
    }
  })
})

describe("deliveries handled by two workers", () => {
  it("activate each delivered order's points once and invite to the survey once per delivery", async () => {
    // One order of each customer, so no per-customer limit on survey e-mails hides a duplicate.
    const delivered = customers.map((_, index) => ordersPlaced[index])
    await inPool(delivered, 6, (orderId) => fulfilAndDeliver(api, fixtures, orderId))

    await until(async () => {
      const [row] = await cluster.query<{ sent: number }>(
        `SELECT count(*)::int AS sent FROM crm_survey_invitation WHERE source_id = ANY($1) AND status <> 'scheduled'`,
        [delivered]
      )
      return row.sent === delivered.length
    }, "survey invitations of every delivery sent", 120_000, 500)

    const invitations = await cluster.query<{ source_id: string; invitations: number }>(
      `SELECT source_id, count(*)::int AS invitations FROM crm_survey_invitation WHERE source_id = ANY($1) GROUP BY source_id`,
      [delivered]
    )
    expect(invitations).toHaveLength(delivered.length)
    expect(invitations.filter((row) => row.invitations !== 1)).toEqual([])
    const emails = await cluster.query<{ resource_id: string; emails: number }>(
      `SELECT n.resource_id, count(*)::int AS emails FROM notification n
         JOIN crm_survey_invitation i ON i.id = n.resource_id
        WHERE i.source_id = ANY($1) GROUP BY n.resource_id`,
      [delivered]
    )
    expect(emails.filter((row) => row.emails !== 1)).toEqual([])
    const [sent] = await cluster.query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM crm_survey_invitation WHERE source_id = ANY($1) AND status = 'sent'`,
      [delivered]
    )
    expect(emails).toHaveLength(sent.sent)

    const activations = await cluster.query<{ order_id: string; entries: number }>(
      `SELECT l.source_id AS order_id, count(e.id)::int AS entries
         FROM crm_loyalty_lot l JOIN crm_loyalty_entry e ON e.idempotency_key = 'activate:' || l.id
        WHERE l.source_id = ANY($1) GROUP BY l.source_id`,
      [delivered]
    )
    expect(activations).toHaveLength(delivered.length)
    expect(activations.filter((row) => row.entries !== 1)).toEqual([])
    expect(await accountsOutOfBalance()).toEqual([])
  })
})

describe("scheduled jobs on two workers", () => {
  it("run each tick of a job in one worker only, and both workers take ticks", async () => {
    const started = cluster.linesMatching(/crm: job \S+ tick \S+ started/)
    const ticks = new Map<string, string[]>()
    for (const { name, line } of started) {
      const [, job, tick] = line.match(/crm: job (\S+) tick (\S+) started/)!
      ticks.set(`${job} ${tick}`, [...(ticks.get(`${job} ${tick}`) ?? []), name])
    }
    expect(ticks.size).toBeGreaterThan(20)
    expect([...ticks].filter(([, workers]) => workers.length > 1)).toEqual([])
    const workersThatRanJobs = new Set(started.map(({ name }) => name))
    expect([...workersThatRanJobs].sort()).toEqual(["worker-1", "worker-2"])
  })

  it("escalate each SLA breach once", async () => {
    const opened = await inPool(customers.slice(0, 20), 5, async (customer, index) => {
      const { data } = await api.post(
        "/store/tickets",
        { subject: `Parcel ${index} is late`, category: "logistics", message: "Where is my parcel?" },
        { headers: customer.headers }
      )
      return data.ticket.id as string
    })
    await cluster.query(`UPDATE crm_ticket SET first_response_due_at = now() - interval '1 minute' WHERE id = ANY($1)`, [opened])
    await until(async () => {
      const [row] = await cluster.query<{ escalated: number }>(
        `SELECT count(*)::int AS escalated FROM crm_ticket WHERE id = ANY($1) AND first_response_escalated_at IS NOT NULL`,
        [opened]
      )
      return row.escalated === opened.length
    }, "every breach escalated", 60_000, 500)
    await new Promise((resolve) => setTimeout(resolve, 6_000)) // three more ticks of the job

    const escalations = await cluster.query<{ ticket_id: string; notes: number }>(
      `SELECT t.id AS ticket_id, count(m.id)::int AS notes FROM crm_ticket t
         LEFT JOIN crm_ticket_message m ON m.ticket_id = t.id AND m.body LIKE 'Escalated:%'
        WHERE t.id = ANY($1) GROUP BY t.id`,
      [opened]
    )
    expect(escalations).toHaveLength(opened.length)
    expect(escalations.filter((row) => row.notes !== 1)).toEqual([])
  })

  it("refresh a due segment once per due time", async () => {
    const { data } = await api.post(
      "/admin/segments",
      { name: "Scale buyers", rules: { all: [{ field: "order_count", op: "gte", value: 1 }] }, refresh: "hourly" },
      { headers: adminHeaders(fixtures) }
    )
    const segmentId = data.segment.id as string
    const refreshLines = () => cluster.linesMatching(new RegExp(`crm: segment ${segmentId} refreshed`))
    const before = refreshLines().length
    await cluster.query(`UPDATE crm_segment SET refreshed_at = now() - interval '2 hours' WHERE id = $1`, [segmentId])
    await until(async () => refreshLines().length > before, "the due segment refreshed", 60_000, 500)
    await new Promise((resolve) => setTimeout(resolve, 8_000)) // four more ticks of the job

    expect(refreshLines().length - before).toBe(1)
    const [segment] = await cluster.query<{ member_count: number; refreshed_at: Date }>(
      `SELECT member_count, refreshed_at FROM crm_segment WHERE id = $1`,
      [segmentId]
    )
    expect(segment.member_count).toBe(CUSTOMERS)
    expect(Date.now() - new Date(segment.refreshed_at).getTime()).toBeLessThan(60_000)
  })
})

describe("a worker killed mid-work", () => {
  it("leaves every order of a burst earned exactly once after it is restarted", async () => {
    const burstStarted = new Date()
    const burst = placeOrders(BURST, 10)
    const earnedInBurst = async () =>
      (await cluster.query<{ n: number }>(`SELECT count(*)::int AS n FROM crm_loyalty_entry WHERE type = 'earn' AND created_at >= $1`, [burstStarted]))[0].n
    // Kill worker-1 a fifth of the way in, while the burst's events stream through both workers.
    await until(async () => (await earnedInBurst()) >= BURST / 5, "the burst under way", 180_000, 100)
    const linesBefore = cluster.get("worker-1").lines.length
    await cluster.kill("worker-1")
    const earnedAtKill = await earnedInBurst()
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    await cluster.start("worker-1", "worker")
    const orderIds = await burst
    await earnedFor(orderIds)
    const deliveries = cluster.linesMatching(/Processing order\.placed/).length
    console.log(
      `worker-1 killed with ${earnedAtKill} of the burst's ${BURST} orders earned; ` +
        `${deliveries} deliveries of order.placed for ${ordersPlaced.length} orders so far ` +
        `(${cluster.get("worker-1").lines.length - linesBefore} lines logged by worker-1 after its restart)`
    )

    expect(earnedAtKill).toBeLessThan(BURST)
    expect(await earnEntriesOf(orderIds)).toEqual({ entries: orderIds.length, orders: orderIds.length })
    expect(await accountsOutOfBalance()).toEqual([])
  })

  it("completes the daily expiry it was killed in the middle of, without expiring a lot twice", async () => {
    const LOTS = 20_000
    const startLines = () => cluster.linesMatching(/crm: job crm-loyalty-expire-points tick \S+ started/, ["worker-1", "worker-2"])
    const seen = startLines().length
    // Accounts with points that expired yesterday, written straight into the ledger as the
    // points module would have: one adjustment entry and one available lot each.
    await cluster.query(
      `WITH accounts AS (
         INSERT INTO crm_loyalty_account (id, customer_id, points_balance, lifetime_points)
         SELECT 'acct_exp_' || n, 'cus_exp_' || n, 10 * 10, 10 * 10 FROM generate_series(1, $1 / 10) n
         RETURNING id),
       entries AS (
         INSERT INTO crm_loyalty_entry (id, account_id, type, points, balance_after, idempotency_key, reason, created_at)
         SELECT 'ent_exp_' || a.id || '_' || k, a.id, 'adjust', 10, 10 * k, 'scale-seed:' || a.id || ':' || k, 'scale test', now() - interval '400 days'
           FROM accounts a, generate_series(1, 10) k
         RETURNING id, account_id)
       INSERT INTO crm_loyalty_lot (id, account_id, entry_id, status, points, remaining, expires_at, created_at)
       SELECT 'lot_exp_' || substr(id, 9), account_id, id, 'available', 10, 10, now() - interval '1 day', now() - interval '400 days'
         FROM entries`,
      [LOTS]
    )
    const expireEntries = async () =>
      (await cluster.query<{ n: number }>(`SELECT count(*)::int AS n FROM crm_loyalty_entry WHERE type = 'expire' AND source_id LIKE 'lot_exp_%'`))[0].n

    // The job runs every 10 s here; kill whichever worker has started it once some lots are expired.
    await until(async () => startLines().length > seen && (await expireEntries()) > 0, "the expiry job under way", 60_000, 100)
    const runner = startLines()[startLines().length - 1].name
    const expiredAtKill = await expireEntries()
    await cluster.kill(runner)
    console.log(`${runner} killed with ${expiredAtKill} of ${LOTS} lots expired`)
    expect(expiredAtKill).toBeLessThan(LOTS)

    await cluster.start(runner, "worker")
    await until(async () => (await expireEntries()) === LOTS, "every lot expired", 240_000, 1_000)
    await new Promise((resolve) => setTimeout(resolve, 12_000)) // one more run of the job

    const [lots] = await cluster.query<{ expired: number; left: number; twice: number }>(
      `SELECT count(*) FILTER (WHERE status = 'expired')::int AS expired,
              coalesce(sum(remaining), 0)::int AS left,
              (SELECT count(*)::int FROM (SELECT source_id FROM crm_loyalty_entry WHERE type = 'expire' AND source_id LIKE 'lot_exp_%'
                                          GROUP BY source_id HAVING count(*) > 1) d) AS twice
         FROM crm_loyalty_lot WHERE id LIKE 'lot_exp_%'`
    )
    expect(lots).toEqual({ expired: LOTS, left: 0, twice: 0 })
    expect(await expireEntries()).toBe(LOTS)
    const [balances] = await cluster.query<{ points: number }>(
      `SELECT coalesce(sum(points_balance), 0)::int AS points FROM crm_loyalty_account WHERE id LIKE 'acct_exp_%'`
    )
    expect(balances.points).toBe(0)
    expect(await accountsOutOfBalance()).toEqual([])
  })
})

describe("a subscriber failing transiently", () => {
  it("succeeds on the event bus's retry without a duplicate effect", async () => {
    // Both workers restarted with the test-only fault switch: the points subscriber throws once
    // per order after its earn entry is written, as a crash after the commit would.
    await Promise.all([cluster.stop("worker-1"), cluster.stop("worker-2")])
    const faults = { CRM_TEST_FAULTS: "order-placed-earn", CRM_TEST_FAULTS_DIR: faultsDir }
    await Promise.all([cluster.start("worker-1", "worker", faults), cluster.start("worker-2", "worker", faults)])

    const retriesBefore = cluster.linesMatching(/subscribers of order\.placed failed\. Retrying/).length
    const orderIds = await placeOrders(20, 5)
    await earnedFor(orderIds)
    // Every order's first attempt failed (its marker is written when the fault fires) ...
    await until(async () => orderIds.every((id) => fs.readdirSync(faultsDir).some((file) => file.includes(id))), "a fault for every order", 120_000, 500)
    const failures = cluster.linesMatching(/crm test fault/)
    expect(failures.length).toBeGreaterThanOrEqual(orderIds.length)
    const retries = cluster.linesMatching(/subscribers of order\.placed failed\. Retrying/).length - retriesBefore
    expect(retries).toBeGreaterThanOrEqual(orderIds.length)
    // ... and the retry ran the subscriber to the end: the tier check after the points ran, the points once.
    await new Promise((resolve) => setTimeout(resolve, 5_000)) // retries are 1 s apart
    expect(await earnEntriesOf(orderIds)).toEqual({ entries: orderIds.length, orders: orderIds.length })
    expect(await accountsOutOfBalance()).toEqual([])
  })
})

describe("the start-up warning", () => {
  it("is not given by a production boot on the Redis event bus", () => {
    const script = path.join(cluster.logDir, "noop.js")
    fs.writeFileSync(script, "exports.default = async function run() {}\n")
    // `medusa exec` loads every module as `medusa start` does; this one on the cluster's Redis.
    const output = cluster.medusaCommand(["exec", script], "production-boot", { NODE_ENV: "production", MEDUSA_WORKER_MODE: "server" })
    expect(output).toMatch(/Connection to Redis in module 'event-bus-redis' established/)
    expect(output).not.toMatch(/medusa-plugin-crm: this app runs on Medusa's in-memory event bus/)
  })
})
