/**
 * The send part of the surveys benchmark, run by bench/surveys.js inside
 * Medusa once the server of the read part is stopped (its every-minute job
 * would otherwise send the invitations first):
 *
 *   medusa exec ./bench/surveys-send.ts     (BENCH_SURVEY_ID: the survey of bench/surveys.ts)
 *
 * 1. BENCH_INVITATIONS_TO_SEND invitations come due (scheduled, due within
 *    the last hour, each with its e-mail), one for each customer the
 *    history left out, so the frequency cap (30 days) lets all of them through.
 * 2. Warm-up, not timed: one run of the batch workflow with limit 0 (claims
 *    nothing) and 10 notifications through the Notification module, so
 *    neither timed part pays the first call of either.
 * 3. The job, timed: the default export of src/jobs/send-survey-invitations.ts,
 *    to its end, with the notification provider medusa-config.ts gives
 *    outside tests (@medusajs/medusa/notification-local, which logs every
 *    notification at info level).
 * 4. Checks: every one of them sent with a token hash and an expiry; one
 *    successful survey-invitation notification each, to its address, its
 *    stored data without the link; the survey's invitation counters up by
 *    exactly as many.
 * 5. Baseline, timed: as many notifications, rendered beforehand with the
 *    plugin's mailer (not timed), through the Notification module's
 *    createNotifications in batches of the job's size, one after the other:
 *    what sending them costs with nothing else.
 *
 * The last line is machine-readable: BENCH_SURVEYS_SEND {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CreateNotificationDTO, ExecArgs, INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import sendSurveyInvitationsJob from "../src/jobs/send-survey-invitations"
import type { ICrmMailerService } from "../src/modules/mailer/service"
import { newInvitationToken } from "../src/modules/surveys/tokens"
import { CrmModules } from "../src/types/modules"
import { sendDueSurveyInvitationsWorkflow } from "../src/workflows/surveys/workflows/send-due-survey-invitations"
import { chunks, envInt, say, since } from "./lib/seed"

const TO_SEND = envInt("BENCH_INVITATIONS_TO_SEND", 10_000)
/** The job's batch (src/jobs/send-survey-invitations.ts). */
const BATCH = 500

/** Due within the last hour, for the customers nothing was ever sent to (the last ones created). */
const INSERT_DUE = `
INSERT INTO crm_survey_invitation (id, survey_id, customer_id, source_type, source_id, source_display_id, email, due_at, created_at, updated_at)
SELECT 'srvinv_bench_send_' || n, :survey_id, id, 'order', 'order_bench_send_' || n, 900000 + n, email,
       :now::timestamptz - make_interval(secs => 60 + 3540 * random()), :now::timestamptz - interval '3 days', :now::timestamptz - interval '3 days'
  FROM (SELECT c.id, c.email, row_number() OVER (ORDER BY c.created_at DESC, c.id) AS n
          FROM customer c
         WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM crm_survey_invitation i WHERE i.customer_id = c.id)
         ORDER BY c.created_at DESC, c.id
         LIMIT :count) fresh`

const invitationCounters = async (knex: Knex, surveyId: string) =>
  Number((await knex.raw(`SELECT coalesce(sum(invitations), 0)::int AS n FROM crm_survey_daily_count WHERE survey_id = ?`, [surveyId])).rows[0].n)

