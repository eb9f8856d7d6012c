/**
 * Segments benchmark, run by bench/segments.js inside Medusa:
 *
 *   medusa exec ./bench/segments.ts   (DATABASE_URL: a copy of the generated
 *                                      data set; BENCH_NOW: its anchor)
 *
 * 1. RFM: the segments module's `scoreRfm(asOf)` (container key crmSegments)
 *    over every customer with orders, as of the data set's anchor, against
 *    the bare SQL that computes and stores the same answer (hand-written:
 *    the three ntile(5) windows into a temporary table), run before and after
 *    it (the faster counts). First run into an empty score table, then the
 *    same again (steady state: writes nothing). The stored scores must equal
 *    the baseline's for every customer.
 * 2. A 3-condition segment (SEGMENT_RULE) made with createSegmentWorkflow and
 *    refreshed with refreshSegmentWorkflow (src/workflows/segments):
 *    - first fill: members and the customer group from nothing;
 *    - steady state: after about 1% of customers changed (new order facts:
 *      half of them join, half leave);
 *    - unchanged: the same again, which must change (almost) nothing.
 *    Each against the bare SQL that computes the same member set (written by
 *    hand, not the compiler's) and applies the same difference to a twin
 *    segment's members and a twin customer group, in one transaction, at the
 *    as-of time the refresh used (the segment's refreshed_at). After each,
 *    the segment's group (customer_group_customer) must equal the baseline's
 *    member set, and the joined/left counts must be the baseline's.
 * 3. Where the group sync's time goes: the same customers put into (and
 *    taken out of) fresh groups through the workflow, through the customer
 *    module alone, and with one INSERT (DELETE), by chunk size (and for the
 *    workflow with two chunks in flight).
 *
 * The last line is machine-readable: BENCH_SEGMENTS_RESULT {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerGroupsWorkflow, linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { RFM_GROUP_GRID } from "../src/modules/segments/rfm/groups"
import type { SegmentRule } from "../src/modules/segments/rules/rule"
import { CrmModules } from "../src/types/modules"
import { createSegmentWorkflow } from "../src/workflows/segments/workflows/create-segment"
import { refreshSegmentWorkflow } from "../src/workflows/segments/workflows/refresh-segment"
import { scoreRfmWorkflow } from "../src/workflows/segments/workflows/score-rfm"
import { chunks, say, since } from "./lib/seed"

const DAY = 24 * 60 * 60 * 1000
/** Customers changed between the first fill and the steady-state refresh, as a share of all customers. */
const CHANGED_SHARE = Number(process.env.BENCH_CHANGED_SHARE || 0.01)
/** Customers of the group-sync breakdown (section 3). */
const GROUP_SAMPLE = Number(process.env.BENCH_GROUP_SAMPLE ?? 20_000)

const COUNTRIES = ["nl", "gb"]
/** Frequent recent buyers from two countries: about 11% of the generated customers. */
const SEGMENT_RULE: SegmentRule = {
  all: [
    { field: "order_count", op: "gte", value: 3 },
    { field: "days_since_last_order", op: "lte", value: 180 },
    { field: "country_code", op: "in", value: COUNTRIES },
  ],
}
const BASELINE_SEGMENT_ID = "seg_bench_baseline"
const BASELINE_GROUP_ID = "cusgroup_bench_baseline"

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const t = process.hrtime.bigint()
  const result = await work()
  return { seconds: since(t), result }
}

// --- The workflows under test ---------------------------------------------------------

type SegmentWorkflows = {
  create: (input: { name: string; description?: string; rules: SegmentRule; refresh: "manual" }) => Promise<{ id: string }>
  refresh: (segmentId: string) => Promise<unknown>
}

function segmentWorkflows(container: MedusaContainer): SegmentWorkflows {
  return {
    create: async (input) => (await createSegmentWorkflow(container).run({ input })).result,
    refresh: async (segment_id) => (await refreshSegmentWorkflow(container).run({ input: { segment_id } })).result,
  }
}

