import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  TICKET_SETTINGS_ID,
  type SlaBreach,
  type TicketCompensationDTO,
  type TicketCompensationType,
  type TicketMessageDTO,
  type TicketOrder,
  type TicketSettingsDTO,
  type TicketStatus,
  type UpdateTicketSettings,
} from "../../types/tickets"
import { knexOf } from "../../utils/module-sql"
import { ticketRatings, ticketStats } from "./stats"
import {
  addTicketMessage,
  AddMessageInput,
  assertNotCompensated,
  changeTicket,
  ChangeTicketInput,
  NewCompensation,
  openTicket,
  OpenTicketInput,
  rateTicket,
  recordCompensation,
} from "./ticket-actions"
import { customerTicketsPage, InboxFilters, inboxPage } from "./ticket-lists"
import { TicketUndo, undoTicketChange } from "./ticket-rows"
import { AutoClosure, closeResolvedTickets, Escalation, escalateBreaches, undoClosures, undoEscalations } from "./ticket-sweeps"
import { ensureSettingsRow, SettingsRow, writeSettingsRow } from "../../utils/settings-row"
import Ticket from "./models/ticket"
import TicketCompensation from "./models/ticket-compensation"
import TicketMacro from "./models/ticket-macro"
import TicketMessage from "./models/ticket-message"
import TicketSettings from "./models/ticket-settings"

const TICKET_SETTINGS_ROW: SettingsRow = { table: "crm_ticket_settings", id: TICKET_SETTINGS_ID, json_columns: ["sla", "business_hours"] }

/**
 * Complaint tickets: the case, its conversation and internal notes, the
 * canned responses and the SLA settings. Status moves and SLA clocks follow
 * `status.ts` and `sla.ts`.
 */
class TicketsModuleService extends MedusaService({ Ticket, TicketMessage, TicketMacro, TicketSettings, TicketCompensation }) {
  @InjectManager()
  async loadTicketSettings(@MedusaContext() sharedContext: Context = {}): Promise<TicketSettingsDTO> {
    const [existing] = await this.listTicketSettings({ id: TICKET_SETTINGS_ID }, { take: 1 }, sharedContext)
    if (existing) {
      return existing as unknown as TicketSettingsDTO
    }
    await this.ensureSettings_(sharedContext)
    return (await this.retrieveTicketSettings(TICKET_SETTINGS_ID, {}, sharedContext)) as unknown as TicketSettingsDTO
  }

  @InjectManager()
  async changeTicketSettings(data: UpdateTicketSettings, @MedusaContext() sharedContext: Context = {}): Promise<TicketSettingsDTO> {
    await this.changeTicketSettings_(data, sharedContext)
    return await this.loadTicketSettings(sharedContext)
  }

  @InjectTransactionManager()
  protected async changeTicketSettings_(data: UpdateTicketSettings, @MedusaContext() sharedContext: Context = {}) {
    await writeSettingsRow(knexOf(sharedContext), TICKET_SETTINGS_ROW, data)
  }

  @InjectTransactionManager()
  async openTicket(input: OpenTicketInput, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}) {
    const settings = await this.loadTicketSettings(sharedContext)
    return await openTicket(knexOf(sharedContext), settings, input, now)
  }

  @InjectTransactionManager()
  async addTicketMessage(input: AddMessageInput, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}) {
    const settings = await this.loadTicketSettings(sharedContext)
    return await addTicketMessage(knexOf(sharedContext), settings, input, now)
  }

  @InjectTransactionManager()
  async changeTicket(input: ChangeTicketInput, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}) {
    const settings = await this.loadTicketSettings(sharedContext)
    return await changeTicket(knexOf(sharedContext), settings, input, now)
  }

  @InjectTransactionManager()
  async rateTicket(
    input: { id: string; customer_id: string; score: number; comment: string | null },
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await rateTicket(knexOf(sharedContext), input, now)
  }

  @InjectTransactionManager()
  async undoTicketChange(undo: TicketUndo, @MedusaContext() sharedContext: Context = {}) {
    await undoTicketChange(knexOf(sharedContext), undo)
  }

  @InjectTransactionManager()
  async assertNotCompensated(ticketId: string, type: TicketCompensationType, @MedusaContext() sharedContext: Context = {}) {
    await assertNotCompensated(knexOf(sharedContext), ticketId, type)
  }

  @InjectTransactionManager()
  async recordCompensation(input: NewCompensation, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}) {
    return await recordCompensation(knexOf(sharedContext), input, now)
  }

  @InjectTransactionManager()
  async escalateBreaches(breach: SlaBreach, now: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return await escalateBreaches(knexOf(sharedContext), breach, now, limit)
  }

  @InjectTransactionManager()
  async undoEscalations(escalations: Escalation[], @MedusaContext() sharedContext: Context = {}) {
    await undoEscalations(knexOf(sharedContext), escalations)
  }

  @InjectTransactionManager()
  async closeResolvedTickets(days: number, now: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return await closeResolvedTickets(knexOf(sharedContext), days, now, limit)
  }

  @InjectTransactionManager()
  async undoClosures(closures: AutoClosure[], @MedusaContext() sharedContext: Context = {}) {
    await undoClosures(knexOf(sharedContext), closures)
  }

  @InjectManager()
  async inboxPage(
    filters: InboxFilters,
    page: { order: TicketOrder; limit: number; offset: number },
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await inboxPage(knexOf(sharedContext), filters, page, now)
  }

  @InjectManager()
  async customerTicketsPage(
    customerId: string,
    filters: { status?: TicketStatus[] },
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await customerTicketsPage(knexOf(sharedContext), customerId, filters, page)
  }

  /** The tickets' messages in conversation order; without internal notes when `publicOnly`. */
  @InjectManager()
  async messagesOf(ticketIds: string[], publicOnly: boolean, @MedusaContext() sharedContext: Context = {}): Promise<TicketMessageDTO[]> {
    if (!ticketIds.length) {
      return []
    }
    const query = knexOf(sharedContext)("crm_ticket_message")
      .select("id", "ticket_id", "author_type", "author_id", "body", "internal", "created_at")
      .whereIn("ticket_id", ticketIds)
      .whereNull("deleted_at")
      .orderBy([{ column: "created_at" }, { column: "id" }])
    return await (publicOnly ? query.where("internal", false) : query)
  }

  @InjectManager()
  async compensationsOf(ticketIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<TicketCompensationDTO[]> {
    if (!ticketIds.length) {
      return []
    }
    return await knexOf(sharedContext)("crm_ticket_compensation")
      .select("*")
      .whereIn("ticket_id", ticketIds)
      .whereNull("deleted_at")
      .orderBy("created_at")
  }

  /** The report of `GET /admin/tickets/stats` (product titles are added by the route). */
  @InjectManager()
  async ticketStats(period: { from: Date; to: Date }, @MedusaContext() sharedContext: Context = {}) {
    return await ticketStats(knexOf(sharedContext), period)
  }

  /** Ratings of resolved tickets in a period of whole UTC days (survey results show them beside CSAT). */
  @InjectManager()
  async ticketRatings(period: { from: string | null; to: string | null }, @MedusaContext() sharedContext: Context = {}) {
    return await ticketRatings(knexOf(sharedContext), period)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await ensureSettingsRow(knexOf(sharedContext), TICKET_SETTINGS_ROW)
  }
}

export default TicketsModuleService
