import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UsersSolid } from "@medusajs/icons"
import { Heading, Text } from "@medusajs/ui"
import { RfmDistribution } from "../../components/rfm-distribution"
import { SegmentList } from "../../components/segment-list"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Segments page: every saved segment with its members and refresh, and
 * how the customers spread over the RFM groups. Reached from the sidebar;
 * the label is translated by the dashboard from the plugin's "crm" namespace
 * (src/admin/i18n).
 */
const SegmentsPage = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col gap-y-1 px-1 pb-1">
        <Heading level="h1">{t("segments.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("segments.description")}
        </Text>
      </div>
      <SegmentList />
      <RfmDistribution i18n={i18n} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.segments",
  translationNs: "crm",
  icon: UsersSolid,
})

export default SegmentsPage