/**
 * Times the module methods a refresh calls, on the container's instance of
 * the service (the one the workflow's steps resolve): seconds per method
 * since the last `reset()`. The rest of a refresh is the group sync through
 * Medusa's workflow, and the workflow engine.
 */
function instrument(service: any, methods: string[]) {
  const seconds: Record<string, number> = {}
  for (const method of methods) {
    const original = service[method].bind(service)
    service[method] = async (...args: unknown[]) => {
      const t = process.hrtime.bigint()
      try {
        return await original(...args)
      } finally {
        seconds[method] = (seconds[method] ?? 0) + since(t)
      }
    }
  }
  return {
    reset: () => methods.forEach((method) => (seconds[method] = 0)),
    read: () => ({ ...seconds }),
  }
}

/**
 * The RFM scores written by hand: each customer's last order, orders and net
 * spend, cut into quintiles with the module's tie-breaks, the group from the
 * module's score-to-group grid.
 */
const RFM_BY_HAND_SQL = `
  SELECT s.customer_id, s.r AS recency, s.f AS frequency, s.m AS monetary,
         (?::text[])[(s.r - 1) * 5 + (s.f + s.m + 1) / 2] AS rfm_group,
         s.last_order_at, s.order_count, s.monetary_value
    FROM (
      SELECT a.*,
             ntile(5) OVER (ORDER BY a.last_order_at, a.order_count, a.monetary_value, a.customer_id) AS r,
             ntile(5) OVER (ORDER BY a.order_count, a.monetary_value, a.last_order_at, a.customer_id) AS f,
             ntile(5) OVER (ORDER BY a.monetary_value, a.order_count, a.last_order_at, a.customer_id) AS m
        FROM (
          SELECT customer_id, max(placed_at) AS last_order_at, count(*)::int AS order_count,
                 sum(spend - returned_spend) AS monetary_value
            FROM crm_order_fact
           WHERE deleted_at IS NULL AND canceled_at IS NULL AND customer_id IS NOT NULL AND placed_at <= ?
           GROUP BY customer_id
        ) a
    ) s`
const RFM_BASELINE_SQL = `CREATE TEMP TABLE bench_rfm_baseline ON COMMIT DROP AS ${RFM_BY_HAND_SQL}`

/** The baseline in a transaction; `inside` runs before its temporary table goes. */
async function rfmBaseline<T>(knex: Knex, asOf: Date, inside: (trx: Knex.Transaction) => Promise<T>) {
  return knex.transaction(async (trx) => {
    const { seconds } = await timed(() => trx.raw(RFM_BASELINE_SQL, [RFM_GROUP_GRID, asOf]))
    return { seconds, result: await inside(trx) }
  })
}

/** RFM scoring as the store runs it: the workflow crm-score-rfm. */
const scoreRfm = (container: MedusaContainer, asOf: Date) =>
  scoreRfmWorkflow(container).run({ input: { as_of: asOf } }).then(({ result }) => result)

