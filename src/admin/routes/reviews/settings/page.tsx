import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ReviewSettingsSection } from "../../../components/review-settings-form"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * The review moderation settings: who may review, what is published at
 * once, the automatic checks and their actions, the rate limit and the
 * complaint threshold. Nested under Reviews in the sidebar (its path is
 * below /reviews); the label is translated by the dashboard from the
 * plugin's "crm" namespace (src/admin/i18n).
 */
const ReviewSettingsPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("reviewSettings.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("reviewSettings.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/reviews">
            <ArrowUturnLeft />
            {t("reviewSettings.back")}
          </Link>
        </Button>
      </div>
      <ReviewSettingsSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.reviewSettings",
  translationNs: "crm",
})

export default ReviewSettingsPage
