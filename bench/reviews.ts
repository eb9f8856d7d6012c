/**
 * Data for the reviews read benchmark, run by bench/reviews.js inside Medusa:
 *
 *   medusa exec ./bench/reviews.ts     (DATABASE_URL: a fresh, migrated database)
 *
 * 1. A shop (region, sales channel, publishable key linked to it, one
 *    published product in it) with the test helpers' core workflows.
 * 2. BENCH_REVIEWS reviews of that product in one set-based INSERT ... SELECT
 *    FROM generate_series (fixed random seed): one customer per review,
 *    ratings skewed to 4-5, ~90% approved, the rest pending or rejected,
 *    100-400 characters of text, 2 years of created_at, helpful_count 0-50.
 * 3. The product's kept summary rebuilt by the module (`rebuildSummaries`)
 *    and checked against a fresh aggregate; VACUUM (ANALYZE) of the tables.
 * 4. The database side of the store route on its own: the exact SQL of
 *    `readSummaries` and `publicReviewsPage` (as the module builds it),
 *    EXPLAIN (ANALYZE, BUFFERS) of each and its latency run one at a time.
 *
 * The last line is machine-readable: BENCH_REVIEWS_SETUP {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStoreFixtures } from "../integration-tests/helpers/store"
import { publicReviewsPage } from "../src/modules/reviews/public-page"
import type { IReviewsModuleService } from "../src/modules/reviews/service"
import { readSummaries } from "../src/modules/reviews/summary"
import { CrmModules } from "../src/types/modules"
import type { ReviewOrder } from "../src/types/reviews"
import { envInt, say, since, withFixedSeed } from "./lib/seed"

const REVIEWS = envInt("BENCH_REVIEWS", 100_000)
const DB_RUNS = envInt("BENCH_DB_RUNS", 500)

const SENTENCES = [
  "Arrived two days after I ordered it and was packed well.",
  "The fabric feels heavier than I expected, in a good way.",
  "Fits true to size; I am usually a medium and the medium is right.",
  "After five washes the colour has not faded at all.",
  "The stitching on one sleeve came loose after a month, otherwise fine.",
  "Customer service answered my question about sizing within an hour.",
  "It wrinkles a lot, so plan on ironing it before wearing it out.",
  "Looks exactly like the photos on the product page.",
  "A bit pricey, but the quality justifies it compared to cheaper shirts.",
  "I bought a second one in another colour because I liked the first so much.",
  "The buttons feel solid and the button holes are cleanly finished.",
  "Breathes well in hot weather, I wore it all summer.",
  "Shrank slightly in the dryer, so wash it cold and hang it to dry.",
  "My partner borrowed it and now I need to buy another one.",
  "The collar keeps its shape even without starch.",
  "Delivery took longer than promised but the shirt was worth the wait.",
  "Not as soft as I hoped at first, it softens after a few washes.",
  "Great for the office and just as good with jeans on the weekend.",
  "The sleeves are a little long for me, but easy to roll up.",
  "Would recommend to anyone looking for a simple linen shirt.",
]
const TITLES = ["Great shirt", "Good value", "Runs a bit small", "Love it", "Nice fabric", "Not bad", "Perfect for summer", "Disappointed", "Exactly as described", "Solid quality"]
const FIRST_NAMES = ["Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Klara", "Leo", "Mia", "Noah", "Olivia", "Paul", "Rosa", "Sam", "Tara", "Yusuf"]

/**
 * The reviews, in the order a store writes them (oldest first). Every random
 * draw is made per row in the first CTE (MATERIALIZED: volatile, evaluated
 * once per row); the second derives the columns from them.
 */