async function rfmBenchmark(knex: Knex, container: MedusaContainer, asOf: Date) {
  const scorer = { source: "scoreRfmWorkflow (crm-score-rfm)", score: (asOf: Date) => scoreRfm(container, asOf) }
  say(`RFM scoring through ${scorer.source}`)
  const baselineRuns: number[] = []
  const before = await rfmBaseline(knex, asOf, async (trx) => (await trx.raw(`SELECT count(*)::int AS n FROM bench_rfm_baseline`)).rows[0].n)
  baselineRuns.push(before.seconds)
  say(`RFM baseline (bare SQL into a temporary table) run 1: ${before.seconds.toFixed(2)} s, ${before.result} customers`)

  const first = await timed(() => scorer.score(asOf))
  say(`${scorer.source.split(" ")[0]}, first run (empty score table): ${first.seconds.toFixed(2)} s; ${JSON.stringify(pick(first.result, ["customers", "changed", "removed"]))}`)

  // The second baseline run, with the comparison inside its transaction.
  const after = await rfmBaseline(knex, asOf, async (trx) => {
    const { rows } = await trx.raw(
      `SELECT (SELECT count(*) FROM bench_rfm_baseline)::int AS baseline,
              (SELECT count(*) FROM crm_customer_rfm)::int AS stored,
              count(*) FILTER (WHERE r.customer_id IS NULL)::int AS missing,
              count(*) FILTER (WHERE r.customer_id IS NOT NULL AND (r.recency, r.frequency, r.monetary, r.rfm_group) IS DISTINCT FROM
                                                            (b.recency, b.frequency, b.monetary, b.rfm_group))::int AS other_scores,
              count(*) FILTER (WHERE r.customer_id IS NOT NULL AND (r.last_order_at, r.order_count, r.monetary_value) IS DISTINCT FROM
                                                            (b.last_order_at, b.order_count, b.monetary_value))::int AS other_measures
         FROM bench_rfm_baseline b LEFT JOIN crm_customer_rfm r ON r.customer_id = b.customer_id`
    )
    return rows[0]
  })
  baselineRuns.push(after.seconds)
  say(`RFM baseline run 2: ${after.seconds.toFixed(2)} s`)
  const check = after.result
  const agree = check.baseline === check.stored && check.missing === 0 && check.other_scores === 0 && check.other_measures === 0
  say(
    `check: ${check.stored} scores stored, ${check.baseline} by the bare SQL, ${check.missing} missing, ` +
      `${check.other_scores} with other scores, ${check.other_measures} with other measures: ${agree ? "OK (same scores for every customer)" : "FAILED"}`
  )

  // What storing costs: the same rows into an empty regular table shaped as crm_customer_rfm
  // (its keys, index and checks, written to the WAL), the module's first run without its
  // advisory lock, upsert and run record.
  const stored = await knex.transaction(async (trx) => {
    await trx.raw(`CREATE TABLE bench_rfm_stored (LIKE crm_customer_rfm INCLUDING ALL)`)
    const run = await timed(() =>
      trx.raw(
        `INSERT INTO bench_rfm_stored (customer_id, recency, frequency, monetary, rfm_group, last_order_at, order_count, monetary_value)
         ${RFM_BY_HAND_SQL}`,
        [RFM_GROUP_GRID, asOf]
      )
    )
    await trx.raw(`DROP TABLE bench_rfm_stored`)
    return run.seconds
  })
  say(`RFM bare SQL into an empty table shaped as crm_customer_rfm (logged, same indexes): ${stored.toFixed(2)} s`)

  const steady = await timed(() => scorer.score(asOf))
  const steadyZero = steady.result.changed === 0 && steady.result.removed === 0
  say(`${scorer.source.split(" ")[0]}, steady state (same as-of, nothing changed): ${steady.seconds.toFixed(2)} s; ${JSON.stringify(pick(steady.result, ["customers", "changed", "removed"]))}`)

  const distribution = (
    await knex.raw(`SELECT rfm_group, count(*)::int AS customers FROM crm_customer_rfm GROUP BY rfm_group ORDER BY 2 DESC`)
  ).rows
  return {
    as_of: asOf.toISOString(),
    source: scorer.source,
    baseline: { seconds: Math.min(...baselineRuns), runs: baselineRuns, customers: before.result },
    stored_table_seconds: stored,
    first: { seconds: first.seconds, ...pick(first.result, ["customers", "changed", "removed"]) },
    steady: { seconds: steady.seconds, ...pick(steady.result, ["customers", "changed", "removed"]), writes_nothing: steadyZero },
    check: { ...check, ok: agree },
    distribution,
  }
}

const pick = (object: any, keys: string[]) => Object.fromEntries(keys.map((key) => [key, object?.[key]]))

// --- 2. Segment refresh ------------------------------------------------------------------

/**
 * The rule's members written by hand: per customer, orders (not canceled, up
 * to `now`), the last one and the country of the latest order that has one
 * (a default shipping address wins over it), kept when they meet the three
 * conditions. days_since_last_order <= 180 is "last order less than 181
 * days before now" (whole days elapsed).
 */
