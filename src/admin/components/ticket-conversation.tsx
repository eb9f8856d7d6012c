import { LockClosedSolidMini } from "@medusajs/icons"
import { Container, Heading, Text, clx } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminTicketDetail, TicketMessageDTO, TicketStaffUser } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { customerName } from "../lib/reviews"
import { authorTypeLabel, staffName } from "../lib/tickets"

const time = (value: string | Date) => new Date(value).getTime()

/** Who wrote a message: the customer's name, the staff user's name, or "System". */
const authorName = (
  message: TicketMessageDTO,
  ticket: AdminTicketDetail,
  staff: TicketStaffUser[] | undefined,
  t: CrmTranslation["t"]
) => {
  if (message.author_type === "customer") {
    return customerName(ticket.customer) || ticket.customer?.email || authorTypeLabel("customer", t)
  }
  if (message.author_type === "user") {
    return message.author_id ? staffName(message.author_id, staff) : authorTypeLabel("user", t)
  }
  return authorTypeLabel(message.author_type, t)
}

/**
 * The conversation, oldest first: the customer's messages on the left,
 * staff replies on the right, internal notes on the right in a marked
 * (orange, locked) box that says only staff see it, and system notes
 * (status changes, escalations) as a line in the middle. Every text is a
 * React child (escaped), line breaks kept; never HTML.
 */
export const TicketConversation = ({
  ticket,
  staff,
  i18n,
}: {
  ticket: AdminTicketDetail
  staff: TicketStaffUser[] | undefined
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const messages = useMemo(
    () => [...(ticket.messages ?? [])].sort((a, b) => time(a.created_at) - time(b.created_at)),
    [ticket.messages]
  )

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("ticket.conversation")}</Heading>
      </div>
      {messages.length ? (
        <ol className="flex flex-col gap-y-4 px-6 py-4" aria-label={t("ticket.conversation")}>
          {messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              author={authorName(message, ticket, staff, t)}
              i18n={i18n}
            />
          ))}
        </ol>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {t("ticket.noMessages")}
          </Text>
        </div>
      )}
    </Container>
  )
}

const MessageItem = ({
  message,
  author,
  i18n: { t, formatDateTime },
}: {
  message: TicketMessageDTO
  author: string
  i18n: CrmTranslation
}) => {
  const created = String(message.created_at)

  if (message.author_type === "system") {
    return (
      <li className="flex flex-col items-center gap-y-0.5 text-center">
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle whitespace-pre-wrap break-words">
          {message.body}
        </Text>
        <time dateTime={created} className="txt-compact-xsmall text-ui-fg-muted">
          {formatDateTime(message.created_at)}
        </time>
      </li>
    )
  }

  const fromCustomer = message.author_type === "customer"
  return (
    <li className={clx("flex flex-col gap-y-1", fromCustomer ? "items-start" : "items-end")}>
      <div
        className={clx(
          "flex max-w-[85%] flex-col gap-y-1 rounded-lg border px-4 py-3",
          fromCustomer && "bg-ui-bg-subtle border-ui-border-base",
          !fromCustomer && !message.internal && "bg-ui-bg-base border-ui-border-strong",
          message.internal && "bg-ui-tag-orange-bg border-ui-tag-orange-border border-dashed"
        )}
      >
        {message.internal ? (
          <div className="text-ui-tag-orange-text flex items-center gap-x-1">
            <LockClosedSolidMini />
            <Text size="xsmall" weight="plus" leading="compact">
              {t("ticket.internalNote")}
            </Text>
          </div>
        ) : null}
        <Text size="small" className="text-ui-fg-base whitespace-pre-wrap break-words">
          {message.body}
        </Text>
      </div>
      <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap items-center gap-x-1.5 px-1">
        <span className="break-all">{author}</span>
        <span aria-hidden>{"\u00b7"}</span>
        <time dateTime={created}>{formatDateTime(message.created_at)}</time>
      </div>
    </li>
  )
}
