import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles, Trophy } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CampaignsSection } from "../../components/campaigns-section"
import { LoyaltyMembersSection } from "../../components/loyalty-members-table"
import { LoyaltySettingsSection } from "../../components/loyalty-settings-form"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Loyalty page: the store's points settings, its campaigns and its
 * members, and a link to the tier ladder (routes/loyalty/tiers). Reached
 * from the sidebar; the label is translated by the dashboard from the
 * plugin's "crm" namespace (src/admin/i18n).
 */
const LoyaltyPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("loyalty.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("page.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/loyalty/tiers">
            <Trophy />
            {t("page.tiersLink")}
          </Link>
        </Button>
      </div>
      <LoyaltySettingsSection />
      <CampaignsSection />
      <LoyaltyMembersSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.loyalty",
  translationNs: "crm",
  icon: Sparkles,
})

export default LoyaltyPage