const MEMBERS_BASELINE_SQL = `
  CREATE TEMP TABLE bench_segment_members ON COMMIT DROP AS
  SELECT o.customer_id
    FROM (
      SELECT f.customer_id,
             (array_agg(f.country_code ORDER BY f.placed_at DESC) FILTER (WHERE f.country_code IS NOT NULL))[1] AS order_country
        FROM crm_order_fact f
       WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL AND f.placed_at <= :now
       GROUP BY f.customer_id
      HAVING count(*) >= 3 AND max(f.placed_at) > :now::timestamptz - interval '181 days'
    ) o
    JOIN customer c ON c.id = o.customer_id AND c.deleted_at IS NULL
    LEFT JOIN customer_address a ON a.customer_id = c.id AND a.is_default_shipping AND a.deleted_at IS NULL
   WHERE coalesce(lower(a.country_code), o.order_country) = ANY(:countries::text[])`

type BaselineRun = { seconds: number; members_seconds: number; joined: number; left: number; member_count: number; group_added: number; group_removed: number }

/**
 * The bare SQL of a refresh at `now`, in one transaction: the member set,
 * applied to the twin segment's members, and the twin group brought to it
 * (rows inserted with ids as Medusa's, rows of those who left deleted).
 */
async function baselineRefresh(knex: Knex, now: Date): Promise<BaselineRun> {
  return knex.transaction(async (trx) => {
    const t = process.hrtime.bigint()
    await trx.raw(MEMBERS_BASELINE_SQL, { now, countries: COUNTRIES })
    // A key and statistics, as anyone writing this by hand would add: without them the
    // planner, seeing an empty group in stale statistics, re-reads the set once per group row.
    await trx.raw(`ALTER TABLE bench_segment_members ADD PRIMARY KEY (customer_id)`)
    await trx.raw(`ANALYZE bench_segment_members`)
    const membersSeconds = since(t)
    const { rows } = await trx.raw(
      `WITH joined AS (
         INSERT INTO crm_segment_member (segment_id, customer_id, joined_at)
         SELECT :segment, b.customer_id, :now FROM bench_segment_members b
          WHERE NOT EXISTS (SELECT 1 FROM crm_segment_member m WHERE m.segment_id = :segment AND m.customer_id = b.customer_id)
         RETURNING 1
       ), departed AS (
         DELETE FROM crm_segment_member m
          WHERE m.segment_id = :segment AND NOT EXISTS (SELECT 1 FROM bench_segment_members b WHERE b.customer_id = m.customer_id)
         RETURNING 1
       ), added AS (
         INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at)
         SELECT 'cusgc_' || replace(gen_random_uuid()::text, '-', ''), b.customer_id, :group, now(), now()
           FROM bench_segment_members b
          WHERE NOT EXISTS (SELECT 1 FROM customer_group_customer g
                             WHERE g.customer_group_id = :group AND g.customer_id = b.customer_id AND g.deleted_at IS NULL)
         RETURNING 1
       ), removed AS (
         DELETE FROM customer_group_customer g
          WHERE g.customer_group_id = :group AND g.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM bench_segment_members b WHERE b.customer_id = g.customer_id)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM departed)::int AS left,
              (SELECT count(*) FROM bench_segment_members)::int AS member_count,
              (SELECT count(*) FROM added)::int AS group_added, (SELECT count(*) FROM removed)::int AS group_removed`,
      { segment: BASELINE_SEGMENT_ID, group: BASELINE_GROUP_ID, now }
    )
    return { seconds: since(t), members_seconds: membersSeconds, ...rows[0] }
  })
}

