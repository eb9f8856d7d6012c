import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Heading, Text } from "@medusajs/ui"
import { TiersSection } from "../../../components/tiers-section"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * The Tiers page: the ladder of loyalty tiers, their thresholds and
 * benefits. Nested under Loyalty in the sidebar (its path is below
 * /loyalty); the label is translated by the dashboard from the plugin's
 * "crm" namespace (src/admin/i18n).
 */
const LoyaltyTiersPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col gap-y-1 px-1 pb-1">
        <Heading level="h1">{t("tiers.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("tiers.description")}
        </Text>
      </div>
      <TiersSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.loyaltyTiers",
  translationNs: "crm",
})

export default LoyaltyTiersPage
