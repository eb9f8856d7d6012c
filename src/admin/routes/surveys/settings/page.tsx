import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SurveySettingsSection } from "../../../components/survey-settings-form"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * The survey settings: the frequency cap across all surveys, where
 * invitation links point, and the hosted page's store name and colours.
 * Nested under Surveys in the sidebar (its path is below /surveys).
 */
const SurveySettingsPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("surveySettings.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("surveySettings.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/surveys">
            <ArrowUturnLeft />
            {t("surveyDetail.back")}
          </Link>
        </Button>
      </div>
      <SurveySettingsSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.surveySettings",
  translationNs: "crm",
})

export default SurveySettingsPage
