import { model } from "@medusajs/framework/utils"
import { INVITATION_STATUSES } from "../../../types/surveys"
import Survey from "./survey"

/**
 * One customer asked to answer one survey about one source (an order, a
 * ticket, or a manual send). The link's token is never stored: only its
 * SHA-256 (`token_hash`), set when the invitation is sent.
 */
const SurveyInvitation = model
  .define(
    { name: "SurveyInvitation", tableName: "crm_survey_invitation" },
    {
      id: model.id({ prefix: "srvinv" }).primaryKey(),
      survey: model.belongsTo(() => Survey, { mappedBy: "invitations" }),
      customer_id: model.text(),
      /** "order", "ticket" or "manual". */
      source_type: model.text(),
      source_id: model.text().nullable(),
      /** The order's or ticket's number, for the e-mail ("your order #1042"). */
      source_display_id: model.number().nullable(),
      /** Where the invitation goes: the order's e-mail for a delivery, else the customer's. */
      email: model.text().nullable(),
      status: model.enum([...INVITATION_STATUSES]).default("scheduled"),
      token_hash: model.text().nullable(),
      due_at: model.dateTime(),
      sent_at: model.dateTime().nullable(),
      expires_at: model.dateTime().nullable(),
      answered_at: model.dateTime().nullable(),
      /** Why the send job skipped it: "frequency_cap", "survey_inactive", "no_email". */
      skip_reason: model.text().nullable(),
    }
  )
  .indexes([
    // A delivery (or resolution) that arrives twice makes one invitation.
    {
      name: "IDX_crm_survey_invitation_source_unique",
      on: ["survey_id", "source_type", "source_id"],
      unique: true,
      where: "deleted_at IS NULL AND source_id IS NOT NULL",
    },
    { name: "IDX_crm_survey_invitation_token_hash", on: ["token_hash"], unique: true, where: "deleted_at IS NULL AND token_hash IS NOT NULL" },
    // The send job: scheduled invitations by due time.
    { name: "IDX_crm_survey_invitation_due", on: ["due_at"], where: "deleted_at IS NULL AND status = 'scheduled'" },
    // The send job's expiry sweep.
    { name: "IDX_crm_survey_invitation_expiry", on: ["expires_at"], where: "deleted_at IS NULL AND status = 'sent'" },
    // The frequency cap: a customer's latest invitations.
    { name: "IDX_crm_survey_invitation_customer_sent", on: ["customer_id", "sent_at"], where: "deleted_at IS NULL" },
  ])

export default SurveyInvitation
