import { Badge, Container, Heading, Text } from "@medusajs/ui"
import type { AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { formatRelative } from "../lib/tickets"
import { SectionRow } from "./section-row"

type Target = {
  label: string
  /** When it was met (the first answer, the resolution), or null while it runs. */
  metAt: string | Date | null
  dueAt: string | null
  breached: boolean
  escalatedAt: string | Date | null
}

/**
 * The two service-level targets: when each is due (or when it was met), and
 * whether it was missed and escalated; and whether the clock is stopped.
 */
export const TicketSlaSection = ({
  ticket,
  now,
  i18n,
}: {
  ticket: AdminTicketDetail
  now: number
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const { sla } = ticket
  const targets: Target[] = [
    {
      label: t("ticket.sla.firstResponse"),
      metAt: ticket.first_responded_at,
      dueAt: sla.first_response_due_at,
      breached: sla.first_response_breached,
      escalatedAt: ticket.first_response_escalated_at,
    },
    {
      label: t("ticket.sla.resolution"),
      metAt: ticket.resolved_at,
      dueAt: sla.resolution_due_at,
      breached: sla.resolution_breached,
      escalatedAt: ticket.resolution_escalated_at,
    },
  ]

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("ticket.sla.title")}</Heading>
        {sla.paused ? (
          <Badge size="2xsmall" color="grey">
            {t("tickets.due.paused")}
          </Badge>
        ) : null}
      </div>
      {targets.map((target) => (
        <SectionRow key={target.label} title={target.label} value={<TargetValue target={target} paused={sla.paused} now={now} i18n={i18n} />} />
      ))}
      {sla.paused ? (
        <div className="px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            {ticket.status === "pending_customer" ? t("ticket.sla.pausedCustomer") : t("ticket.sla.pausedDone")}
          </Text>
        </div>
      ) : null}
    </Container>
  )
}

const TargetValue = ({
  target,
  paused,
  now,
  i18n: { t, locale, formatDateTime },
}: {
  target: Target
  paused: boolean
  now: number
  i18n: CrmTranslation
}) => {
  const overdue = !target.metAt && !paused && !!target.dueAt && new Date(target.dueAt).getTime() < now

  return (
    <div className="flex min-w-0 flex-col gap-y-1">
      {target.metAt ? (
        <span>{t("ticket.sla.metAt", { date: formatDateTime(target.metAt) })}</span>
      ) : target.dueAt ? (
        <span className={overdue ? "text-ui-fg-error" : undefined}>
          <time dateTime={target.dueAt}>{formatDateTime(target.dueAt)}</time>
          {paused ? null : ` (${formatRelative(target.dueAt, now, locale)})`}
        </span>
      ) : (
        // While the clock is stopped the server gives no due time; the target is still there.
        <span className="text-ui-fg-muted">{paused ? t("tickets.due.paused") : t("ticket.sla.noTarget")}</span>
      )}
      <div className="flex flex-wrap gap-1">
        {overdue ? (
          <Badge size="2xsmall" color="red">
            {t("tickets.due.overdue")}
          </Badge>
        ) : target.breached ? (
          <Badge size="2xsmall" color="orange">
            {t("tickets.due.breached")}
          </Badge>
        ) : target.metAt ? (
          <Badge size="2xsmall" color="green">
            {t("ticket.sla.onTime")}
          </Badge>
        ) : null}
        {target.escalatedAt ? (
          <Badge size="2xsmall" color="purple">
            {t("ticket.sla.escalatedAt", { date: formatDateTime(target.escalatedAt) })}
          </Badge>
        ) : null}
      </div>
    </div>
  )
}
