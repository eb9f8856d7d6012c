import { FlagMini } from "@medusajs/icons"
import { Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminTicket } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { ticketCategoryLabel, ticketNumber } from "../lib/tickets"
import { TicketDue } from "./ticket-due"
import { TicketStatusBadge } from "./ticket-status-badge"

/** The ticket's own page. */
export const ticketLink = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}`

/**
 * Tickets as a short list for the widgets: number, subject, status,
 * category, when opened and the due time, each a link to the ticket. Text is
 * rendered as React children (escaped), never as HTML.
 */
export const TicketList = ({ tickets, now, i18n }: { tickets: AdminTicket[]; now: number; i18n: CrmTranslation }) => {
  const { t, formatDate } = i18n

  return (
    <ul className="divide-y">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <Link
            to={ticketLink(ticket.id)}
            className="hover:bg-ui-bg-base-hover transition-fg flex flex-col gap-y-1 px-6 py-3 outline-none focus-visible:bg-ui-bg-base-hover"
          >
            <div className="flex items-center justify-between gap-x-2">
              <div className="flex min-w-0 items-center gap-x-1.5">
                <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
                  {ticketNumber(ticket)}
                </Text>
                {ticket.flagged ? (
                  <span className="text-ui-fg-error" aria-label={t("tickets.flagged")} title={t("tickets.flagged")}>
                    <FlagMini />
                  </span>
                ) : null}
              </div>
              <TicketStatusBadge status={ticket.status} t={t} className="txt-compact-xsmall" />
            </div>
            <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base break-words">
              {ticket.subject}
            </Text>
            <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap items-center gap-x-1.5">
              <span>{ticketCategoryLabel(ticket.category, t)}</span>
              <span aria-hidden>{"\u00b7"}</span>
              <time dateTime={String(ticket.created_at)}>{formatDate(ticket.created_at)}</time>
            </div>
            {ticket.status === "open" || ticket.status === "reopened" ? (
              <div className="txt-compact-xsmall">
                <TicketDue ticket={ticket} now={now} i18n={i18n} />
              </div>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  )
}

export const TicketListSkeleton = ({ label, rows = 2 }: { label: string; rows?: number }) => (
  <div className="divide-y" role="status" aria-busy="true" aria-label={label}>
    {Array.from({ length: rows }, (_, row) => (
      <div key={row} className="flex flex-col gap-y-2 px-6 py-3">
        <div className="flex items-center justify-between">
          <Skeleton className="h-4 w-12" />
          <Skeleton className="h-4 w-16" />
        </div>
        <Skeleton className="h-4 w-48" />
      </div>
    ))}
  </div>
)
