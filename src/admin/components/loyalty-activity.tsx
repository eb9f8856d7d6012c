import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminLoyaltyTransaction } from "../../types"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const TYPE_COLORS: Record<string, BadgeColor> = {
  earn: "green",
  bonus: "purple",
  adjust: "blue",
  redeem: "orange",
  hold: "orange",
  release: "grey",
  reverse: "red",
  expire: "grey",
  activate: "green",
}

/** Statuses of the lot an earn, bonus or added adjustment opened. */
const STATUS_COLORS: Record<string, BadgeColor> = {
  pending: "orange",
  available: "green",
  expired: "grey",
  exhausted: "grey",
  reversed: "red",
}

const KNOWN_REASONS = [
  "order",
  "order_canceled",
  "order_returned",
  "order_points_vested",
  "points_vested",
  "admin_adjustment",
  "compensation",
] as const

const isKnown = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

/** "some_code" as words, for codes this admin does not know yet. */
const humanize = (code: string) => {
  const words = code.replace(/[_-]+/g, " ").trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code
}

const typeLabel = (type: string, t: CrmTranslation["t"]) =>
  type in TYPE_COLORS
    ? t(`activity.type.${type}` as CrmMessageKey)
    : humanize(type)

/**
 * The change the customer sees on their spendable points: a hold takes
 * points away until released, whatever sign the ledger keeps it with.
 */
const signedPoints = (transaction: AdminLoyaltyTransaction) => {
  if (transaction.type === "hold") {
    return -Math.abs(transaction.points)
  }
  if (transaction.type === "release") {
    return Math.abs(transaction.points)
  }
  return transaction.points
}

/** What the line is about: the admin's own words first, else the reason. */
const describe = (transaction: AdminLoyaltyTransaction, t: CrmTranslation["t"]) => {
  const note = transaction.note?.trim()
  if (note) {
    return note
  }
  const reason = transaction.reason?.trim()
  if (!reason) {
    return null
  }
  return isKnown(KNOWN_REASONS, reason)
    ? t(`activity.reason.${reason}`)
    : humanize(reason)
}

type LoyaltyActivityProps = {
  transactions: AdminLoyaltyTransaction[]
  i18n: CrmTranslation
}

/**
 * The account's most recent ledger lines. Notes and reasons are typed by
 * people (staff) and rendered as React text children, never as HTML.
 */
export const LoyaltyActivity = ({ transactions, i18n }: LoyaltyActivityProps) => {
  const { t } = i18n

  return (
    <section aria-labelledby="crm-loyalty-activity-title">
      <div className="flex items-baseline justify-between gap-x-2 px-6 pb-2 pt-4">
        <Text
          id="crm-loyalty-activity-title"
          size="small"
          weight="plus"
          leading="compact"
          className="text-ui-fg-base"
        >
          {t("activity.title")}
        </Text>
        {transactions.length >= 20 ? (
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {t("activity.recentOnly", { count: transactions.length })}
          </Text>
        ) : null}
      </div>
      {transactions.length === 0 ? (
        <div className="px-6 pb-4">
          <Text size="small" className="text-ui-fg-muted">
            {t("activity.empty")}
          </Text>
        </div>
      ) : (
        <ul className="divide-y border-t">
          {transactions.map((transaction) => (
            <ActivityRow key={transaction.id} transaction={transaction} i18n={i18n} />
          ))}
        </ul>
      )}
    </section>
  )
}

const ActivityRow = ({
  transaction,
  i18n,
}: {
  transaction: AdminLoyaltyTransaction
  i18n: CrmTranslation
}) => {
  const { t, formatNumber, formatDate, formatDateTime } = i18n
  const points = signedPoints(transaction)
  const description = describe(transaction, t)
  const status = isKnown(Object.keys(STATUS_COLORS), transaction.status)
    ? transaction.status
    : null
  const showExpiry =
    transaction.expires_at &&
    (status === "pending" || status === "available")

  return (
    <li className="flex flex-col gap-y-1 px-6 py-3">
      <div className="flex items-center justify-between gap-x-3">
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <Badge size="2xsmall" color={TYPE_COLORS[transaction.type] ?? "grey"}>
            {typeLabel(transaction.type, t)}
          </Badge>
          {status ? (
            <StatusBadge color={STATUS_COLORS[status]} className="txt-compact-xsmall">
              {t(`activity.status.${status}` as CrmMessageKey)}
            </StatusBadge>
          ) : null}
        </div>
        <Text
          size="small"
          weight="plus"
          leading="compact"
          className={
            points > 0
              ? "text-ui-tag-green-text shrink-0 tabular-nums"
              : points < 0
                ? "text-ui-tag-red-text shrink-0 tabular-nums"
                : "text-ui-fg-muted shrink-0 tabular-nums"
          }
        >
          {points > 0
            ? `+${formatNumber(points)}`
            : points < 0
              ? `\u2212${formatNumber(Math.abs(points))}`
              : "\u2013"}
        </Text>
      </div>
      {description ? (
        <Text
          size="small"
          leading="compact"
          className="text-ui-fg-subtle whitespace-pre-line break-words"
        >
          {description}
        </Text>
      ) : null}
      <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap items-center gap-x-1.5">
        <time dateTime={transaction.created_at}>
          {formatDateTime(transaction.created_at)}
        </time>
        {showExpiry ? (
          <>
            <span aria-hidden>{"\u00b7"}</span>
            <span>
              {t("activity.expires", { date: formatDate(transaction.expires_at!) })}
            </span>
          </>
        ) : null}
        {transaction.reference_type === "order" && transaction.reference_id ? (
          <>
            <span aria-hidden>{"\u00b7"}</span>
            <Link
              to={`/orders/${encodeURIComponent(transaction.reference_id)}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            >
              {t("activity.viewOrder")}
            </Link>
          </>
        ) : null}
      </div>
    </li>
  )
}
