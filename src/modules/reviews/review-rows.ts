import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ModerationActorType, ModerationEvent, ReviewDTO, ReviewStatus } from "../../types/reviews"
import { applySummaryChanges, SummaryChange } from "./summary"

/** A review's identity and the columns a submit, edit, moderation action or reply may change: what an undo puts back. */
export type ReviewState = Pick<ReviewDTO, (typeof STATE_COLUMNS)[number] & keyof ReviewDTO> & {
  content_fingerprint: string | null
  deleted_at: Date | string | null
}

const STATE_COLUMNS = [
  "id",
  "product_id",
  "customer_id",
  "order_id",
  "verified_purchase",
  "rating",
  "title",
  "content",
  "quality_rating",
  "logistics_rating",
  "service_rating",
  "images",
  "status",
  "status_reason",
  "auto_moderation",
  "content_fingerprint",
  "response",
  "responded_at",
  "responded_by",
  "deleted_at",
] as const

export type HistoryEntry = {
  review_id: string
  event: ModerationEvent
  from_status: ReviewStatus | null
  to_status: ReviewStatus | null
  reason: string | null
  actor_type: ModerationActorType
  actor_id: string | null
}

/** What a change did, enough to take it back (workflow compensation). */
export type ReviewUndo = {
  /** The reviews as they were before. */
  before: ReviewState[]
  /** Reviews the change created: an undo deletes them. */
  created_ids: string[]
  history_ids: string[]
}

/** A change to one review: its new state, and how to take it back. */
export type ReviewChange = { after: ReviewState; undo: ReviewUndo }


/**
 * The reviews, locked for update in id order (concurrent batches cannot
 * deadlock). Soft-deleted ones only when asked, for an undo of a delete.
 */
export async function lockReviews(knex: Knex, ids: string[], withDeleted = false): Promise<ReviewState[]> {
  if (!ids.length) {
    return []
  }
  const query = knex("crm_review").select(...STATE_COLUMNS).whereIn("id", ids).orderBy("id").forUpdate()
  return await (withDeleted ? query : query.whereNull("deleted_at"))
}

/** Whether the review counts in its product's summary. */
const counts = (review: Pick<ReviewState, "status" | "deleted_at">) => review.status === "approved" && !review.deleted_at

/** The summary changes of moving reviews from `before` to `after` (matched by id). */
export function summaryChangesOf(before: ReviewState[], after: ReviewState[]): SummaryChange[] {
  const previous = new Map(before.map((review) => [review.id, review]))
  return after.flatMap((review) => {
    const old = previous.get(review.id)
    const changes: SummaryChange[] = []
    if (old && counts(old)) {
      changes.push({ product_id: old.product_id, rating: old.rating, sign: -1 })
    }
    if (counts(review)) {
      changes.push({ product_id: review.product_id, rating: review.rating, sign: 1 })
    }
    return changes
  })
}

/**
 * Writes the reviews' new state over their locked `before` state, keeps the
 * product summaries in step and appends the history entries, all in the
 * caller's transaction. Returns the new history ids.
 */
export async function writeReviewChanges(
  knex: Knex,
  before: ReviewState[],
  after: ReviewState[],
  history: HistoryEntry[]
): Promise<string[]> {
  if (after.length) {
    await knex.raw(
      `UPDATE crm_review r SET
         rating = d.rating, title = d.title, content = d.content,
         quality_rating = d.quality_rating, logistics_rating = d.logistics_rating, service_rating = d.service_rating,
         images = d.images, status = d.status, status_reason = d.status_reason,
         auto_moderation = d.auto_moderation, content_fingerprint = d.content_fingerprint,
         response = d.response, responded_at = d.responded_at, responded_by = d.responded_by,
         deleted_at = d.deleted_at, updated_at = now()
       FROM json_to_recordset(?::json) AS d(
         id text, rating int, title text, content text,
         quality_rating int, logistics_rating int, service_rating int,
         images jsonb, status text, status_reason text, auto_moderation jsonb, content_fingerprint text,
         response text, responded_at timestamptz, responded_by text, deleted_at timestamptz)
       WHERE r.id = d.id`,
      [JSON.stringify(after)]
    )
  }
  await applySummaryChanges(knex, summaryChangesOf(before, after))
  return await appendHistory(knex, history)
}

export async function appendHistory(knex: Knex, history: HistoryEntry[]): Promise<string[]> {
  if (!history.length) {
    return []
  }
  const rows = history.map((entry) => ({ id: generateEntityId("", "revmod"), ...entry }))
  await knex("crm_review_moderation").insert(rows)
  return rows.map((row) => row.id)
}

/** Puts the reviews back as `undo` found them, summaries included; deletes what it created. */
export async function undoReviewChanges(knex: Knex, undo: ReviewUndo): Promise<void> {
  const touched = [...new Set([...undo.before.map((review) => review.id), ...undo.created_ids])]
  const current = await lockReviews(knex, touched, true)
  if (undo.history_ids.length) {
    await knex("crm_review_moderation").whereIn("id", undo.history_ids).delete()
  }
  const created = current.filter((review) => undo.created_ids.includes(review.id))
  if (created.length) {
    await applySummaryChanges(knex, summaryChangesOf(created, created.map((review) => ({ ...review, deleted_at: new Date() }))))
    await knex("crm_review_moderation").whereIn("review_id", undo.created_ids).delete()
    await knex("crm_review_vote").whereIn("review_id", undo.created_ids).delete()
    await knex("crm_review").whereIn("id", undo.created_ids).delete()
  }
  await writeReviewChanges(knex, current.filter((review) => !undo.created_ids.includes(review.id)), undo.before, [])
}

/** A unique-index violation as the customer should read it. */
export function asDuplicateReview(error: unknown): unknown {
  if ((error as { code?: string })?.code === "23505" && /crm_review_customer_(product|line)_unique/.test(String((error as Error).message))) {
    return new MedusaError(MedusaError.Types.CONFLICT, "You have already reviewed this product")
  }
  return error
}
