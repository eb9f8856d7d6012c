import { StatusBadge } from "@medusajs/ui"
import type { CrmTranslation } from "../lib/i18n"
import { TICKET_STATUS_COLORS, isTicketStatus, ticketStatusLabel } from "../lib/tickets"

/** A ticket's status: open (blue), reopened (purple), pending customer (orange), resolved (green), closed (grey). */
export const TicketStatusBadge = ({
  status,
  t,
  className,
}: {
  status: string
  t: CrmTranslation["t"]
  className?: string
}) => (
  <StatusBadge color={isTicketStatus(status) ? TICKET_STATUS_COLORS[status] : "grey"} className={className}>
    {ticketStatusLabel(status, t)}
  </StatusBadge>
)
