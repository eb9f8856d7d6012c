import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ModerationActorType, ModerationEvent, ReviewStatus, ReviewTransition } from "../../types/reviews"
import { HistoryEntry, lockReviews, ReviewChange, ReviewState, ReviewUndo, writeReviewChanges } from "./review-rows"

export type Actor = { type: ModerationActorType; id: string | null }

/** Reviews to move to one status. */
export type StatusChange = { ids: string[]; status: ReviewStatus }

const EVENT_OF_STATUS: Record<ReviewStatus, ModerationEvent> = {
  pending: "edited",
  approved: "approved",
  rejected: "rejected",
  flagged: "flagged",
}

function notFound(ids: string[]): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    ids.length === 1 ? `Review with id: ${ids[0]} was not found` : `Reviews not found: ${ids.join(", ")}`
  )
}

/**
 * Moves reviews to new statuses in one transaction: all or none (an unknown
 * id fails the whole batch). Reviews already in the status are left alone,
 * with no history entry. Each move is kept with who, from, to and why.
 */
export async function changeStatuses(
  knex: Knex,
  changes: StatusChange[],
  reason: string | null,
  actor: Actor
): Promise<{ transitions: ReviewTransition[]; undo: ReviewUndo }> {
  const targetOf = new Map<string, ReviewStatus>()
  for (const change of changes) {
    for (const id of change.ids) {
      if (targetOf.has(id) && targetOf.get(id) !== change.status) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Review ${id} cannot be both ${targetOf.get(id)} and ${change.status}`)
      }
      targetOf.set(id, change.status)
    }
  }
  const locked = await lockReviews(knex, [...targetOf.keys()])
  const missing = [...targetOf.keys()].filter((id) => !locked.some((review) => review.id === id))
  if (missing.length) {
    throw notFound(missing)
  }
  const moving = locked.filter((review) => review.status !== targetOf.get(review.id))
  const after: ReviewState[] = moving.map((review) => ({ ...review, status: targetOf.get(review.id)!, status_reason: reason }))
  const history: HistoryEntry[] = after.map((review, i) => ({
    review_id: review.id,
    event: EVENT_OF_STATUS[review.status],
    from_status: moving[i].status,
    to_status: review.status,
    reason,
    actor_type: actor.type,
    actor_id: actor.id,
  }))
  const historyIds = await writeReviewChanges(knex, moving, after, history)
  return {
    transitions: moving.map((review, i) => ({
      id: review.id,
      product_id: review.product_id,
      customer_id: review.customer_id,
      rating: review.rating,
      from_status: review.status,
      to_status: after[i].status,
      from_reason: review.status_reason,
    })),
    undo: { before: moving, created_ids: [], history_ids: historyIds },
  }
}

/** Sets (or, with null, removes) the store's public reply. */
export async function setResponse(knex: Knex, id: string, response: string | null, actor: Actor): Promise<ReviewChange> {
  const [current] = await lockReviews(knex, [id])
  if (!current) {
    throw notFound([id])
  }
  const after: ReviewState = {
    ...current,
    response,
    responded_at: response === null ? null : new Date(),
    responded_by: response === null ? null : actor.id,
  }
  const historyIds = await writeReviewChanges(knex, [current], [after], [
    {
      review_id: id,
      event: response === null ? "response_removed" : "responded",
      from_status: current.status,
      to_status: current.status,
      reason: null,
      actor_type: actor.type,
      actor_id: actor.id,
    },
  ])
  return { after, undo: { before: [current], created_ids: [], history_ids: historyIds } }
}

/** The customer deletes their own review (soft: the history stays for the moderators). */
export async function deleteOwnReview(knex: Knex, id: string, customerId: string): Promise<ReviewChange> {
  const [current] = (await lockReviews(knex, [id])).filter((review) => review.customer_id === customerId)
  if (!current) {
    throw notFound([id])
  }
  const after: ReviewState = { ...current, deleted_at: new Date() }
  const historyIds = await writeReviewChanges(knex, [current], [after], [
    {
      review_id: id,
      event: "deleted",
      from_status: current.status,
      to_status: null,
      reason: null,
      actor_type: "customer",
      actor_id: customerId,
    },
  ])
  return { after, undo: { before: [current], created_ids: [], history_ids: historyIds } }
}

/**
 * Counts a customer's "helpful" vote on an approved review, once per
 * customer; a second vote changes nothing. Returns whether it counted.
 */
export async function voteHelpful(knex: Knex, reviewId: string, customerId: string): Promise<boolean> {
  const review = await knex("crm_review").first("customer_id").where({ id: reviewId, status: "approved" }).whereNull("deleted_at")
  if (!review) {
    throw notFound([reviewId])
  }
  if (review.customer_id === customerId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "You cannot vote for your own review")
  }
  const { rows } = await knex.raw(
    `WITH vote AS (
       INSERT INTO crm_review_vote (id, review_id, customer_id) VALUES (?, ?, ?)
       ON CONFLICT (review_id, customer_id) WHERE deleted_at IS NULL DO NOTHING RETURNING review_id)
     UPDATE crm_review SET helpful_count = helpful_count + 1 WHERE id IN (SELECT review_id FROM vote) RETURNING id`,
    [generateEntityId("", "revvote"), reviewId, customerId]
  )
  return rows.length > 0
}
