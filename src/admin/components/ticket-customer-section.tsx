import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { customerName } from "../lib/reviews"
import { formatMoney } from "../lib/tiers"
import { SectionRow } from "./section-row"
import { SupportPriorityBadge } from "./support-priority-badge"

const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

const orderLabel = (order: { id: string; display_id: number | null }) =>
  order.display_id != null ? `#${order.display_id}` : order.id

/**
 * Who complains and what about: the customer (a link to their page), their
 * loyalty tier and points, the order and product of the ticket, and their
 * latest orders.
 */
export const TicketCustomerSection = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t, locale, formatNumber, formatDate } = i18n
  const { customer, loyalty, order } = ticket
  const name = customerName(customer)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("ticket.customer.title")}</Heading>
      </div>
      <SectionRow
        title={t("ticket.customer.customer")}
        value={
          customer ? (
            <div className="flex min-w-0 flex-col">
              <Link to={`/customers/${encodeURIComponent(customer.id)}`} className={`${LINK_CLASS} break-all`}>
                {name || customer.email || customer.id}
              </Link>
              {name && customer.email ? <span className="break-all">{customer.email}</span> : null}
            </div>
          ) : (
            <span className="text-ui-fg-muted">{t("tickets.deletedCustomer")}</span>
          )
        }
      />
      {loyalty ? (
        <>
          <SectionRow
            title={t("ticket.customer.tier")}
            value={
              loyalty.tier ? (
                <>
                  <span>{loyalty.tier.name}</span>
                  <SupportPriorityBadge priority={loyalty.tier.support_priority} t={t} />
                </>
              ) : (
                t("loyalty.noTier")
              )
            }
          />
          <SectionRow title={t("ticket.customer.points")} value={formatNumber(loyalty.points_balance)} />
          <SectionRow title={t("loyalty.lifetimePoints")} value={formatNumber(loyalty.lifetime_points)} />
        </>
      ) : (
        <SectionRow title={t("ticket.customer.tier")} value={t("ticket.customer.noLoyalty")} />
      )}
      {ticket.order_id ? (
        <SectionRow
          title={t("ticket.customer.order")}
          value={
            <Link to={`/orders/${encodeURIComponent(ticket.order_id)}`} className={LINK_CLASS}>
              {order ? orderLabel(order) : ticket.order_id}
            </Link>
          }
        />
      ) : null}
      {ticket.product_id ? (
        <SectionRow
          title={t("ticket.customer.product")}
          value={
            <Link to={`/products/${encodeURIComponent(ticket.product_id)}`} className={`${LINK_CLASS} break-all`}>
              {t("ticket.customer.viewProduct")}
            </Link>
          }
        />
      ) : null}
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
          {t("ticket.customer.recentOrders")}
        </Text>
        {ticket.recent_orders?.length ? (
          <ul className="flex flex-col gap-y-1.5">
            {ticket.recent_orders.map((recent) => (
              <li key={recent.id} className="txt-compact-small grid grid-cols-[auto_1fr_auto] items-center gap-x-3">
                <Link to={`/orders/${encodeURIComponent(recent.id)}`} className={`${LINK_CLASS} tabular-nums`}>
                  {orderLabel(recent)}
                </Link>
                <span className="text-ui-fg-subtle truncate">{formatDate(recent.created_at)}</span>
                <span className="text-ui-fg-base text-right tabular-nums">
                  {recent.total != null && recent.currency_code
                    ? formatMoney(Number(recent.total), recent.currency_code, locale)
                    : "-"}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("ticket.customer.noOrders")}
          </Text>
        )}
      </div>
    </Container>
  )
}
