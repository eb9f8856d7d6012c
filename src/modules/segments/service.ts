import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { RFM_GROUP_LABELS, type RfmGroup } from "../../types/segments"
import { knexOf } from "../../utils/module-sql"
import { applySegmentMembers, groupDifference, MemberChange, revertSegmentMembers } from "./members"
import RfmRun from "./models/rfm-run"
import Segment from "./models/segment"
import { rfmDistribution } from "./rfm/distribution"
import { scoreRfm } from "./rfm/score"
import { compileSegmentRule } from "./rules/compile"
import type { SegmentRule } from "./rules/rule"

export type CustomerRfm = {
  recency: number
  frequency: number
  monetary: number
  group: RfmGroup
  label: string
  last_order_at: Date
  order_count: number
  monetary_value: string
}

/**
 * Segments: saved rules compiled to one SQL statement over the customer
 * facts (`rules/`), their members (`crm_segment_member`) and the RFM scores
 * (`rfm/`, stored in `crm_customer_rfm`, one row per customer with orders).
 */
class SegmentsModuleService extends MedusaService({ Segment, RfmRun }) {
  /** How many customers a rule matches at `now`, and the first few of them (by id). */
  @InjectManager()
  async previewSegmentRule(
    rule: SegmentRule,
    now: Date,
    sampleSize: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ count: number; sample_ids: string[] }> {
    const matched = compileSegmentRule(rule, now)
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT m.customer_id, COUNT(*) OVER ()::int AS count FROM (${matched.sql}) m ORDER BY m.customer_id LIMIT ?`,
      [...matched.bindings, sampleSize]
    )
    return { count: rows[0]?.count ?? 0, sample_ids: rows.map((row: { customer_id: string }) => row.customer_id) }
  }

  /**
   * Brings the members in line with the rule at `now` (see members.ts). One
   * refresh of a segment at a time is the refresh workflow's lock.
   */
  @InjectTransactionManager()
  async applySegmentMembers(
    segmentId: string,
    rule: SegmentRule,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MemberChange> {
    return await applySegmentMembers(knexOf(sharedContext), segmentId, compileSegmentRule(rule, now), now)
  }

  @InjectTransactionManager()
  async revertSegmentMembers(
    segmentId: string,
    change: Pick<MemberChange, "joined" | "left">,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await revertSegmentMembers(knexOf(sharedContext), segmentId, change)
  }

  @InjectTransactionManager()
  async removeSegmentMembers(segmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM crm_segment_member WHERE segment_id = ANY(?::text[])`, [segmentIds])
  }

  @InjectManager()
  async segmentGroupDifference(segmentId: string, groupId: string, @MedusaContext() sharedContext: Context = {}) {
    return await groupDifference(knexOf(sharedContext), segmentId, groupId)
  }

  /**
   * Scheduled segments whose last refresh is a period old (an hour, a day),
   * oldest first. A few minutes' grace, so a job running every few minutes
   * does not push each refresh one run later than the last.
   */
  @InjectManager()
  async dueSegmentIds(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT id FROM crm_segment
        WHERE deleted_at IS NULL AND refresh <> 'manual'
          AND (refreshed_at IS NULL
               OR refreshed_at <= ?::timestamptz - (CASE refresh WHEN 'hourly' THEN interval '1 hour' ELSE interval '1 day' END) + interval '5 minutes')
        ORDER BY refreshed_at NULLS FIRST, id`,
      [now]
    )
    return rows.map((row: { id: string }) => row.id)
  }

  /** A page of a segment's members, the latest to join first. */
  @InjectManager()
  async pageSegmentMembers(
    segmentId: string,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ members: { customer_id: string; joined_at: Date }[]; count: number }> {
    const knex = knexOf(sharedContext)
    const [{ rows: members }, { rows: counted }] = await Promise.all([
      knex.raw(
        `SELECT customer_id, joined_at FROM crm_segment_member WHERE segment_id = ?
          ORDER BY joined_at DESC, customer_id LIMIT ? OFFSET ?`,
        [segmentId, page.limit, page.offset]
      ),
      knex.raw(`SELECT COUNT(*)::int AS count FROM crm_segment_member WHERE segment_id = ?`, [segmentId]),
    ])
    return { members, count: counted[0].count }
  }

  /** The segments a customer is in, with when they joined. */
  @InjectManager()
  async segmentsOfCustomer(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT s.id, s.name, s.customer_group_id, m.joined_at FROM crm_segment_member m
         JOIN crm_segment s ON s.id = m.segment_id AND s.deleted_at IS NULL
        WHERE m.customer_id = ? ORDER BY s.name`,
      [customerId]
    )
    return rows as { id: string; name: string; customer_group_id: string | null; joined_at: Date }[]
  }

  /** Every member of a segment (a survey sent to it). */
  @InjectManager()
  async segmentMemberIds(segmentId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT customer_id FROM crm_segment_member WHERE segment_id = ? ORDER BY customer_id`,
      [segmentId]
    )
    return rows.map((row: { customer_id: string }) => row.customer_id)
  }

  /** Scores every customer as of `asOf` and records the run (see rfm/score.ts). */
  @InjectTransactionManager()
  async scoreRfm(asOf: Date, @MedusaContext() sharedContext: Context = {}) {
    const started = Date.now()
    const result = await scoreRfm(knexOf(sharedContext), asOf)
    const run = await this.createRfmRuns(
      { scored_at: asOf, customers: result.customers, changed: result.changed + result.removed, duration_ms: Date.now() - started },
      sharedContext
    )
    return { ...result, run_id: run.id, scored_at: asOf }
  }

  @InjectManager()
  async latestRfmRun(@MedusaContext() sharedContext: Context = {}) {
    const [run] = await this.listRfmRuns({}, { order: { scored_at: "DESC" }, take: 1 }, sharedContext)
    return run ?? null
  }

  @InjectManager()
  async rfmDistribution(@MedusaContext() sharedContext: Context = {}) {
    const [distribution, run] = await Promise.all([
      rfmDistribution(knexOf(sharedContext)),
      this.latestRfmRun(sharedContext),
    ])
    return { ...distribution, scored_at: run?.scored_at ?? null }
  }

  @InjectManager()
  async rfmOfCustomer(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<CustomerRfm | null> {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT recency, frequency, monetary, rfm_group, last_order_at, order_count, monetary_value::text AS monetary_value
         FROM crm_customer_rfm WHERE customer_id = ?`,
      [customerId]
    )
    if (!rows.length) {
      return null
    }
    const { rfm_group, ...scores } = rows[0]
    return { ...scores, group: rfm_group, label: RFM_GROUP_LABELS[rfm_group as RfmGroup] }
  }
}

export default SegmentsModuleService
