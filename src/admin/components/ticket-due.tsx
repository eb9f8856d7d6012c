import { Badge, Tooltip } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AdminTicket } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { formatRelative, ticketDue } from "../lib/tickets"

/** The current time, moving on every `intervalMs`: due times read "in 5 minutes" and turn overdue on screen. */
export const useNow = (intervalMs = 60_000) => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/**
 * The deadline that matters now (first response, then resolution) as
 * "in 3 hours" with the exact time on hover, and a badge when it is past
 * (overdue), when a target was missed (breached) or when the clock is
 * stopped while waiting on the customer (paused).
 */
export const TicketDue = ({
  ticket,
  now,
  i18n: { t, locale, formatDateTime },
}: {
  ticket: Pick<AdminTicket, "sla" | "status" | "first_responded_at" | "next_due_at">
  now: number
  i18n: CrmTranslation
}) => {
  const state = ticketDue(ticket, now)
  // A resolved or closed ticket has nothing left to be due; only a miss is worth showing.
  const done = ticket.status === "resolved" || ticket.status === "closed"

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1.5">
      {done ? null : state.due && !state.paused ? (
        <Tooltip
          content={`${
            state.kind === "first_response" ? t("ticket.sla.firstResponseDue") : t("ticket.sla.resolutionDue")
          }: ${formatDateTime(state.due)}`}
        >
          <time
            dateTime={state.due}
            className={state.overdue ? "text-ui-fg-error tabular-nums" : "text-ui-fg-subtle tabular-nums"}
          >
            {formatRelative(state.due, now, locale)}
          </time>
        </Tooltip>
      ) : state.paused ? null : (
        <span className="text-ui-fg-muted">{"\u2013"}</span>
      )}
      {done && !state.breached ? <span className="text-ui-fg-muted">{"\u2013"}</span> : null}
      {state.overdue ? (
        <Badge size="2xsmall" color="red">
          {t("tickets.due.overdue")}
        </Badge>
      ) : state.breached ? (
        <Badge size="2xsmall" color="orange">
          {t("tickets.due.breached")}
        </Badge>
      ) : null}
      {state.paused && !done ? (
        <Badge size="2xsmall" color="grey">
          {t("tickets.due.paused")}
        </Badge>
      ) : null}
    </div>
  )
}