/** The segment, its group and the twins compared: every set must be the same. */
async function compareGroups(knex: Knex, segmentId: string, groupId: string) {
  const { rows } = await knex.raw(
    `WITH seg AS (SELECT customer_id FROM crm_segment_member WHERE segment_id = :segment),
          grp AS (SELECT customer_id FROM customer_group_customer WHERE customer_group_id = :group AND deleted_at IS NULL),
          bseg AS (SELECT customer_id FROM crm_segment_member WHERE segment_id = :bsegment),
          bgrp AS (SELECT customer_id FROM customer_group_customer WHERE customer_group_id = :bgroup AND deleted_at IS NULL)
     SELECT (SELECT count(*) FROM seg)::int AS members,
            (SELECT count(*) FROM grp)::int AS group_rows,
            (SELECT count(DISTINCT customer_id) FROM grp)::int AS group_customers,
            (SELECT count(*) FROM bgrp)::int AS baseline_group_rows,
            (SELECT count(*) FROM (SELECT customer_id FROM grp EXCEPT SELECT customer_id FROM bgrp) x)::int AS group_not_baseline,
            (SELECT count(*) FROM (SELECT customer_id FROM bgrp EXCEPT SELECT customer_id FROM grp) x)::int AS baseline_not_group,
            (SELECT count(*) FROM (SELECT customer_id FROM seg EXCEPT SELECT customer_id FROM grp) x)::int AS members_not_group,
            (SELECT count(*) FROM (SELECT customer_id FROM seg EXCEPT SELECT customer_id FROM bseg) x)
              + (SELECT count(*) FROM (SELECT customer_id FROM bseg EXCEPT SELECT customer_id FROM seg) x)::int AS members_differ`,
    { segment: segmentId, group: groupId, bsegment: BASELINE_SEGMENT_ID, bgroup: BASELINE_GROUP_ID }
  )
  const c = rows[0]
  const ok =
    c.group_rows === c.group_customers &&
    c.group_rows === c.baseline_group_rows &&
    c.group_not_baseline === 0 &&
    c.baseline_not_group === 0 &&
    c.members_not_group === 0 &&
    Number(c.members_differ) === 0
  return { ...c, members_differ: Number(c.members_differ), ok }
}

/**
 * About `share` of all customers change: half of the changed are customers
 * one order short of the segment (2 orders, recent, in a listed country)
 * who place a third; the other half members whose new order ships to a
 * country not listed (de). New order facts, placed an hour ago.
 */
async function changeCustomers(knex: Knex, segmentId: string, customers: number, share: number) {
  const each = Math.max(1, Math.round((customers * share) / 2))
  const now = new Date()
  const { rows } = await knex.raw(
    `WITH facts AS (
       SELECT f.customer_id, count(*) AS orders, max(f.placed_at) AS last_order_at,
              (array_agg(f.country_code ORDER BY f.placed_at DESC) FILTER (WHERE f.country_code IS NOT NULL))[1] AS country
         FROM crm_order_fact f
        WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL AND f.placed_at <= :now
        GROUP BY f.customer_id
     ), joiners AS (
       SELECT f.customer_id, f.country FROM facts f JOIN customer c ON c.id = f.customer_id
        WHERE f.orders = 2 AND f.last_order_at > :now::timestamptz - interval '170 days' AND f.country = ANY(:countries::text[])
        ORDER BY md5(f.customer_id) LIMIT :each
     ), leavers AS (
       SELECT m.customer_id, 'de' AS country FROM crm_segment_member m WHERE m.segment_id = :segment
        ORDER BY md5(m.customer_id) LIMIT :each
     ), changed AS (
       SELECT customer_id, country, 'join' AS kind FROM joiners UNION ALL SELECT customer_id, country, 'leave' FROM leavers
     ), inserted AS (
       INSERT INTO crm_order_fact (id, order_id, customer_id, sales_channel_id, region_id, status, currency_code, country_code,
                                   total, raw_total, spend, raw_spend, item_count, placed_at)
       SELECT 'ofact_bench_' || c.customer_id, 'order_bench_' || c.customer_id, c.customer_id, 'sc_bench', 'reg_bench', 'pending', 'eur',
              c.country, 60, jsonb_build_object('value', '60', 'precision', 20), 50, jsonb_build_object('value', '50', 'precision', 20),
              1, :now::timestamptz - interval '1 hour'
         FROM changed c
       RETURNING customer_id
     )
     SELECT (SELECT count(*) FROM changed WHERE kind = 'join')::int AS joiners,
            (SELECT count(*) FROM changed WHERE kind = 'leave')::int AS leavers,
            (SELECT count(*) FROM inserted)::int AS orders`,
    { now, countries: COUNTRIES, segment: segmentId, each }
  )
  return rows[0] as { joiners: number; leavers: number; orders: number }
}

