import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { addDailyCounts, subtractDailyCounts } from "./daily-counts"
import { newInvitationToken } from "./tokens"

export type InvitationSource = "order" | "ticket" | "manual"

export type NewInvitation = {
  survey_id: string
  customer_id: string
  source_type: InvitationSource
  /** The order or ticket; null for a manual send. */
  source_id: string | null
  source_display_id: number | null
  email: string | null
  due_at: Date
}

/**
 * Schedules invitations; one per survey and source however often a
 * delivery or resolution is reported (the unique index drops repeats).
 * Returns the ids it created.
 */
export async function scheduleInvitations(knex: Knex, invitations: NewInvitation[]): Promise<string[]> {
  if (!invitations.length) {
    return []
  }
  const rows = invitations.map((invitation) => ({ id: generateEntityId(undefined, "srvinv"), ...invitation }))
  const { rows: created } = await knex.raw(
    `INSERT INTO crm_survey_invitation (id, survey_id, customer_id, source_type, source_id, source_display_id, email, due_at)
     SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(id text, survey_id text, customer_id text, source_type text,
       source_id text, source_display_id int, email text, due_at timestamptz)
     ON CONFLICT (survey_id, source_type, source_id) WHERE deleted_at IS NULL AND source_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)]
  )
  return (created as { id: string }[]).map((row) => row.id)
}

/** Deletes invitations that were scheduled and never sent (the undo of scheduling). */
export async function unscheduleInvitations(knex: Knex, ids: string[]): Promise<void> {
  if (ids.length) {
    await knex("crm_survey_invitation").whereIn("id", ids).andWhere({ status: "scheduled" }).delete()
  }
}

/** An invitation the send job sent: the only moment its token exists in clear. */
export type SentInvitation = {
  id: string
  survey_id: string
  survey_name: string
  customer_id: string
  email: string
  source_type: InvitationSource
  source_id: string | null
  source_display_id: number | null
  token: string
  expires_at: Date
}

export type SkipReason = "frequency_cap" | "survey_inactive" | "no_email"

export type InvitationClaim = { sent: SentInvitation[]; skipped: { id: string; reason: SkipReason }[] }

type DueRow = {
  id: string
  survey_id: string
  survey_name: string
  survey_live: boolean
  expiry_days: number
  customer_id: string
  email: string | null
  source_type: InvitationSource
  source_id: string | null
  source_display_id: number | null
  capped: boolean
}

/** Sends of the job take turns: the frequency cap must see the previous batch's sends. */
const SEND_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('crm_survey_invitation_send'))`

/**
 * Claims up to `limit` invitations due by `now`, oldest first, and decides
 * each: sent (a fresh token, its hash stored, expiring after the survey's
 * days) or skipped, because the survey is off or deleted, there is no
 * address, or the customer was sent an invitation within the frequency
 * cap (across surveys, this batch included). Returns the sent ones with
 * their tokens, for the e-mails.
 */
export async function claimDueInvitations(knex: Knex, now: Date, limit: number, capDays: number): Promise<InvitationClaim> {
  await knex.raw(SEND_LOCK_SQL)
  const capStart = new Date(now.getTime() - capDays * 86_400_000)
  const { rows } = await knex.raw(
    `WITH due AS (
       SELECT id FROM crm_survey_invitation
       WHERE deleted_at IS NULL AND status = 'scheduled' AND due_at <= ?
       ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED
     )
     SELECT i.id, i.survey_id, s.name AS survey_name, (s.active AND s.deleted_at IS NULL) AS survey_live, s.expiry_days,
       i.customer_id, i.email, i.source_type, i.source_id, i.source_display_id,
       (? > 0 AND EXISTS (
         SELECT 1 FROM crm_survey_invitation o
         WHERE o.customer_id = i.customer_id AND o.deleted_at IS NULL AND o.sent_at > ?
       )) AS capped
     FROM due JOIN crm_survey_invitation i ON i.id = due.id JOIN crm_survey s ON s.id = i.survey_id
     ORDER BY i.due_at, i.id`,
    [now, limit, capDays, capStart]
  )
  const claim: InvitationClaim = { sent: [], skipped: [] }
  const sentTo = new Set<string>()
  const updates: { id: string; status: string; token_hash: string | null; expires_at: Date | null; skip_reason: string | null }[] = []
  for (const row of rows as DueRow[]) {
    const reason: SkipReason | null = !row.survey_live
      ? "survey_inactive"
      : !row.email
        ? "no_email"
        : row.capped || (capDays > 0 && sentTo.has(row.customer_id))
          ? "frequency_cap"
          : null
    if (reason) {
      claim.skipped.push({ id: row.id, reason })
      updates.push({ id: row.id, status: "skipped", token_hash: null, expires_at: null, skip_reason: reason })
      continue
    }
    sentTo.add(row.customer_id)
    const { token, hash } = newInvitationToken()
    const expiresAt = new Date(now.getTime() + row.expiry_days * 86_400_000)
    claim.sent.push({
      id: row.id,
      survey_id: row.survey_id,
      survey_name: row.survey_name,
      customer_id: row.customer_id,
      email: row.email!,
      source_type: row.source_type,
      source_id: row.source_id,
      source_display_id: row.source_display_id,
      token,
      expires_at: expiresAt,
    })
    updates.push({ id: row.id, status: "sent", token_hash: hash, expires_at: expiresAt, skip_reason: null })
  }
  if (updates.length) {
    await knex.raw(
      `UPDATE crm_survey_invitation i SET status = u.status, token_hash = u.token_hash, expires_at = u.expires_at,
         skip_reason = u.skip_reason, sent_at = CASE WHEN u.status = 'sent' THEN ?::timestamptz END, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS u(id text, status text, token_hash text, expires_at timestamptz, skip_reason text)
       WHERE i.id = u.id`,
      [now, JSON.stringify(updates)]
    )
    await addDailyCounts(
      knex,
      claim.sent.map((invitation) => ({ survey_id: invitation.survey_id, day: now, score: null, invitations: 1 }))
    )
  }
  return claim
}

/**
 * Puts claimed invitations back to scheduled, their token forgotten (the
 * undo of a claim whose e-mails did not go out): the next run sends them
 * with a new token.
 */
export async function releaseInvitations(knex: Knex, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  const { rows } = await knex.raw(
    `WITH before AS (
       SELECT id, survey_id, status, sent_at FROM crm_survey_invitation
       WHERE id = ANY(?) AND status IN ('sent', 'skipped') FOR UPDATE
     )
     UPDATE crm_survey_invitation i SET status = 'scheduled', token_hash = NULL, sent_at = NULL, expires_at = NULL,
       skip_reason = NULL, updated_at = now()
     FROM before WHERE i.id = before.id
     RETURNING before.survey_id, before.status, before.sent_at`,
    [ids]
  )
  const wasSent = (rows as { survey_id: string; status: string; sent_at: Date }[]).filter((row) => row.status === "sent")
  await subtractDailyCounts(
    knex,
    wasSent.map((row) => ({ survey_id: row.survey_id, day: new Date(row.sent_at), score: null, invitations: 1 }))
  )
}

/** Marks sent invitations past their expiry as expired; returns how many. */
export async function expireInvitations(knex: Knex, now: Date): Promise<number> {
  return await knex("crm_survey_invitation")
    .where({ status: "sent" })
    .whereNull("deleted_at")
    .andWhere("expires_at", "<=", now)
    .update({ status: "expired", updated_at: now })
}

/**
 * The customers among these who were sent an invitation since `since`
 * (the frequency cap), or already have one scheduled for this survey.
 */
export async function customersNotToInvite(knex: Knex, surveyId: string, customerIds: string[], since: Date | null): Promise<Set<string>> {
  if (!customerIds.length) {
    return new Set()
  }
  const { rows } = await knex.raw(
    `SELECT DISTINCT customer_id FROM crm_survey_invitation
     WHERE deleted_at IS NULL AND customer_id = ANY(?)
       AND ((survey_id = ? AND status = 'scheduled') OR (?::timestamptz IS NOT NULL AND sent_at > ?::timestamptz))`,
    [customerIds, surveyId, since, since]
  )
  return new Set((rows as { customer_id: string }[]).map((row) => row.customer_id))
}
