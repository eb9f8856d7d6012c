import { Text } from "@medusajs/ui"
import type { RatingSummary as RatingSummaryData } from "../../types"
import type { CrmTranslation } from "../lib/i18n"
import { distributionShares, formatAverage } from "../lib/reviews"
import { ReviewStars } from "./review-stars"

/**
 * A product's approved-review summary: the average with its stars, how many
 * reviews it is from, and a bar per rating (5 to 1) with its count.
 */
export const RatingSummary = ({
  summary,
  i18n,
}: {
  summary: RatingSummaryData
  i18n: CrmTranslation
}) => {
  const { t, locale, formatNumber } = i18n

  if (!summary.review_count) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {t("reviews.summary.none")}
      </Text>
    )
  }

  return (
    <div className="flex flex-col gap-x-8 gap-y-4 sm:flex-row sm:items-center">
      <div className="flex shrink-0 flex-col gap-y-1">
        <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
          {t("reviews.summary.average")}
        </Text>
        <div className="flex items-baseline gap-x-2">
          <Text size="xlarge" weight="plus" leading="compact" className="text-ui-fg-base tabular-nums">
            {formatAverage(summary.average_rating, locale)}
          </Text>
          <ReviewStars rating={summary.average_rating} t={t} />
        </div>
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
          {summary.review_count === 1
            ? t("reviews.summary.count.one")
            : t("reviews.summary.count.other", { count: formatNumber(summary.review_count) })}
        </Text>
      </div>
      <ul
        className="flex min-w-0 flex-1 flex-col gap-y-1"
        aria-label={t("reviews.summary.distribution")}
      >
        {distributionShares(summary).map(({ rating, count, share }) => (
          <li
            key={rating}
            className="grid grid-cols-[2.5rem_1fr_2.5rem] items-center gap-x-2"
            aria-label={t("reviews.summary.bar", { rating, count: formatNumber(count) })}
          >
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums" aria-hidden>
              {`${rating} \u2605`}
            </Text>
            <div className="bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full" aria-hidden>
              <div
                className="bg-ui-tag-orange-icon h-full rounded-full"
                style={{ width: `${Math.round(share * 100)}%` }}
              />
            </div>
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted text-right tabular-nums" aria-hidden>
              {formatNumber(count)}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}