type RefreshRun = {
  name: string
  seconds: number
  now: string
  joined: number
  left: number
  member_count: number
  baseline: BaselineRun
  phases: { apply_members: number; group_difference: number; group_sync_and_rest: number }
  check: Record<string, any>
  counts_agree: boolean
  ok: boolean
}

async function segmentBenchmark(knex: Knex, container: MedusaContainer, customers: number) {
  const segments: any = container.resolve(CrmModules.SEGMENTS)
  const timing = instrument(segments, ["applySegmentMembers", "segmentGroupDifference"])
  const workflows = segmentWorkflows(container)
  say(`segment refresh through createSegmentWorkflow / refreshSegmentWorkflow`)

  // The twins of the baseline: a segment id (members only) and a customer group.
  await knex.raw(`INSERT INTO customer_group (id, name, created_at, updated_at) VALUES (?, 'Bench baseline', now(), now())`, [BASELINE_GROUP_ID])

  // Warm-up, untimed: the rule's count and how big a share it is.
  const preview = await timed(() => segments.previewSegmentRule(SEGMENT_RULE, new Date(), 5))
  say(`preview (warm-up): ${preview.result.count} customers match (${((100 * preview.result.count) / customers).toFixed(1)}%) in ${preview.seconds.toFixed(2)} s`)

  const runs: RefreshRun[] = []
  let segmentId = ""
  let segment: any = null
  /** The refresh just done (`seconds`) against the baseline at the as-of time it used, and the checks. */
  const record = async (name: string, seconds: number) => {
    const spent = timing.read()
    const phases = {
      apply_members: spent.applySegmentMembers,
      group_difference: spent.segmentGroupDifference,
      group_sync_and_rest: seconds - spent.applySegmentMembers - spent.segmentGroupDifference,
    }
    segment = await segments.retrieveSegment(segmentId)
    const now = new Date(segment.refreshed_at)
    const baseline = await baselineRefresh(knex, now)
    const check = await compareGroups(knex, segment.id, segment.customer_group_id)
    const countsAgree =
      segment.last_joined === baseline.joined && segment.last_left === baseline.left && segment.member_count === baseline.member_count
    const run: RefreshRun = {
      name,
      seconds,
      now: now.toISOString(),
      joined: segment.last_joined,
      left: segment.last_left,
      member_count: segment.member_count,
      baseline,
      check,
      counts_agree: countsAgree,
      ok: check.ok && countsAgree,
      phases,
    }
    runs.push(run)
    say(
      `${name}: ${seconds.toFixed(2)} s, ${run.member_count} members, joined ${run.joined}, left ${run.left}; ` +
        `baseline ${baseline.seconds.toFixed(2)} s (member set ${baseline.members_seconds.toFixed(2)} s), joined ${baseline.joined}, left ${baseline.left}, ` +
        `group +${baseline.group_added} -${baseline.group_removed}; ratio x${(seconds / baseline.seconds).toFixed(2)}`
    )
    say(
      `  of which applySegmentMembers ${phases.apply_members.toFixed(2)} s, segmentGroupDifference ${phases.group_difference.toFixed(2)} s, ` +
        `the group sync through linkCustomersToCustomerGroupWorkflow and the rest ${phases.group_sync_and_rest.toFixed(2)} s`
    )
    say(
      `check: group ${check.group_rows} rows (${check.group_customers} customers), baseline group ${check.baseline_group_rows}, ` +
        `${check.group_not_baseline} + ${check.baseline_not_group} differ, ${check.members_not_group} members not in the group, ` +
        `${check.members_differ} members differ from the baseline's; counts ${countsAgree ? "agree" : "DIFFER"}: ${run.ok ? "OK" : "FAILED"}`
    )
    return run
  }
  const measure = async (name: string) => {
    timing.reset()
    return record(name, (await timed(() => workflows.refresh(segmentId))).seconds)
  }

  // First fill: createSegmentWorkflow fills the segment when it refreshes once (as the API's create does); else the first refresh does.
  const input = { name: "Bench: frequent recent NL/GB", description: "3+ orders, last within 180 days, NL or GB", rules: SEGMENT_RULE, refresh: "manual" as const }
  timing.reset()
  const created = await timed(() => workflows.create(input))
  segmentId = created.result.id
  const filledByCreate = !!(await segments.retrieveSegment(segmentId)).refreshed_at
  say(`createSegmentWorkflow: ${created.seconds.toFixed(2)} s (${filledByCreate ? "it refreshed the segment once: that is the first fill" : "no refresh"})`)
  if (filledByCreate) {
    await record("first fill (createSegmentWorkflow)", created.seconds)
  } else {
    await measure("first fill (first refresh)")
  }

  const changed = await changeCustomers(knex, segment.id, customers, CHANGED_SHARE)
  say(`changed: ${changed.joiners} customers one order short placed one more, ${changed.leavers} members ordered to 'de' (${changed.orders} new order facts)`)
  await measure("steady state (~1% changed)")
  await measure("unchanged data")

  return {
    source: "workflows",
    rule: SEGMENT_RULE,
    customers,
    preview: { count: preview.result.count, seconds: preview.seconds },
    create_seconds: created.seconds,
    filled_by_create: filledByCreate,
    changed,
    segment_id: segment.id,
    customer_group_id: segment.customer_group_id,
    runs,
  }
}

