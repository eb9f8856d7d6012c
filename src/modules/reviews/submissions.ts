import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { CrmErrorTypes } from "../../types/errors"
import type { ReviewDTO, ReviewSettingsDTO, ReviewStatus } from "../../types/reviews"
import { moderateSubmission } from "./moderation/pipeline"
import { textFingerprint } from "./moderation/text"
import { appendHistory, asDuplicateReview, lockReviews, ReviewChange, ReviewState, ReviewUndo, writeReviewChanges } from "./review-rows"
import { applySummaryChanges } from "./summary"

export type ReviewContent = Pick<
  ReviewDTO,
  "rating" | "title" | "content" | "quality_rating" | "logistics_rating" | "service_rating" | "images"
>

export type NewReview = ReviewContent &
  Pick<ReviewDTO, "product_id" | "customer_id" | "order_id" | "order_line_item_id" | "verified_purchase" | "author_name">

/** Another live review with the same text, other than `exceptId`. */
async function duplicateOf(knex: Knex, fingerprint: string | null, exceptId: string): Promise<string | null> {
  if (!fingerprint) {
    return null
  }
  const row = await knex("crm_review")
    .first("id")
    .where({ content_fingerprint: fingerprint })
    .whereNull("deleted_at")
    .whereNot("id", exceptId)
  return row?.id ?? null
}

/**
 * Serialises one customer's submissions (so the rate limit holds under
 * concurrency) and refuses one over the limit. It counts the customer's
 * "submitted" history entries, which stay when a review is deleted: delete
 * and post again is no way around it.
 */
async function enforceRateLimit(knex: Knex, customerId: string, settings: ReviewSettingsDTO): Promise<void> {
  await knex.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`crm_review:${customerId}`])
  if (settings.rate_limit_count <= 0) {
    return
  }
  const [{ recent }] = (
    await knex.raw(
      `SELECT count(*)::int AS recent FROM crm_review_moderation
        WHERE actor_id = ? AND event = 'submitted' AND deleted_at IS NULL
          AND created_at > now() - make_interval(mins => ?::int)`,
      [customerId, settings.rate_limit_window_minutes]
    )
  ).rows
  if (recent >= settings.rate_limit_count) {
    throw new MedusaError(
      CrmErrorTypes.RATE_LIMITED as any,
      `You can post ${settings.rate_limit_count} reviews every ${settings.rate_limit_window_minutes} minutes; please try again later`
    )
  }
}

function moderated(content: ReviewContent, verified: boolean, duplicate: string | null, settings: ReviewSettingsDTO) {
  return moderateSubmission(
    { rating: content.rating, title: content.title, content: content.content },
    settings,
    { verified_purchase: verified, duplicate_of: duplicate }
  )
}

/** Writes a new review as the pipeline decides, with its history entry and summary change. */
export async function insertReview(
  knex: Knex,
  review: NewReview,
  settings: ReviewSettingsDTO
): Promise<{ id: string; status: ReviewStatus; undo: ReviewUndo }> {
  await enforceRateLimit(knex, review.customer_id, settings)
  const id = generateEntityId("", "rev")
  const fingerprint = textFingerprint(review.title, review.content)
  const outcome = moderated(review, review.verified_purchase, await duplicateOf(knex, fingerprint, id), settings)
  try {
    await knex("crm_review").insert({
      ...review,
      id,
      images: JSON.stringify(review.images),
      status: outcome.status,
      status_reason: outcome.reason,
      auto_moderation: JSON.stringify(outcome.verdicts),
      content_fingerprint: fingerprint,
    })
  } catch (error) {
    throw asDuplicateReview(error)
  }
  if (outcome.status === "approved") {
    await applySummaryChanges(knex, [{ product_id: review.product_id, rating: review.rating, sign: 1 }])
  }
  const historyIds = await appendHistory(knex, [
    {
      review_id: id,
      event: "submitted",
      from_status: null,
      to_status: outcome.status,
      reason: outcome.reason,
      actor_type: "customer",
      actor_id: review.customer_id,
    },
  ])
  return { id, status: outcome.status, undo: { before: [], created_ids: [id], history_ids: historyIds } }
}

/**
 * The customer's own review with new content, moderated again from scratch
 * (an approved review that now has a link waits again). Another customer's
 * review is "not found".
 */
export async function reviseReview(
  knex: Knex,
  id: string,
  customerId: string,
  changes: Partial<ReviewContent>,
  settings: ReviewSettingsDTO
): Promise<ReviewChange> {
  const [current] = (await lockReviews(knex, [id])).filter((review) => review.customer_id === customerId)
  if (!current) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Review with id: ${id} was not found`)
  }
  const content: ReviewContent = {
    rating: changes.rating ?? current.rating,
    title: changes.title !== undefined ? changes.title || null : current.title,
    content: changes.content ?? current.content,
    quality_rating: changes.quality_rating !== undefined ? changes.quality_rating : current.quality_rating,
    logistics_rating: changes.logistics_rating !== undefined ? changes.logistics_rating : current.logistics_rating,
    service_rating: changes.service_rating !== undefined ? changes.service_rating : current.service_rating,
    images: changes.images ?? current.images,
  }
  const fingerprint = textFingerprint(content.title, content.content)
  const outcome = moderated(content, current.verified_purchase, await duplicateOf(knex, fingerprint, id), settings)
  const after: ReviewState = {
    ...current,
    ...content,
    status: outcome.status,
    status_reason: outcome.reason,
    auto_moderation: outcome.verdicts,
    content_fingerprint: fingerprint,
  }
  const historyIds = await writeReviewChanges(knex, [current], [after], [
    {
      review_id: id,
      event: "edited",
      from_status: current.status,
      to_status: outcome.status,
      reason: outcome.reason,
      actor_type: "customer",
      actor_id: customerId,
    },
  ])
  return { after, undo: { before: [current], created_ids: [], history_ids: historyIds } }
}
