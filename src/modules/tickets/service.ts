import { MedusaService } from "@medusajs/framework/utils"
import Ticket from "./models/ticket"
import TicketMacro from "./models/ticket-macro"
import TicketMessage from "./models/ticket-message"
import TicketSettings from "./models/ticket-settings"

/**
 * Complaint tickets: the case, its conversation and internal notes, the
 * canned responses and the SLA settings. Status moves and SLA clocks follow
 * `status.ts` and `sla.ts`.
 */
class TicketsModuleService extends MedusaService({ Ticket, TicketMessage, TicketMacro, TicketSettings }) {}

export default TicketsModuleService
