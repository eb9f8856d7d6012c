import { Badge, Skeleton, StatusBadge, Table, Text, clx } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import type { AdminLoyaltyTransaction } from "../../types"
import { useCustomerLoyaltyTransactions } from "../hooks/loyalty"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import { paginationTranslations } from "../lib/pagination-translations"
import { LoadError } from "./load-error"

const PAGE_SIZE = 20

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
  "signup_bonus",
  "birthday_bonus",
  "referral_referrer_bonus",
  "referral_referee_bonus",
  "order_canceled_points_restored",
  "cart_redemption",
  "removed_by_customer",
  "hold_expired",
  "points_expired",
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
  customerId: string
  i18n: CrmTranslation
}

/**
 * The account's whole ledger, newest first, a page at a time. Notes and
 * reasons are typed by people (staff) and rendered as React text children,
 * never as HTML.
 */
export const LoyaltyActivity = ({ customerId, i18n }: LoyaltyActivityProps) => {
  const { t } = i18n
  const [pageIndex, setPageIndex] = useState(0)
  const { transactions, count, isPending, isError, error, refetch, isFetching, isPlaceholderData } =
    useCustomerLoyaltyTransactions(customerId, {
      limit: PAGE_SIZE,
      offset: pageIndex * PAGE_SIZE,
    })
  const total = count ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))

  // The ledger only grows, but a page past the end (a stale index) goes back
  // to the last one rather than showing nothing.
  useEffect(() => {
    if (count !== undefined && pageIndex > 0 && pageIndex >= pageCount) {
      setPageIndex(pageCount - 1)
    }
  }, [count, pageIndex, pageCount])

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
      </div>
      {isPending ? (
        <ActivitySkeleton label={t("activity.loading")} />
      ) : isError && !transactions ? (
        <LoadError
          title={t("activity.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : !transactions?.length ? (
        <div className="px-6 pb-4">
          <Text size="small" className="text-ui-fg-muted">
            {t("activity.empty")}
          </Text>
        </div>
      ) : (
        <>
          <ul
            className={clx("divide-y border-t", isPlaceholderData && "opacity-60")}
            aria-busy={isPlaceholderData || undefined}
          >
            {transactions.map((transaction) => (
              <ActivityRow
                key={transaction.id}
                transaction={transaction}
                customerId={customerId}
                i18n={i18n}
              />
            ))}
          </ul>
          {total > PAGE_SIZE ? (
            <Table.Pagination
              className="flex-wrap gap-y-1 border-t"
              count={total}
              pageSize={PAGE_SIZE}
              pageIndex={pageIndex}
              pageCount={pageCount}
              canPreviousPage={pageIndex > 0}
              canNextPage={pageIndex < pageCount - 1}
              previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
              nextPage={() => setPageIndex((index) => Math.min(pageCount - 1, index + 1))}
              translations={paginationTranslations(t)}
            />
          ) : null}
        </>
      )}
    </section>
  )
}

const ActivitySkeleton = ({ label }: { label: string }) => (
  <div className="divide-y border-t" role="status" aria-busy="true" aria-label={label}>
    {[0, 1, 2].map((row) => (
      <div key={row} className="flex flex-col gap-y-2 px-6 py-3">
        <div className="flex items-center justify-between">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-4 w-12" />
        </div>
        <Skeleton className="h-4 w-32" />
      </div>
    ))}
  </div>
)

const ActivityRow = ({
  transaction,
  customerId,
  i18n,
}: {
  transaction: AdminLoyaltyTransaction
  /** The page's customer: a line about them needs no link to them. */
  customerId: string
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
        ) : transaction.reference_type === "customer" &&
          transaction.reference_id &&
          transaction.reference_id !== customerId ? (
          <>
            <span aria-hidden>{"\u00b7"}</span>
            <Link
              to={`/customers/${encodeURIComponent(transaction.reference_id)}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
            >
              {t("activity.viewCustomer")}
            </Link>
          </>
        ) : null}
      </div>
    </li>
  )
}
