import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Heading, Text } from "@medusajs/ui"
import { CampaignsSection } from "../../components/campaigns-section"
import { LoyaltyMembersSection } from "../../components/loyalty-members-table"
import { LoyaltySettingsSection } from "../../components/loyalty-settings-form"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Loyalty page: the store's points settings, its campaigns and its
 * members. Reached from the sidebar; the label is translated by the
 * dashboard from the plugin's "crm" namespace (src/admin/i18n).
 */
const LoyaltyPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col gap-y-1 px-1 pb-1">
        <Heading level="h1">{t("loyalty.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("page.description")}
        </Text>
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
