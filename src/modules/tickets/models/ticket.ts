import { model } from "@medusajs/framework/utils"
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from "../../../types/tickets"
import TicketCompensation from "./ticket-compensation"
import TicketMessage from "./ticket-message"

/**
 * A customer's case: about an order or not, opened by the customer, by
 * staff, or from another capability (a low review, a survey detractor). The
 * SLA fields are kept on the row so that the inbox can sort and filter by
 * them; `pauses` are the stretches spent waiting on the customer.
 */
const Ticket = model
  .define(
    { name: "Ticket", tableName: "crm_ticket" },
    {
      id: model.id({ prefix: "tkt" }).primaryKey(),
      display_id: model.autoincrement(),
      customer_id: model.text(),
      order_id: model.text().nullable(),
      /** The product complained about, when known (a review's product, or one the customer picked). */
      product_id: model.text().nullable(),
      subject: model.text(),
      category: model.enum([...TICKET_CATEGORIES]).default("other"),
      priority: model.enum([...TICKET_PRIORITIES]).default("normal"),
      /** The priority whose targets set the due times: staff's choice; an escalation raises \`priority\` but keeps the deadlines it missed. */
      sla_priority: model.enum([...TICKET_PRIORITIES]).nullable(),
      status: model.enum([...TICKET_STATUSES]).default("open"),
      assignee_id: model.text().nullable(),
      source: model.enum([...TICKET_SOURCES]).default("customer"),
      /** The review or survey response it came from. */
      source_id: model.text().nullable(),
      first_responded_at: model.dateTime().nullable(),
      resolved_at: model.dateTime().nullable(),
      closed_at: model.dateTime().nullable(),
      pauses: model.json().default([] as unknown as Record<string, unknown>),
      first_response_due_at: model.dateTime().nullable(),
      resolution_due_at: model.dateTime().nullable(),
      /** The earliest deadline still running (the first response's until answered, then the resolution's); null while the clock is stopped. The inbox sorts by it. */
      next_due_at: model.dateTime().nullable(),
      last_message_at: model.dateTime().nullable(),
      /** Set once per breach by the escalation job: a breach escalates once. */
      first_response_escalated_at: model.dateTime().nullable(),
      resolution_escalated_at: model.dateTime().nullable(),
      flagged: model.boolean().default(false),
      /** The handling's rating (CSAT) once resolved: 1-5 and a comment. */
      rating_score: model.number().nullable(),
      rating_comment: model.text().nullable(),
      rated_at: model.dateTime().nullable(),
      metadata: model.json().nullable(),
      messages: model.hasMany(() => TicketMessage, { mappedBy: "ticket" }),
      compensations: model.hasMany(() => TicketCompensation, { mappedBy: "ticket" }),
    }
  )
  .indexes([
    // The inbox: open work by due time, and its filters.
    { name: "IDX_crm_ticket_status_next_due", on: ["status", "next_due_at"], where: "deleted_at IS NULL" },
    {
      name: "IDX_crm_ticket_unresolved_next_due",
      on: ["next_due_at", "id"],
      where: "deleted_at IS NULL AND status IN ('open', 'reopened', 'pending_customer')",
    },
    { name: "IDX_crm_ticket_product", on: ["product_id"], where: "deleted_at IS NULL AND product_id IS NOT NULL" },
    // The report: tickets created in a period.
    { name: "IDX_crm_ticket_created", on: ["created_at"], where: "deleted_at IS NULL" },
    // Ticket CSAT over a period (survey results).
    { name: "IDX_crm_ticket_rated", on: ["rated_at", "rating_score"], where: "deleted_at IS NULL AND rating_score IS NOT NULL" },
    { name: "IDX_crm_ticket_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_ticket_assignee_status", on: ["assignee_id", "status"], where: "deleted_at IS NULL AND assignee_id IS NOT NULL" },
    { name: "IDX_crm_ticket_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    // One ticket per source (a review or survey response opens at most one).
    { name: "IDX_crm_ticket_source_unique", on: ["source", "source_id"], unique: true, where: "deleted_at IS NULL AND source_id IS NOT NULL" },
  ])

export default Ticket