const INSERT_REVIEWS = `
WITH g AS MATERIALIZED (
  SELECT n,
         random() AS u_rating, random() AS u_status, random() AS u_length, random() AS u_verified,
         random() AS u_helpful, random() AS u_title, random() AS u_sub, random() AS u_response,
         random() AS u_image, random() AS u_time, random() AS u_name,
         concat_ws(' ', s[1 + floor(random() * cardinality(s))::int], s[1 + floor(random() * cardinality(s))::int],
                        s[1 + floor(random() * cardinality(s))::int], s[1 + floor(random() * cardinality(s))::int],
                        s[1 + floor(random() * cardinality(s))::int], s[1 + floor(random() * cardinality(s))::int],
                        s[1 + floor(random() * cardinality(s))::int], s[1 + floor(random() * cardinality(s))::int],
                        s[1 + floor(random() * cardinality(s))::int], s[1 + floor(random() * cardinality(s))::int]) AS text,
         t[1 + floor(random() * cardinality(t))::int] AS title,
         f[1 + floor(random() * cardinality(f))::int] || ' ' || chr(65 + floor(random() * 26)::int) || '.' AS author_name,
         now() - interval '730 days' * ((:count - n + random()) / :count) AS created_at
    FROM generate_series(1, :count) AS n,
         (SELECT :sentences::text[] AS s, :titles::text[] AS t, :names::text[] AS f) AS words
), r AS (
  SELECT g.*,
         CASE WHEN u_rating < 0.04 THEN 1 WHEN u_rating < 0.08 THEN 2 WHEN u_rating < 0.17 THEN 3
              WHEN u_rating < 0.40 THEN 4 ELSE 5 END AS rating,
         CASE WHEN u_status < 0.90 THEN 'approved' WHEN u_status < 0.97 THEN 'pending' ELSE 'rejected' END AS status,
         rtrim(left(text, 100 + floor(u_length * 301)::int)) AS content,
         u_verified < 0.6 AS verified
    FROM g
)
INSERT INTO crm_review (
  id, product_id, customer_id, order_id, order_line_item_id, rating, title, content,
  quality_rating, logistics_rating, service_rating, images, author_name, verified_purchase,
  status, status_reason, auto_moderation, content_fingerprint, response, responded_at, responded_by,
  helpful_count, created_at, updated_at
)
SELECT 'rev_bench_' || n, :product, 'cus_bench_' || n,
       CASE WHEN verified THEN 'order_bench_' || n END,
       CASE WHEN verified THEN 'ordli_bench_' || n END,
       rating,
       CASE WHEN u_title < 0.7 THEN title END,
       content,
       CASE WHEN u_sub < 0.3 THEN greatest(1, least(5, rating + (n % 3) - 1)) END,
       CASE WHEN u_sub < 0.3 THEN greatest(1, least(5, rating + (n % 2) - 1)) END,
       CASE WHEN u_sub < 0.3 THEN rating END,
       CASE WHEN u_image < 0.05 THEN jsonb_build_array('https://images.example.com/reviews/' || n || '.jpg') ELSE '[]'::jsonb END,
       author_name,
       verified,
       status,
       CASE status WHEN 'rejected' THEN 'Contains a blocked word' WHEN 'pending' THEN 'Held: contains a link' END,
       '[]'::jsonb,
       md5(lower(content)),
       CASE WHEN status = 'approved' AND u_response < 0.05 THEN 'Thank you for your review, we are glad you like it!' END,
       CASE WHEN status = 'approved' AND u_response < 0.05 THEN created_at + interval '1 day' END,
       CASE WHEN status = 'approved' AND u_response < 0.05 THEN 'user_bench' END,
       floor(51 * u_helpful ^ 3)::int,
       created_at,
       created_at + CASE WHEN status = 'pending' THEN interval '0' ELSE interval '3 hours' END
  FROM r
 ORDER BY n`

type Captured = { sql: string; bindings: unknown[] }

/** The SQL `work` sends through `knex` (the first statement), as the module builds it. */
async function captureSql(knex: Knex, work: () => Promise<unknown>): Promise<Captured> {
  const seen: Captured[] = []
  const listener = (query: { sql: string; bindings?: unknown[] }) => seen.push({ sql: query.sql, bindings: query.bindings ?? [] })
  knex.on("query", listener)
  try {
    await work()
  } finally {
    knex.removeListener("query", listener)
  }
  if (seen.length !== 1) throw new Error(`expected one statement, saw ${seen.length}`)
  // knex reports PostgreSQL's $n placeholders; knex.raw takes ?.
  return { sql: seen[0].sql.replace(/\$\d+/g, "?"), bindings: seen[0].bindings }
}

function percentile(sorted: Float64Array, p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statement, then `runs` executions one at a time. */
async function databaseSide(knex: Knex, statement: Captured, runs: number) {
  const { rows } = await knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.bindings as any[])
  const plan = rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n")
  for (let i = 0; i < 50; i++) await knex.raw(statement.sql, statement.bindings as any[])
  const latencies = new Float64Array(runs)
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await knex.raw(statement.sql, statement.bindings as any[])
    latencies[i] = since(start) * 1000
  }
  latencies.sort()
  return { sql: statement.sql, bindings: statement.bindings, p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99), plan }
}

