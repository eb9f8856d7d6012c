import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { SurveyQuestion, SurveyResponseDTO } from "../../types/surveys"
import { LoadError } from "../components/load-error"
import { SurveyScoreBadge } from "../components/survey-badges"
import { useSurveyResponses, useSurveysById } from "../hooks/surveys"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { SCORE_ID, answerText, scoreOutOf } from "../lib/surveys"

const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

/**
 * The survey answers about this order, in the order page's side column:
 * which survey, the score with its band (promoter, passive, detractor, or
 * the CSAT band), every answer under its question, and when. Text is
 * rendered as React children (escaped), never as HTML.
 */
const OrderSurveyWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const orderId = order?.id ?? ""
  const { survey_responses, isPending, isError, error, refetch, isFetching } = useSurveyResponses(
    { order_id: orderId },
    { enabled: !!orderId }
  )
  // The questions, to label the answers: the route sends them with each
  // survey; any it does not are fetched, question ids standing in meanwhile.
  const missing = useMemo(
    () => [...new Set((survey_responses ?? []).filter((response) => !questionsOf(response)).map((response) => response.survey_id))],
    [survey_responses]
  )
  const fetched = useSurveysById(missing)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("orderSurvey.title")}</Heading>
      </div>
      {isPending && orderId ? (
        <div className="flex flex-col gap-y-2 px-6 py-4" role="status" aria-busy="true" aria-label={t("orderSurvey.loading")}>
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-full" />
        </div>
      ) : isError && !survey_responses ? (
        <LoadError
          title={t("orderSurvey.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : survey_responses?.length ? (
        <ul className="divide-y">
          {survey_responses.map((response) => (
            <li key={response.id}>
              <SurveyAnswerCard
                response={response}
                questions={questionsOf(response) ?? fetched[response.survey_id]?.questions ?? []}
                i18n={i18n}
              />
            </li>
          ))}
        </ul>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("orderSurvey.empty")}
          </Text>
        </div>
      )}
    </Container>
  )
}

/** The survey's questions when the route sent them along. */
const questionsOf = (response: SurveyResponseDTO) => {
  const questions = (response.survey as { questions?: unknown } | null)?.questions
  return Array.isArray(questions) ? (questions as SurveyQuestion[]) : null
}

const SurveyAnswerCard = ({
  response,
  questions: list,
  i18n,
}: {
  response: SurveyResponseDTO
  questions: SurveyQuestion[]
  i18n: CrmTranslation
}) => {
  const { t, formatDateTime } = i18n
  const type = response.survey?.type ?? "custom"
  const name = response.survey?.name ?? response.survey_id
  const questions = new Map<string, SurveyQuestion>(list.map((question) => [question.id, question]))
  // The score is in the badge; every other answer is listed under its question.
  const answers = response.answers.filter(
    (answer) => !(type !== "custom" && answer.question_id === SCORE_ID) && answerText(answer.value) !== ""
  )

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link to={`/surveys/${encodeURIComponent(response.survey_id)}`} className={`${LINK_CLASS} txt-compact-small-plus truncate`}>
          {name}
        </Link>
        <SurveyScoreBadge type={type} score={response.score} t={t} />
      </div>
      {answers.length ? (
        <dl className="flex flex-col gap-y-2">
          {answers.map((answer) => {
            const question = questions.get(answer.question_id)
            const value =
              typeof answer.value === "number" && question ? scoreOutOf(answer.value, question) : answerText(answer.value)
            return (
              <div key={answer.question_id} className="flex flex-col gap-y-0.5">
                <dt className="txt-compact-xsmall text-ui-fg-muted break-words">{question?.label ?? answer.question_id}</dt>
                <dd className="txt-small text-ui-fg-base whitespace-pre-wrap break-words">{value}</dd>
              </div>
            )
          })}
        </dl>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("orderSurvey.noComment")}
        </Text>
      )}
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {t("orderSurvey.answeredAt", { date: formatDateTime(response.created_at) })}
      </Text>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-order-survey",
})

export default OrderSurveyWidget
