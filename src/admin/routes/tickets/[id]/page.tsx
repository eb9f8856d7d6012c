import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { LoadError } from "../../../components/load-error"
import { SettingsSkeleton } from "../../../components/settings-skeleton"
import { TicketCompensationSection } from "../../../components/ticket-compensation-section"
import { TicketConversation } from "../../../components/ticket-conversation"
import { TicketCustomerSection } from "../../../components/ticket-customer-section"
import { useNow } from "../../../components/ticket-due"
import { TicketHeader } from "../../../components/ticket-header"
import { TicketProperties } from "../../../components/ticket-properties"
import { TicketRatingSection } from "../../../components/ticket-rating-section"
import { TicketReplyBox } from "../../../components/ticket-reply-box"
import { TicketSlaSection } from "../../../components/ticket-sla-section"
import { useTicket, useTicketStaff } from "../../../hooks/tickets"
import { useCrmTranslation } from "../../../lib/i18n"
import { ticketNumber } from "../../../lib/tickets"

/**
 * One ticket (`/tickets/:id`): the conversation and the reply box on the
 * left; status, priority, category and assignee, the SLA targets, the
 * customer, compensation and the customer's rating on the right. Not in the
 * sidebar: reached from the inbox, the widgets and links.
 */
const TicketPage = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { id = "" } = useParams()
  const now = useNow()
  const { ticket, isPending, isError, error, refetch, isFetching } = useTicket(id)
  const { data: staff } = useTicketStaff()

  if (isPending) {
    return (
      <Container className="p-0">
        <SettingsSkeleton />
      </Container>
    )
  }
  if (isError || !ticket) {
    return (
      <Container className="p-0">
        <LoadError
          title={t("ticket.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <TicketHeader ticket={ticket} i18n={i18n} />
      <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
        <div className="flex w-full min-w-0 flex-col gap-y-3">
          <TicketConversation ticket={ticket} staff={staff} i18n={i18n} />
          <TicketReplyBox key={ticket.id} ticket={ticket} i18n={i18n} />
        </div>
        <div className="flex w-full flex-col gap-y-3 xl:max-w-[420px]">
          <TicketProperties ticket={ticket} staff={staff} i18n={i18n} />
          <TicketSlaSection ticket={ticket} now={now} i18n={i18n} />
          <TicketCustomerSection ticket={ticket} i18n={i18n} />
          <TicketCompensationSection ticket={ticket} i18n={i18n} />
          <TicketRatingSection ticket={ticket} i18n={i18n} />
        </div>
      </div>
    </div>
  )
}

/** "#1042" in the dashboard's breadcrumbs, from the ticket the page loads (the same cache entry). */
const TicketBreadcrumb = ({ id }: { id: string }) => {
  const { t } = useCrmTranslation()
  const { ticket } = useTicket(id)
  return <span>{ticket ? ticketNumber(ticket) : t("ticket.breadcrumb")}</span>
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => <TicketBreadcrumb id={match.params.id ?? ""} />,
}

export default TicketPage
