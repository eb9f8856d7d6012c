import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight, CogSixTooth } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ReviewsQueue } from "../../components/reviews-queue"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Reviews page: the moderation queue (pending reviews first) with bulk
 * approve, reject and flag, each review in full in a drawer, and a link to
 * the moderation settings (routes/reviews/settings). Reached from the
 * sidebar; the label is translated by the dashboard from the plugin's "crm"
 * namespace (src/admin/i18n).
 */
const ReviewsPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("reviews.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("reviews.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/reviews/settings">
            <CogSixTooth />
            {t("reviews.settingsLink")}
          </Link>
        </Button>
      </div>
      <ReviewsQueue />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.reviews",
  translationNs: "crm",
  icon: ChatBubbleLeftRight,
})

export default ReviewsPage
