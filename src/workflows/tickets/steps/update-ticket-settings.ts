import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SlaTarget, TicketPriority, UpdateTicketSettings } from "../../../types/tickets"
import { valuesBefore } from "../../../utils/settings-row"
import { ticketsOf } from "./undo-ticket-change"

export const updateTicketSettingsStepId = "crm-update-ticket-settings"

/** A change of some priorities' targets: the others keep theirs. */
export type TicketSettingsChange = Omit<UpdateTicketSettings, "sla"> & { sla?: Partial<Record<TicketPriority, SlaTarget>> }

/**
 * Changes the ticket settings; `sla` is merged per priority into the
 * current targets (the row replaces JSON columns whole). Compensation puts
 * back the fields it changed.
 */
export const updateTicketSettingsStep = createStep(
  updateTicketSettingsStepId,
  async (change: TicketSettingsChange, { container }) => {
    const tickets = ticketsOf(container)
    const current = await tickets.loadTicketSettings()
    const { sla, ...rest } = change
    const data: UpdateTicketSettings = { ...rest, ...(sla ? { sla: { ...current.sla, ...sla } } : {}) }
    const previous = valuesBefore(current, data) as UpdateTicketSettings
    return new StepResponse(await tickets.changeTicketSettings(data), previous)
  },
  async (previous, { container }) => {
    if (previous && Object.keys(previous).length) {
      await ticketsOf(container).changeTicketSettings(previous)
    }
  }
)
