import { Container, Heading, Select, Skeleton, Text } from "@medusajs/ui"
import { useMemo, useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { useTicketStats, type TicketStats } from "../hooks/tickets"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import {
  STATS_PERIODS,
  TICKET_CATEGORY_OPTIONS,
  formatMinutes,
  statsRange,
  ticketCategoryLabel,
  type StatsPeriod,
} from "../lib/tickets"
import { LoadError } from "./load-error"

const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

/**
 * The inbox's numbers over the last 7, 30 or 90 days: tickets still open per
 * category (as bars), median first-response and resolution times, the share
 * that missed a target, the CSAT average and the products complained about
 * most.
 */
export const TicketStatsPanel = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const [period, setPeriod] = useState<StatsPeriod>(30)
  // Computed once per period: the bounds (and so the cache entry) stay the same all day.
  const range = useMemo(() => statsRange(period), [period])
  const { stats, isPending, isError, error, refetch, isFetching } = useTicketStats(range)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("ticketStats.title")}</Heading>
        <Select size="small" value={String(period)} onValueChange={(next) => setPeriod(Number(next) as StatsPeriod)}>
          <Select.Trigger aria-label={t("ticketStats.period")} className="w-40">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {STATS_PERIODS.map((days) => (
              <Select.Item key={days} value={String(days)}>
                {t("ticketStats.lastDays", { days })}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {isPending ? (
        <StatsSkeleton label={t("ticketStats.loading")} />
      ) : isError && !stats ? (
        <LoadError
          title={t("ticketStats.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : stats ? (
        <StatsBody stats={stats} i18n={i18n} />
      ) : null}
    </Container>
  )
}

const StatsBody = ({ stats, i18n }: { stats: TicketStats; i18n: CrmTranslation }) => {
  const { t, locale, formatNumber } = i18n
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 })
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })

  return (
    <>
      <div className="grid grid-cols-2 md:grid-cols-5">
        <Figure label={t("ticketStats.tickets")} value={formatNumber(stats.ticket_count)} />
        <Figure
          label={t("ticketStats.firstResponse")}
          value={stats.median_first_response_minutes == null ? "-" : formatMinutes(stats.median_first_response_minutes, t)}
          hint={t("ticketStats.median")}
        />
        <Figure
          label={t("ticketStats.resolution")}
          value={stats.median_resolution_minutes == null ? "-" : formatMinutes(stats.median_resolution_minutes, t)}
          hint={t("ticketStats.median")}
        />
        <Figure
          label={t("ticketStats.breachRate")}
          value={stats.breach_rate == null ? "-" : percent.format(stats.breach_rate)}
          tone={stats.breach_rate != null && stats.breach_rate > 0 ? "error" : undefined}
        />
        <Figure
          label={t("ticketStats.csat")}
          value={stats.csat_average == null ? "-" : `${average.format(stats.csat_average)} / 5`}
          hint={stats.csat_count === 1 ? t("ticketStats.rating") : t("ticketStats.ratings", { count: formatNumber(stats.csat_count) })}
        />
      </div>
      <div className="grid grid-cols-1 divide-y md:grid-cols-2 md:divide-x md:divide-y-0">
        <OpenByCategory stats={stats} i18n={i18n} />
        <TopProducts stats={stats} i18n={i18n} />
      </div>
    </>
  )
}

const Figure = ({
  label,
  value,
  hint,
  tone,
}: {
  label: string
  value: ReactNode
  hint?: string
  tone?: "error"
}) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text
      size="large"
      weight="plus"
      leading="compact"
      className={tone === "error" ? "text-ui-fg-error tabular-nums" : "text-ui-fg-base tabular-nums"}
    >
      {value}
    </Text>
    {hint ? (
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {hint}
      </Text>
    ) : null}
  </div>
)

/** One bar per category, as long as its share of the largest. */
const OpenByCategory = ({ stats, i18n: { t, formatNumber } }: { stats: TicketStats; i18n: CrmTranslation }) => {
  const rows = TICKET_CATEGORY_OPTIONS.map((category) => ({
    category,
    count: stats.open_by_category?.[category] ?? 0,
  }))
  const largest = Math.max(0, ...rows.map((row) => row.count))

  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-labelledby="crm-ticket-stats-open">
      <Text id="crm-ticket-stats-open" size="small" weight="plus" leading="compact" className="text-ui-fg-base">
        {t("ticketStats.openByCategory")}
      </Text>
      <ul className="flex flex-col gap-y-2">
        {rows.map(({ category, count }) => (
          <li key={category} className="grid grid-cols-[8rem_1fr_2.5rem] items-center gap-x-3">
            <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
              {ticketCategoryLabel(category, t)}
            </Text>
            <div
              className="bg-ui-bg-component h-2 overflow-hidden rounded-full"
              role="img"
              aria-label={`${ticketCategoryLabel(category, t)}: ${formatNumber(count)}`}
            >
              <div
                className="bg-ui-fg-interactive h-full rounded-full"
                style={{ width: largest ? `${(count / largest) * 100}%` : "0%" }}
              />
            </div>
            <Text size="small" leading="compact" className="text-ui-fg-base text-right tabular-nums">
              {formatNumber(count)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  )
}

const TopProducts = ({ stats, i18n: { t, formatNumber } }: { stats: TicketStats; i18n: CrmTranslation }) => (
  <section className="flex flex-col gap-y-3 px-6 py-4" aria-labelledby="crm-ticket-stats-products">
    <Text id="crm-ticket-stats-products" size="small" weight="plus" leading="compact" className="text-ui-fg-base">
      {t("ticketStats.topProducts")}
    </Text>
    {stats.top_products?.length ? (
      <ol className="flex flex-col gap-y-2">
        {stats.top_products.map((product) => (
          <li key={product.product_id} className="flex items-center justify-between gap-x-3">
            <Link
              to={`/products/${encodeURIComponent(product.product_id)}`}
              className={`${LINK_CLASS} txt-compact-small truncate`}
            >
              {product.title || product.product_id}
            </Link>
            <Text size="small" leading="compact" className="text-ui-fg-subtle whitespace-nowrap tabular-nums">
              {product.ticket_count === 1
                ? t("ticketStats.productTicket")
                : t("ticketStats.productTickets", { count: formatNumber(product.ticket_count) })}
            </Text>
          </li>
        ))}
      </ol>
    ) : (
      <Text size="small" className="text-ui-fg-muted">
        {t("ticketStats.noProducts")}
      </Text>
    )}
  </section>
)

const StatsSkeleton = ({ label }: { label: string }) => (
  <div className="grid grid-cols-2 gap-6 px-6 py-4 md:grid-cols-5" role="status" aria-busy="true" aria-label={label}>
    {[0, 1, 2, 3, 4].map((key) => (
      <div key={key} className="flex flex-col gap-y-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-6 w-16" />
      </div>
    ))}
  </div>
)
