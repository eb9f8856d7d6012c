import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { LoadError } from "../components/load-error"
import { TicketCreateDrawer } from "../components/ticket-create-drawer"
import { useNow } from "../components/ticket-due"
import { TicketList, TicketListSkeleton } from "../components/ticket-list"
import { useTickets } from "../hooks/tickets"
import { useCrmTranslation } from "../lib/i18n"

/** More than any order gathers, in one request. */
const LIMIT = 50

/**
 * The complaint tickets about this order, in the order page's
 * side column: status, due time and a
 * link to each, newest first, and "Open ticket" for the order's customer.
 */
const OrderTicketsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const now = useNow()
  const orderId = order?.id ?? ""
  const { tickets, isPending, isError, error, refetch, isFetching } = useTickets(
    { order_id: orderId, order: "-created_at", limit: LIMIT, offset: 0 },
    // Another order's tickets are never shown while this one's load.
    { enabled: !!orderId, placeholderData: undefined }
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("orderTickets.title")}</Heading>
        {order?.customer_id ? <TicketCreateDrawer customerId={order.customer_id} orderId={orderId} i18n={i18n} /> : null}
      </div>
      {isPending ? (
        <TicketListSkeleton label={t("orderTickets.loading")} rows={1} />
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
            {t("orderTickets.empty")}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-order-tickets",
})

export default OrderTicketsWidget