export default async function surveysSendBenchmark({ container }: ExecArgs) {
  const surveyId = process.env.BENCH_SURVEY_ID
  if (!surveyId) throw new Error("BENCH_SURVEY_ID is not set")
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const mailer: ICrmMailerService = container.resolve(CrmModules.MAILER)

  // --- 1. Due invitations --------------------------------------------------
  const { rowCount } = await knex.raw(INSERT_DUE, { survey_id: surveyId, now: new Date(), count: TO_SEND })
  if (rowCount !== TO_SEND) throw new Error(`only ${rowCount} customers without an invitation for ${TO_SEND} due invitations`)
  await knex.raw("ANALYZE crm_survey_invitation")
  const ids: string[] = (await knex("crm_survey_invitation").where("id", "like", "srvinv_bench_send_%").pluck("id")) as string[]
  say(`${TO_SEND} invitations due`)

  // --- 2. Warm-up ------------------------------------------------------------
  await sendDueSurveyInvitationsWorkflow(container).run({ input: { now: new Date(), limit: 0 } })
  const warmContent = mailer.render("survey-invitation", { customer_first_name: "Bench", survey_name: "Warm-up", survey_url: "https://shop.example/surveys/x", expires_at: "2030-01-01" })
  await notifications.createNotifications(
    Array.from({ length: 10 }, (_, i) => ({
      to: `bench-warmup-${i}@bench.local`,
      channel: "email",
      template: "survey-invitation",
      content: warmContent,
      idempotency_key: `bench:warmup:${i}`,
      trigger_type: "bench.warmup",
    }))
  )

  // --- 3. The job ----------------------------------------------------------
  const countersBefore = await invitationCounters(knex, surveyId)
  const jobStarted = new Date()
  say(`sending with the job (batches of ${BATCH}) ...`)
  let t = process.hrtime.bigint()
  await sendSurveyInvitationsJob(container)
  const jobSeconds = since(t)
  say(`job: ${TO_SEND} invitations in ${jobSeconds.toFixed(1)} s (${(TO_SEND / jobSeconds).toFixed(0)}/s)`)

  // --- 4. Checks -------------------------------------------------------------
  const { rows: checkRows } = await knex.raw(
    `SELECT
       (SELECT count(*)::int FROM crm_survey_invitation WHERE id = ANY(:ids) AND status = 'sent' AND token_hash IS NOT NULL
           AND sent_at >= :started AND expires_at > sent_at) AS sent,
       (SELECT count(*)::int FROM crm_survey_invitation WHERE id = ANY(:ids) AND status <> 'sent') AS not_sent,
       (SELECT jsonb_object_agg(coalesce(skip_reason, status), n) FROM (
          SELECT status, skip_reason, count(*)::int AS n FROM crm_survey_invitation WHERE id = ANY(:ids) AND status <> 'sent' GROUP BY 1, 2) s) AS not_sent_by_status,
       (SELECT count(*)::int FROM notification n JOIN crm_survey_invitation i ON i.id = n.resource_id
         WHERE i.id = ANY(:ids) AND n.template = 'survey-invitation' AND n.status = 'success' AND n.to = i.email
           AND n.trigger_type = 'crm.survey.invitation' AND n.data -> 'survey_url' IS NULL) AS notifications,
       (SELECT count(DISTINCT resource_id)::int FROM notification WHERE resource_id = ANY(:ids)) AS invitations_notified,
       (SELECT count(*)::int FROM notification WHERE resource_id = ANY(:ids) AND status <> 'success') AS notifications_not_success,
       (SELECT count(*)::int FROM notification WHERE resource_id = ANY(:ids) AND data -> 'survey_url' IS NOT NULL) AS notifications_with_link`,
    { ids, started: jobStarted }
  )
  const countersAfter = await invitationCounters(knex, surveyId)
  const checks = { ...checkRows[0], counters_before: countersBefore, counters_after: countersAfter, counters_added: countersAfter - countersBefore }
  const problems: string[] = []
  if (checks.sent !== TO_SEND) problems.push(`${checks.sent} of ${TO_SEND} invitations sent with a token hash and an expiry (others: ${JSON.stringify(checks.not_sent_by_status)})`)
  if (checks.notifications !== TO_SEND) {
    problems.push(
      `${checks.notifications} successful survey-invitation notifications to the invitation's address without the link in their data, for ${TO_SEND} invitations ` +
        `(${checks.invitations_notified} invitations notified; ${checks.notifications_not_success} not successful; ${checks.notifications_with_link} with the link stored)`
    )
  }
  if (checks.counters_added !== TO_SEND) problems.push(`the invitation counters grew by ${checks.counters_added}, not ${TO_SEND}`)
  say(`checks: ${problems.length ? `FAILED: ${problems.join("; ")}` : "OK"}`)

  // --- 5. Baseline: the same number of notifications, nothing else --------
  type Recipient = { email: string; customer_id: string; source_display_id: number }
  const recipients: Recipient[] = (await knex.raw(`SELECT email, customer_id, source_display_id FROM crm_survey_invitation WHERE id = ANY(?) ORDER BY id`, [ids])).rows
  const expires = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
  t = process.hrtime.bigint()
  const prepared = recipients.map((recipient, i): CreateNotificationDTO => {
    const data = { customer_first_name: "Bench", survey_name: "How likely are you to recommend us?", expires_at: expires, source_label: `order #${recipient.source_display_id}` }
    return {
      to: recipient.email,
      channel: "email",
      template: "survey-invitation",
      data: { ...data, locale: "en" },
      content: mailer.render("survey-invitation", { ...data, survey_url: `https://shop.example/surveys/${newInvitationToken().token}` }, { locale: "en" }),
      idempotency_key: `bench:baseline:${i}`,
      trigger_type: "bench.baseline",
      resource_id: `bench_baseline_${i}`,
      resource_type: "bench_baseline",
      receiver_id: recipient.customer_id,
    }
  })
  const renderSeconds = since(t)
  say(`baseline: ${prepared.length} e-mails rendered beforehand in ${renderSeconds.toFixed(1)} s; createNotifications in batches of ${BATCH} ...`)
  t = process.hrtime.bigint()
  for (const batch of chunks(prepared, BATCH)) {
    await notifications.createNotifications(batch)
  }
  const baselineSeconds = since(t)
  const baselineSent = Number(
    (await knex.raw(`SELECT count(*)::int AS n FROM notification WHERE trigger_type = 'bench.baseline' AND status = 'success'`)).rows[0].n
  )
  if (baselineSent !== TO_SEND) problems.push(`baseline: ${baselineSent} successful notifications of ${TO_SEND}`)
  say(`baseline: ${TO_SEND} notifications in ${baselineSeconds.toFixed(1)} s (${(TO_SEND / baselineSeconds).toFixed(0)}/s)`)

  const result = {
    invitations: TO_SEND,
    batch: BATCH,
    log_level: process.env.LOG_LEVEL || "http (Medusa's default)",
    job: { seconds: jobSeconds, per_s: TO_SEND / jobSeconds },
    baseline: { seconds: baselineSeconds, per_s: TO_SEND / baselineSeconds, render_seconds: renderSeconds, sent: baselineSent },
    checks: { ...checks, ok: problems.length === 0, problems },
  }
  process.stdout.write(`BENCH_SURVEYS_SEND ${JSON.stringify(result)}\n`)
}
