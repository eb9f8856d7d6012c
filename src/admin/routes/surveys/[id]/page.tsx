import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { LoadError } from "../../../components/load-error"
import { SettingsSkeleton } from "../../../components/settings-skeleton"
import { SurveyHeader, SurveyQuestionsSection } from "../../../components/survey-header"
import { SurveyResults } from "../../../components/survey-results"
import { useSurvey } from "../../../hooks/surveys"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * One survey (`/surveys/:id`): its header with the actions (send now, edit,
 * activate or deactivate, delete), its results for a period, and its
 * questions. Not in the sidebar: reached from the list and the order widget.
 */
const SurveyPage = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { id = "" } = useParams()
  const { survey, isPending, isError, error, refetch, isFetching } = useSurvey(id)

  if (isPending) {
    return (
      <Container className="p-0">
        <SettingsSkeleton />
      </Container>
    )
  }
  if (isError || !survey) {
    return (
      <Container className="p-0">
        <LoadError
          title={t("surveyDetail.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <SurveyHeader survey={survey} i18n={i18n} />
      <SurveyResults survey={survey} />
      <SurveyQuestionsSection survey={survey} i18n={i18n} />
    </div>
  )
}

/** The survey's name in the dashboard's breadcrumbs, from the survey the page loads (the same cache entry). */
const SurveyBreadcrumb = ({ id }: { id: string }) => {
  const { t } = useCrmTranslation()
  const { survey } = useSurvey(id)
  return <span>{survey ? survey.name : t("surveyDetail.breadcrumb")}</span>
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => <SurveyBreadcrumb id={match.params.id ?? ""} />,
}

export default SurveyPage
