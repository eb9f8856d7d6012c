import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CogSixTooth, FaceSmile } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SurveyList } from "../../components/survey-list"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Surveys page: every NPS, CSAT and custom survey with its numbers, the
 * builder ("Create"), and a link to the survey settings
 * (routes/surveys/settings). Reached from the sidebar; the label is
 * translated by the dashboard from the plugin's "crm" namespace
 * (src/admin/i18n).
 */
const SurveysPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("surveys.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("surveys.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/surveys/settings">
            <CogSixTooth />
            {t("surveys.settingsLink")}
          </Link>
        </Button>
      </div>
      <SurveyList />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.surveys",
  translationNs: "crm",
  icon: FaceSmile,
})

export default SurveysPage
