import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { TICKET_SETTINGS_ID, type TicketSettingsDTO, type UpdateTicketSettings } from "../../types/tickets"
import { knexOf } from "../../utils/module-sql"
import Ticket from "./models/ticket"
import TicketMacro from "./models/ticket-macro"
import TicketMessage from "./models/ticket-message"
import TicketSettings from "./models/ticket-settings"

/**
 * Complaint tickets: the case, its conversation and internal notes, the
 * canned responses and the SLA settings. Status moves and SLA clocks follow
 * `status.ts` and `sla.ts`.
 */
class TicketsModuleService extends MedusaService({ Ticket, TicketMessage, TicketMacro, TicketSettings }) {
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

  /** A plain UPDATE: the ORM would merge the JSON columns instead of replacing them. */
  @InjectTransactionManager()
  protected async changeTicketSettings_(data: UpdateTicketSettings, @MedusaContext() sharedContext: Context = {}) {
    await this.ensureSettings_(sharedContext)
    const row: Record<string, unknown> = { ...data, updated_at: new Date() }
    for (const key of ["sla", "business_hours"] as const) {
      if (data[key] !== undefined) {
        row[key] = data[key] === null ? null : JSON.stringify(data[key])
      }
    }
    await knexOf(sharedContext)("crm_ticket_settings").where({ id: TICKET_SETTINGS_ID }).update(row)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`INSERT INTO crm_ticket_settings (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, [TICKET_SETTINGS_ID])
  }
}

export default TicketsModuleService