// --- 3. Where the group sync's time goes --------------------------------------------------

async function groupSyncBreakdown(knex: Knex, container: MedusaContainer, sample: number) {
  const customerModule: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const ids: string[] = (await knex.raw(`SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY md5(id) LIMIT ?`, [sample])).rows.map(
    (row: { id: string }) => row.id
  )
  const newGroup = async (name: string) => {
    const { result } = await createCustomerGroupsWorkflow(container).run({ input: { customersData: [{ name: `Bench sync ${name}` }] } })
    return result[0].id as string
  }
  const groupRows = async (groupId: string) =>
    (await knex.raw(`SELECT count(*)::int AS n FROM customer_group_customer WHERE customer_group_id = ?`, [groupId])).rows[0].n
  const ways: Record<string, (groupId: string, chunk: string[], remove: boolean) => Promise<unknown>> = {
    "linkCustomersToCustomerGroupWorkflow": (groupId, chunk, remove) =>
      linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: groupId, ...(remove ? { remove: chunk } : { add: chunk }) } }),
    "customer module alone": (groupId, chunk, remove) => {
      const pairs = chunk.map((customer_id) => ({ customer_id, customer_group_id: groupId }))
      return remove ? customerModule.removeCustomerFromGroup(pairs) : customerModule.addCustomerToGroup(pairs)
    },
    "bare SQL": (groupId, chunk, remove) =>
      remove
        ? knex.raw(`DELETE FROM customer_group_customer WHERE customer_group_id = ? AND customer_id = ANY(?::text[])`, [groupId, chunk])
        : knex.raw(
            `INSERT INTO customer_group_customer (id, customer_id, customer_group_id, created_at, updated_at)
             SELECT 'cusgc_' || replace(gen_random_uuid()::text, '-', ''), c, ?, now(), now() FROM unnest(?::text[]) AS c`,
            [groupId, chunk]
          ),
  }
  // Chunk sizes, and for the workflow also two chunks in flight (Node does the ORM's work, PostgreSQL the writes).
  const plans: { way: string; chunk: number; inFlight: number }[] = [
    { way: "linkCustomersToCustomerGroupWorkflow", chunk: 1000, inFlight: 1 },
    { way: "linkCustomersToCustomerGroupWorkflow", chunk: 5000, inFlight: 1 },
    { way: "linkCustomersToCustomerGroupWorkflow", chunk: 1000, inFlight: 2 },
    { way: "customer module alone", chunk: 1000, inFlight: 1 },
    { way: "customer module alone", chunk: 5000, inFlight: 1 },
    { way: "bare SQL", chunk: sample, inFlight: 1 },
  ]
  const inParallel = async (parts: string[][], inFlight: number, work: (chunk: string[]) => Promise<unknown>) => {
    let next = 0
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < parts.length) await work(parts[next++])
      })
    )
  }
  const rows: { way: string; chunk: number; in_flight: number; add_seconds: number; remove_seconds: number; add_per_second: number; remove_per_second: number }[] = []
  for (const { way, chunk: size, inFlight } of plans) {
    const run = ways[way]
    const groupId = await newGroup(`${way} ${size} ${inFlight}`)
    const add = await timed(() => inParallel(chunks(ids, size), inFlight, (chunk) => run(groupId, chunk, false)))
    const added = await groupRows(groupId)
    const remove = await timed(() => inParallel(chunks(ids, size), inFlight, (chunk) => run(groupId, chunk, true)))
    const left = await groupRows(groupId)
    if (added !== ids.length || left !== 0) throw new Error(`group sync breakdown, ${way}: ${added} rows after adding ${ids.length}, ${left} after removing`)
    const row = {
      way,
      chunk: size,
      in_flight: inFlight,
      add_seconds: add.seconds,
      remove_seconds: remove.seconds,
      add_per_second: ids.length / add.seconds,
      remove_per_second: ids.length / remove.seconds,
    }
    rows.push(row)
    say(
      `group sync, ${way}, chunks of ${size}${inFlight > 1 ? `, ${inFlight} in flight` : ""}: add ${ids.length} in ${add.seconds.toFixed(2)} s (${row.add_per_second.toFixed(0)}/s), ` +
        `remove in ${remove.seconds.toFixed(3)} s (${row.remove_per_second.toFixed(0)}/s)`
    )
  }
  return { sample: ids.length, rows }
}

