/**
 * Tier re-evaluation benchmark, run by bench/tiers.js inside Medusa:
 *
 *   medusa exec ./bench/tiers.ts   (DATABASE_URL: a copy of the generated data
 *                                   set with the 4 tiers; BENCH_NOW: its anchor)
 *
 * 1. Baseline (timed, twice, the faster counts): the qualifying measure of
 *    every customer alone, the exact query of
 *    measureQuery({ measure: "spend", since }) over a 12-month rolling window,
 *    wrapped in count/sum so its rows stay in the database.
 * 2. rescoreTiers over every member (measure "spend", grace 30 days, reason
 *    "evaluation", not upgrade-only), timed, at the data set's "now":
 *    - first run: every account gets its tier (one update and one
 *      crm_loyalty_tier_change row per account);
 *    - VACUUM (ANALYZE) of the two written tables (untimed: what autovacuum
 *      does before the next nightly run);
 *    - steady state: the same again, which must change nothing;
 *    - unless BENCH_SHIFT=0, time passing: "now" + 40 days (members whose
 *      window lost orders start their grace period) and + 71 days (their
 *      30 days of grace are over: down).
 *    Before each run an independent query (the tier as "the highest tier
 *    whose threshold the measure reaches", per account) predicts what it must
 *    do; the run's counts must equal the prediction.
 * 3. Checks after the first run: every account holds the tier its measure
 *    qualifies for, since "now", with one change row (up, evaluation, from no
 *    tier, to that tier, with the measure as qualifying value).
 *
 * Each re-score runs in a transaction, as the loyalty service runs it, with a
 * statement timeout of BENCH_TIMEOUT seconds (600): a run cancelled by it is
 * reported as such and ends the benchmark. The plan the planner picks for
 * each run (plain EXPLAIN, same session and bindings) is kept in the result
 * and written to the log before the run. BENCH_EXPLAIN=1 adds EXPLAIN
 * (ANALYZE, BUFFERS) of the baseline and of the steady-state run (rolled
 * back); bench/tiers.js explains the first run on a fresh copy. The last line
 * is machine-readable: BENCH_TIERS_RESULT {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { windowStart } from "../src/modules/loyalty/tiers/ladder"
import { measureQuery } from "../src/modules/loyalty/tiers/measure"
import { rescoreTiers, type RescoreCounts, type RescoreInput } from "../src/modules/loyalty/tiers/rescore"
import { say, since } from "./lib/seed"

const DAY = 24 * 60 * 60 * 1000
const GRACE_DAYS = 30
const TIMEOUT_SECONDS = Number(process.env.BENCH_TIMEOUT || 600)
const WINDOW = { tier_period: "rolling", tier_window_months: 12 } as const

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const t = process.hrtime.bigint()
  const result = await work()
  return { seconds: since(t), result }
}

type Native = { sql: string; bindings: unknown[] }

/**
 * The knex rescoreTiers gets: the real one, noting each statement it runs
 * (for EXPLAIN ANALYZE later); with `plans`, it runs plain EXPLAIN instead of
 * each statement and keeps the plan (what the planner picks, in this
 * session, with these bindings; nothing is executed).
 */
function recording(knex: Knex, statements: Native[], plans?: string[]): Knex {
  return new Proxy(knex, {
    get(target, property, receiver) {
      if (property === "raw") {
        return (sql: string, bindings: any) => {
          if (/^\s*SET\b/i.test(sql)) {
            // Session settings (the re-score's work_mem) apply to the plans too.
            return target.raw(sql, bindings)
          }
          if (plans) {
            return target.raw(`EXPLAIN ${sql}`, bindings).then(({ rows }: { rows: Record<string, string>[] }) => {
              plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"))
              return { rows: [] }
            })
          }
          const query = target.raw(sql, bindings)
          statements.push(query.toSQL().toNative() as Native)
          return query
        }
      }
      return Reflect.get(target, property, receiver)
    },
  })
}

/**
 * What a re-score at `at` must do, computed another way: each account's
 * qualified tier as the highest-ranked tier whose threshold its measure
 * reaches (a LATERAL ... LIMIT 1 per account, not the ladder ranges
 * rescoreTiers joins on).
 */
