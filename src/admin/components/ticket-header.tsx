import { ArrowUturnLeft, FlagMini } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { TicketSource } from "../../types"
import type { AdminTicketDetail } from "../hooks/tickets"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import { ticketCategoryLabel, ticketNumber } from "../lib/tickets"
import { SupportPriorityBadge } from "./support-priority-badge"
import { TicketStatusBadge } from "./ticket-status-badge"

const SOURCE_LABELS: Record<TicketSource, CrmMessageKey> = {
  customer: "ticket.source.customer",
  staff: "ticket.source.staff",
  review: "ticket.source.review",
  survey: "ticket.source.survey",
}

/** The ticket's number and subject, its badges, where it came from and when, and the way back to the inbox. */
export const TicketHeader = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t, formatDateTime } = i18n
  const source = SOURCE_LABELS[ticket.source as TicketSource]

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-col items-start justify-between gap-2 md:flex-row">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
            {ticketNumber(ticket)}
          </Text>
          <Heading level="h1" className="break-words">
            {ticket.subject}
          </Heading>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/tickets">
            <ArrowUturnLeft />
            {t("ticket.back")}
          </Link>
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <TicketStatusBadge status={ticket.status} t={t} />
        <SupportPriorityBadge priority={ticket.priority} t={t} />
        <Badge size="2xsmall">{ticketCategoryLabel(ticket.category, t)}</Badge>
        {ticket.flagged ? (
          <Badge size="2xsmall" color="red">
            <FlagMini />
            {t("tickets.flagged")}
          </Badge>
        ) : null}
      </div>
      <Text size="small" leading="compact" className="text-ui-fg-muted">
        {t("ticket.opened", {
          source: source ? t(source) : ticket.source,
          date: formatDateTime(ticket.created_at),
        })}
      </Text>
    </Container>
  )
}
