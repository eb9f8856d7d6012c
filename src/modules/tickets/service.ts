import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { TICKET_SETTINGS_ID, type TicketSettingsDTO, type UpdateTicketSettings } from "../../types/tickets"
import { knexOf } from "../../utils/module-sql"
import { ticketStats } from "./stats"
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

  /** The report of `GET /admin/tickets/stats` (product titles are added by the route). */
  @InjectManager()
  async ticketStats(period: { from: Date; to: Date }, @MedusaContext() sharedContext: Context = {}) {
    return await ticketStats(knexOf(sharedContext), period)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await ensureSettingsRow(knexOf(sharedContext), TICKET_SETTINGS_ROW)
  }
}

export default TicketsModuleService