async function predict(knex: Knex, at: Date): Promise<RescoreCounts> {
  const measure = measureQuery({ measure: "spend", since: windowStart(WINDOW, at) })
  const graceEnd = new Date(at.getTime() - GRACE_DAYS * DAY)
  const { rows } = await knex.raw(
    `WITH measure AS (${measure.sql})
     SELECT count(*) FILTER (WHERE q.rank > c.rank)::int AS upgraded,
            count(*) FILTER (WHERE q.rank < c.rank AND a.tier_below_since <= ?)::int AS downgraded,
            count(*) FILTER (WHERE q.rank < c.rank AND a.tier_below_since IS NULL)::int AS grace_started,
            count(*) FILTER (WHERE q.rank = c.rank AND a.tier_below_since IS NOT NULL)::int AS grace_cleared
       FROM crm_loyalty_account a
       LEFT JOIN measure m ON m.customer_id = a.customer_id
       CROSS JOIN LATERAL (SELECT coalesce((SELECT rank FROM crm_loyalty_tier WHERE id = a.tier_id AND deleted_at IS NULL), -1) AS rank) c
       CROSS JOIN LATERAL (SELECT coalesce((SELECT rank FROM crm_loyalty_tier
                                             WHERE deleted_at IS NULL AND threshold <= coalesce(m.value, 0)
                                             ORDER BY rank DESC LIMIT 1), -1) AS rank) q
      WHERE a.deleted_at IS NULL`,
    [...(measure.bindings as any[]), graceEnd]
  )
  return rows[0]
}

const sameCounts = (a: RescoreCounts, b: RescoreCounts) =>
  a.upgraded === b.upgraded && a.downgraded === b.downgraded && a.grace_started === b.grace_started && a.grace_cleared === b.grace_cleared

