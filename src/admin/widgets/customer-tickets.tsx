import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LoadError } from "../components/load-error"
import { TicketCreateDrawer } from "../components/ticket-create-drawer"
import { useNow } from "../components/ticket-due"
import { TicketList, TicketListSkeleton } from "../components/ticket-list"
import { useTickets } from "../hooks/tickets"
import { useCrmTranslation } from "../lib/i18n"

/** The latest few; the rest are one click away in the inbox. */
const LIMIT = 5

/**
 * The customer's latest complaint tickets, below the customer's details:
 * status, due time and a link to each, "View all" (the inbox filtered to the
 * customer) and "Open ticket".
 */
const CustomerTicketsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const i18n = useCrmTranslation()
  const { t, formatNumber } = i18n
  const now = useNow()
  const customerId = customer?.id ?? ""
  const { tickets, count, isPending, isError, error, refetch, isFetching } = useTickets(
    { customer_id: customerId, order: "-created_at", limit: LIMIT, offset: 0 },
    // Another customer's tickets are never shown while this one's load.
    { enabled: !!customerId, placeholderData: undefined }
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("customerTickets.title")}</Heading>
        <div className="flex items-center gap-x-2">
          {count && count > LIMIT ? (
            <Button size="small" variant="transparent" asChild>
              <Link to={`/tickets?${new URLSearchParams({ view: "all", customer_id: customerId })}`}>
                {t("customerTickets.viewAll", { count: formatNumber(count) })}
              </Link>
            </Button>
          ) : null}
          {customerId ? <TicketCreateDrawer customerId={customerId} i18n={i18n} /> : null}
        </div>
      </div>
      {isPending ? (
        <TicketListSkeleton label={t("customerTickets.loading")} />
      ) : isError && !tickets ? (
        <LoadError
          title={t("tickets.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : tickets?.length ? (
        <TicketList tickets={tickets} now={now} i18n={i18n} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerTickets.empty")}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-customer-tickets",
})

export default CustomerTicketsWidget
