import { Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useLoyaltySettings } from "../hooks/loyalty"
import type { CrmTranslation } from "../lib/i18n"
import { describeTierRule } from "../lib/tiers"

/**
 * How members qualify for a tier, from the settings ("Spend over the last
 * 12 months, 30 days grace"), with a link to where that is changed.
 */
export const TierRuleSummary = ({ i18n }: { i18n: CrmTranslation }) => {
  const { t } = i18n
  const { settings, isPending } = useLoyaltySettings()

  if (isPending) {
    return <Skeleton className="h-4 w-64" />
  }
  if (!settings) {
    return null
  }

  return (
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      <span className="text-ui-fg-base">{describeTierRule(settings, t)}</span>
      <span aria-hidden>{" \u00b7 "}</span>
      <Link
        to="/loyalty"
        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
      >
        {t("tiers.rule.change")}
      </Link>
    </Text>
  )
}