export default async function tiersBenchmark({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const explain = process.env.BENCH_EXPLAIN === "1"
  const shift = process.env.BENCH_SHIFT !== "0"
  if (!process.env.BENCH_NOW) throw new Error("BENCH_NOW: the data set's anchor (ISO date)")
  const now = new Date(process.env.BENCH_NOW)
  const windowSince = windowStart(WINDOW, now)!

  const tiers: { id: string; name: string; rank: number; threshold: string }[] = await knex("crm_loyalty_tier")
    .select("id", "name", "rank", "threshold")
    .whereNull("deleted_at")
    .orderBy("rank")
  const [{ accounts, orders }] = (
    await knex.raw(
      `SELECT (SELECT count(*) FROM crm_loyalty_account WHERE deleted_at IS NULL)::int AS accounts,
              (SELECT count(*) FROM crm_order_fact)::int AS orders`
    )
  ).rows
  const settings = Object.fromEntries(
    (
      await knex.raw(
        `SELECT name, current_setting(name) AS value FROM pg_settings
          WHERE name IN ('shared_buffers', 'work_mem', 'hash_mem_multiplier', 'max_parallel_workers_per_gather', 'jit',
                         'random_page_cost', 'effective_cache_size', 'autovacuum')`
      )
    ).rows.map((row: { name: string; value: string }) => [row.name, row.value])
  )
  const { rows: versionRows } = await knex.raw(`SELECT current_setting('server_version') AS version`)
  say(`${accounts} accounts, ${orders} order facts, ${tiers.length} tiers; now ${now.toISOString()}, window from ${windowSince.toISOString()}`)

  // --- 1. Baseline -----------------------------------------------------------
  const measure = measureQuery({ measure: "spend", since: windowSince })
  const baselineSql = `SELECT count(*)::int AS customers, sum(value)::text AS total FROM (${measure.sql}) m`
  const baselineRuns: number[] = []
  let measured: { customers: number; total: string } = { customers: 0, total: "0" }
  for (let i = 0; i < 2; i++) {
    const { seconds, result } = await timed(() => knex.raw(baselineSql, measure.bindings as any[]))
    baselineRuns.push(seconds)
    measured = result.rows[0]
    say(`baseline (measure of every customer) run ${i + 1}: ${seconds.toFixed(2)} s (${measured.customers} customers with spend)`)
  }
  const baseline = { seconds: Math.min(...baselineRuns), runs: baselineRuns, ...measured, sql: baselineSql }

  // --- 2. Re-scores ------------------------------------------------------------
  const input = (at: Date): RescoreInput => ({
    measure: "spend",
    since: windowStart(WINDOW, at),
    tiers: tiers.map((tier) => ({ id: tier.id, rank: tier.rank, threshold: Number(tier.threshold) })),
    now: at,
    grace_days: GRACE_DAYS,
    upgrade_only: false,
    reason: "evaluation",
  })
  type Run = {
    name: string
    now: string
    seconds: number
    /** Cancelled by the statement timeout (BENCH_TIMEOUT): no counts. */
    timed_out: boolean
    counts: RescoreCounts | null
    predicted: RescoreCounts
    predict_seconds: number
    ok: boolean
    statement: Native
    plan: string
    vacuum_seconds?: number
  }
  const runs: Run[] = []
  const rescore = async (name: string, at: Date): Promise<Run> => {
    const prediction = await timed(() => predict(knex, at))
    const plans: string[] = []
    await rescoreTiers(recording(knex, [], plans), input(at))
    // In the log (bench/results/logs/tiers.log) before the run, for a run that never ends.
    process.stdout.write(`plan of rescoreTiers, ${name}:\n${plans[0]}\n`)
    const statements: Native[] = []
    let counts: RescoreCounts | null = null
    const t = process.hrtime.bigint()
    try {
      // In a transaction, as the loyalty service runs it (rescoreMembers_),
      // with a time limit so that a bad plan ends the benchmark instead of
      // running for hours.
      counts = await knex.transaction(async (trx) => {
        await trx.raw(`SELECT set_config('statement_timeout', ?, true)`, [`${TIMEOUT_SECONDS}s`])
        return await rescoreTiers(recording(trx, statements), input(at))
      })
    } catch (error: any) {
      if (error?.code !== "57014") throw error
    }
    const seconds = since(t)
    const ok = !!counts && sameCounts(counts, prediction.result)
    const run: Run = {
      name,
      now: at.toISOString(),
      seconds,
      timed_out: !counts,
      counts,
      predicted: prediction.result,
      predict_seconds: prediction.seconds,
      ok,
      statement: statements[0],
      plan: plans[0],
    }
    runs.push(run)
    say(
      counts
        ? `rescoreTiers, ${name}: ${seconds.toFixed(2)} s; ${JSON.stringify(counts)}${ok ? "" : ` (predicted ${JSON.stringify(prediction.result)}: MISMATCH)`}`
        : `rescoreTiers, ${name}: cancelled after ${seconds.toFixed(0)} s (BENCH_TIMEOUT); its plan is in bench/results/logs/tiers.log`
    )
    return run
  }
  const vacuum = async (run: Run) => {
    const { seconds } = await timed(() => knex.raw(`VACUUM (ANALYZE) crm_loyalty_account, crm_loyalty_tier_change`))
    run.vacuum_seconds = seconds
    say(`VACUUM (ANALYZE) crm_loyalty_account, crm_loyalty_tier_change after it: ${seconds.toFixed(1)} s (untimed)`)
  }

  let checks: Record<string, number | boolean> = { ok: false }
  let distribution: { name: string; threshold: number; members: number }[] = []
  let steadyZero = false
  const plans: Record<string, string> = {}
  const first = await rescore("first run", now)
  if (!first.timed_out) {
    // --- 3. Checks after the first run ---------------------------------------------
    const { rows: checkRows } = await knex.raw(
      `WITH measure AS (${measure.sql}),
       changes AS (
         SELECT account_id, count(*)::int AS n, max(tier_id) AS tier_id, max(qualifying_value) AS value,
                bool_and(direction = 'up' AND reason = 'evaluation' AND previous_tier_id IS NULL
                         AND raw_qualifying_value->>'value' = qualifying_value::text) AS as_expected
           FROM crm_loyalty_tier_change GROUP BY account_id
       )
       SELECT count(*)::int AS accounts,
              count(*) FILTER (WHERE a.tier_id IS DISTINCT FROM q.id)::int AS wrong_tier,
              count(*) FILTER (WHERE a.tier_since IS DISTINCT FROM ?::timestamptz OR a.tier_below_since IS NOT NULL)::int AS wrong_dates,
              count(*) FILTER (WHERE c.n IS DISTINCT FROM 1 OR NOT c.as_expected OR c.tier_id IS DISTINCT FROM a.tier_id
                                  OR c.value IS DISTINCT FROM coalesce(m.value, 0))::int AS wrong_change,
              (SELECT count(*) FROM crm_loyalty_tier_change)::int AS changes
         FROM crm_loyalty_account a
         LEFT JOIN measure m ON m.customer_id = a.customer_id
         LEFT JOIN changes c ON c.account_id = a.id
         LEFT JOIN LATERAL (SELECT t.id FROM crm_loyalty_tier t
                             WHERE t.deleted_at IS NULL AND t.threshold <= coalesce(m.value, 0)
                             ORDER BY t.rank DESC LIMIT 1) q ON true
        WHERE a.deleted_at IS NULL`,
      [...(measure.bindings as any[]), now]
    )
    distribution = (
      await knex.raw(
        `SELECT t.name, t.threshold::float8 AS threshold, count(a.id)::int AS members
           FROM crm_loyalty_tier t LEFT JOIN crm_loyalty_account a ON a.tier_id = t.id AND a.deleted_at IS NULL
          WHERE t.deleted_at IS NULL GROUP BY t.id, t.name, t.rank, t.threshold ORDER BY t.rank`
      )
    ).rows
    const check = checkRows[0]
    checks = {
      ...check,
      ok: check.accounts === accounts && check.wrong_tier === 0 && check.wrong_dates === 0 && check.wrong_change === 0 && check.changes === accounts,
    }
    say(
      `check: ${check.accounts} accounts, ${check.wrong_tier} not in the tier their spend qualifies for, ${check.wrong_dates} with other dates, ` +
        `${check.changes} change rows, ${check.wrong_change} accounts without exactly one right change row: ${checks.ok ? "OK" : "FAILED"}`
    )
    say(`members per tier: ${distribution.map((row) => `${row.name} ${row.members}`).join(", ")}`)
    await vacuum(first)

    const steady = await rescore("steady state", now)
    steadyZero = !!steady.counts && Object.values(steady.counts).every((n) => n === 0)
    say(`steady state changes nothing: ${steadyZero ? "OK" : "FAILED"}`)

    if (explain && !steady.timed_out) {
      const plan = async (name: string, statement: Native) => {
        await knex
          .transaction(async (trx) => {
            await trx.raw(`SELECT set_config('statement_timeout', ?, true)`, [`${TIMEOUT_SECONDS}s`])
            const { rows } = await trx.raw(`EXPLAIN (ANALYZE, BUFFERS, VERBOSE) ${statement.sql.replace(/\$(\d+)/g, "?")}`, statement.bindings as any[])
            plans[name] = rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n")
            await trx.rollback()
          })
          .catch((error) => {
            if (!plans[name]) throw error
          })
      }
      await plan("baseline", knex.raw(baselineSql, measure.bindings as any[]).toSQL().toNative() as Native)
      await plan("steady state", steady.statement)
      say(`EXPLAIN ANALYZE of the baseline and the steady-state run: done`)
    }

    if (shift && !steady.timed_out) {
      const graceRun = await rescore("now + 40 days", new Date(now.getTime() + 40 * DAY))
      if (!graceRun.timed_out) {
        await vacuum(graceRun)
        await rescore("now + 71 days", new Date(now.getTime() + 71 * DAY))
      }
    }
  }

  const result = {
    accounts,
    orders,
    tiers: tiers.map((tier) => ({ ...tier, threshold: Number(tier.threshold) })),
    now: now.toISOString(),
    since: windowSince.toISOString(),
    timeout_seconds: TIMEOUT_SECONDS,
    postgres: { version: versionRows[0].version, settings },
    baseline,
    runs,
    steady_state_zero: steadyZero,
    checks,
    distribution,
    plans,
    ok: !!checks.ok && steadyZero && runs.every((run) => run.ok),
  }
  process.stdout.write(`BENCH_TIERS_RESULT ${JSON.stringify(result)}\n`)
}
