import type { MedusaContainer } from "@medusajs/framework/types"
import type TicketsModuleService from "../../../modules/tickets/service"
import type { TicketUndo } from "../../../modules/tickets/ticket-rows"
import { CrmModules } from "../../../types/modules"

export const ticketsOf = (container: MedusaContainer): TicketsModuleService => container.resolve(CrmModules.TICKETS)

/** The compensation of every step that changes one ticket: put it back as it was. */
export async function undoTicketChange(undo: TicketUndo | null | undefined, { container }: { container: MedusaContainer }) {
  if (undo) {
    await ticketsOf(container).undoTicketChange(undo)
  }
}
