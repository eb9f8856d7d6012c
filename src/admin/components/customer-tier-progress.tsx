import { Badge, Text } from "@medusajs/ui"
import type { AdminLoyaltyAccount } from "../../types"
import type { CrmTranslation } from "../lib/i18n"
import { formatMeasure, progressToNextTier } from "../lib/tiers"

type TierFields = Pick<
  AdminLoyaltyAccount,
  | "tier"
  | "tier_since"
  | "next_tier"
  | "points_to_next_tier"
  | "spend_to_next_tier"
  | "tier_progress"
>

/**
 * The member's tier on the customer page: the tier and since when, a bar of
 * the way to the next tier with what is left ("€300 to Gold"), and, while
 * the member no longer qualifies, when the grace period ends. Every field is
 * read as optional so the widget works with a backend without tiers.
 */
export const CustomerTierProgress = ({
  account,
  i18n,
}: {
  account: Partial<TierFields>
  i18n: CrmTranslation
}) => {
  const { t, formatDate } = i18n
  const { tier, tier_since, next_tier, tier_progress: progress } = account
  const fraction = progress ? progressToNextTier(progress.value, progress.remaining) : null
  // Rounded down: 100% only once the next threshold is reached.
  const percent = fraction == null ? null : Math.floor(fraction * 100)
  const remaining = remainingText(account, i18n)

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-4">
        <Text size="small" weight="plus" leading="compact">
          {t("loyalty.tier")}
        </Text>
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          {tier ? (
            <Badge size="2xsmall" color="purple">
              {tier.name}
            </Badge>
          ) : (
            <Text size="small" leading="compact">
              {t("loyalty.noTier")}
            </Text>
          )}
          {tier && tier_since ? (
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
              {t("loyalty.tierSince", { date: formatDate(tier_since) })}
            </Text>
          ) : null}
        </div>
      </div>

      {next_tier && percent != null ? (
        <div className="flex flex-col gap-y-1">
          <div
            role="progressbar"
            aria-label={t("loyalty.tierProgress", { tier: next_tier.name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full"
          >
            <div
              className="bg-ui-bg-interactive h-full rounded-full transition-[width]"
              style={{ width: `${percent}%` }}
            />
          </div>
          <div className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums">
              {remaining}
            </Text>
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted tabular-nums">
              {t("loyalty.tierPercent", { percent })}
            </Text>
          </div>
        </div>
      ) : next_tier && remaining ? (
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums">
          {remaining}
        </Text>
      ) : tier && !next_tier ? (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
          {t("loyalty.topTier")}
        </Text>
      ) : null}

      {progress?.grace_ends_at && tier ? (
        <Text size="xsmall" leading="compact" className="text-ui-tag-orange-text">
          {t("loyalty.tierGrace", { tier: tier.name, date: formatDate(progress.grace_ends_at) })}
        </Text>
      ) : null}
    </div>
  )
}

/** "€300 to Gold" or "200 points to Gold", or null without a next tier. */
const remainingText = (account: Partial<TierFields>, i18n: CrmTranslation) => {
  const { t, locale, formatNumber } = i18n
  const { next_tier, tier_progress: progress } = account
  if (!next_tier) {
    return null
  }
  if (account.spend_to_next_tier != null) {
    return t("loyalty.toNextTierAmount", {
      amount: formatMeasure(account.spend_to_next_tier, "spend", progress?.currency_code ?? null, {
        t,
        locale,
        formatNumber,
      }),
      tier: next_tier.name,
    })
  }
  if (account.points_to_next_tier != null) {
    return t("loyalty.toNextTier", {
      points: formatNumber(account.points_to_next_tier),
      tier: next_tier.name,
    })
  }
  return null
}