// --- Run --------------------------------------------------------------------------------------

export default async function segmentsBenchmark({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  if (!process.env.BENCH_NOW) throw new Error("BENCH_NOW: the data set's anchor (ISO date)")
  const asOf = new Date(process.env.BENCH_NOW)
  const [{ customers, orders, with_country }] = (
    await knex.raw(
      `SELECT (SELECT count(*) FROM customer WHERE deleted_at IS NULL)::int AS customers,
              (SELECT count(*) FROM crm_order_fact)::int AS orders,
              (SELECT count(*) FROM crm_order_fact WHERE country_code IS NOT NULL)::int AS with_country`
    )
  ).rows
  const settings = Object.fromEntries(
    (
      await knex.raw(
        `SELECT name, current_setting(name) AS value FROM pg_settings
          WHERE name IN ('shared_buffers', 'work_mem', 'hash_mem_multiplier', 'max_parallel_workers_per_gather', 'jit')`
      )
    ).rows.map((row: { name: string; value: string }) => [row.name, row.value])
  )
  const { rows: versionRows } = await knex.raw(`SELECT current_setting('server_version') AS version`)
  say(`${customers} customers, ${orders} order facts (${with_country} with a country); RFM as of ${asOf.toISOString()}`)

  const rfm = process.env.BENCH_RFM === "0" ? null : await rfmBenchmark(knex, container, asOf)
  const segment = await segmentBenchmark(knex, container, customers)
  const groupSync = process.env.BENCH_GROUP_SAMPLE === "0" ? null : await groupSyncBreakdown(knex, container, Math.min(GROUP_SAMPLE, customers))

  const result = {
    customers,
    orders,
    with_country,
    postgres: { version: versionRows[0].version, settings },
    rfm,
    segment,
    group_sync: groupSync,
    ok: (!rfm || (rfm.check.ok && rfm.steady.writes_nothing)) && segment.runs.every((run) => run.ok),
  }
  process.stdout.write(`BENCH_SEGMENTS_RESULT ${JSON.stringify(result)}\n`)
}