export default async function reviewsBenchmarkSetup({ container }: ExecArgs) {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
  const started = process.hrtime.bigint()

  // --- 1. Shop -------------------------------------------------------------
  const shop = await createStoreFixtures(container)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: shop.variantId } })
  const productId = variant.product_id as string
  say(`shop ready: region ${shop.regionId}, publishable key linked to sales channel ${shop.salesChannelId}, product ${productId}`)

  // --- 2. Reviews ----------------------------------------------------------
  let t = process.hrtime.bigint()
  await withFixedSeed(knex, async (trx) => {
    await trx.raw(INSERT_REVIEWS, {
      count: REVIEWS,
      product: productId,
      sentences: SENTENCES,
      titles: TITLES,
      names: FIRST_NAMES,
    })
  })
  const insertSeconds = since(t)
  const { rows: shape } = await knex.raw(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE status = 'approved'))::int AS approved,
            (count(*) FILTER (WHERE status = 'pending'))::int AS pending,
            (count(*) FILTER (WHERE status = 'rejected'))::int AS rejected,
            (count(*) FILTER (WHERE status = 'approved' AND rating = 1))::int AS approved_rating_1,
            round(avg(rating) FILTER (WHERE status = 'approved'), 2)::float AS approved_average,
            min(length(content))::int AS min_length, max(length(content))::int AS max_length,
            round(avg(length(content)))::int AS avg_length,
            max(helpful_count)::int AS max_helpful,
            round(avg(verified_purchase::int), 2)::float AS verified_share,
            min(created_at) AS oldest, max(created_at) AS newest,
            pg_size_pretty(pg_total_relation_size('crm_review')) AS table_size
       FROM crm_review WHERE product_id = ?`,
    [productId]
  )
  say(`${shape[0].total} reviews inserted in ${insertSeconds.toFixed(1)} s (${shape[0].approved} approved, ${shape[0].pending} pending, ${shape[0].rejected} rejected; crm_review ${shape[0].table_size})`)

  // --- 3. Summary ----------------------------------------------------------
  t = process.hrtime.bigint()
  await reviews.rebuildSummaries([productId])
  const [kept] = await reviews.keptSummaries([productId])
  const [fresh] = await reviews.freshSummaries([productId])
  const summaryOk = JSON.stringify(kept) === JSON.stringify(fresh) && kept?.review_count === shape[0].approved
  say(`summary rebuilt by the module in ${since(t).toFixed(2)} s: ${kept?.review_count} approved, sum ${kept?.rating_sum}; equals a fresh aggregate: ${summaryOk}`)
  t = process.hrtime.bigint()
  await knex.raw("VACUUM (ANALYZE) crm_review, crm_review_summary")
  say(`VACUUM (ANALYZE) in ${since(t).toFixed(1)} s`)

  // --- 4. The database side of the store route -----------------------------
  const pages: Record<string, { order: ReviewOrder; rating?: number }> = {
    reviews: { order: "-created_at" },
    helpful: { order: "-helpful_count" },
    rating1: { order: "-created_at", rating: 1 },
  }
  const db: Record<string, Awaited<ReturnType<typeof databaseSide>>> = {}
  db.summary = await databaseSide(knex, await captureSql(knex, () => readSummaries(knex, [productId])), DB_RUNS)
  for (const [name, page] of Object.entries(pages)) {
    const statement = await captureSql(knex, () => publicReviewsPage(knex, productId, { ...page, limit: 20, offset: 0 }))
    db[name] = await databaseSide(knex, statement, DB_RUNS)
  }
  say(`database side, ${DB_RUNS} runs one at a time: ${Object.entries(db).map(([name, d]) => `${name} p50 ${d.p50_ms.toFixed(2)} ms`).join(", ")}`)

  const result = {
    shop: { publishable_key: shop.publishableKey, region_id: shop.regionId, sales_channel_id: shop.salesChannelId, product_id: productId },
    reviews: { ...shape[0], insert_seconds: insertSeconds },
    summary: { kept, fresh, ok: summaryOk },
    db,
    seconds: since(started),
  }
  process.stdout.write(`BENCH_REVIEWS_SETUP ${JSON.stringify(result)}\n`)
}
