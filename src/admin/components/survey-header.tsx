import { ArrowUturnLeft, EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import type { SurveyDTO } from "../../types/surveys"
import { useDeleteSurvey, useUpdateSurvey } from "../hooks/surveys"
import type { CrmTranslation } from "../lib/i18n"
import { questionTypeLabel, reviewPromptApplies, triggerSummary } from "../lib/surveys"
import { SurveyActiveBadge, SurveyTypeBadge } from "./survey-badges"
import { SurveyBuilderModal } from "./survey-builder"
import { SurveySendDrawer } from "./survey-send-drawer"

/**
 * The survey's name, type and status, how it is sent, and its actions:
 * send now, edit (the builder), activate or deactivate, delete (after a
 * confirmation), and the way back to the list.
 */
export const SurveyHeader = ({ survey, i18n }: { survey: SurveyDTO; i18n: CrmTranslation }) => {
  const { t, formatNumber } = i18n
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [editing, setEditing] = useState(false)
  const update = useUpdateSurvey()
  const remove = useDeleteSurvey()

  const toggleActive = async () => {
    const active = !survey.active
    try {
      await update.mutateAsync({ id: survey.id, body: { active } })
    } catch (e) {
      toast.error(t("surveyDetail.toggleFailed"), { description: e instanceof Error ? e.message : undefined })
      return
    }
    toast.success(active ? t("surveyDetail.activated", { name: survey.name }) : t("surveyDetail.deactivated", { name: survey.name }))
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: t("surveyDetail.deleteTitle"),
      description: t("surveyDetail.deleteDescription", { name: survey.name }),
      confirmText: t("surveyDetail.delete"),
      cancelText: t("ticket.cancel"),
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(survey.id)
    } catch (e) {
      toast.error(t("surveyDetail.deleteFailed"), { description: e instanceof Error ? e.message : undefined })
      return
    }
    toast.success(t("surveyDetail.deleted", { name: survey.name }))
    navigate("/surveys", { replace: true })
  }

  const facts = [
    triggerSummary(survey.trigger, t),
    t("surveyDetail.expiry", { days: formatNumber(survey.expiry_days) }),
    survey.completion_points ? t("surveyDetail.points", { points: formatNumber(survey.completion_points) }) : null,
    reviewPromptApplies({ type: survey.type, event: survey.trigger.event }) && survey.review_prompt ? t("surveyDetail.reviewPrompt") : null,
  ].filter(Boolean)

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-col items-start justify-between gap-3 md:flex-row">
        <div className="flex min-w-0 flex-col gap-y-2">
          <Heading level="h1" className="break-words">
            {survey.name}
          </Heading>
          <div className="flex flex-wrap items-center gap-2">
            <SurveyTypeBadge type={survey.type} t={t} />
            <SurveyActiveBadge active={survey.active} t={t} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/surveys">
              <ArrowUturnLeft />
              {t("surveyDetail.back")}
            </Link>
          </Button>
          <SurveySendDrawer survey={survey} i18n={i18n} />
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            <PencilSquare />
            {t("surveyDetail.edit")}
          </Button>
          <Button size="small" variant="secondary" isLoading={update.isPending} onClick={toggleActive}>
            {survey.active ? t("surveyDetail.deactivate") : t("surveyDetail.activate")}
          </Button>
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("surveyDetail.more")}>
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item onClick={onDelete} className="text-ui-fg-error gap-x-2" disabled={remove.isPending}>
                <Trash />
                {t("surveyDetail.delete")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
      </div>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {facts.join(" \u00b7 ")}
      </Text>
      <SurveyBuilderModal open={editing} onOpenChange={setEditing} survey={survey} i18n={i18n} />
    </Container>
  )
}

/** The survey's questions as customers get them: label, type, required or not. */
export const SurveyQuestionsSection = ({ survey, i18n: { t } }: { survey: SurveyDTO; i18n: CrmTranslation }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">{t("surveyDetail.questions")}</Heading>
    </div>
    <ol className="divide-y">
      {survey.questions.map((question, index) => (
        <li key={question.id} className="flex flex-col gap-y-1 px-6 py-3">
          <Text size="small" leading="compact" className="text-ui-fg-base break-words">
            {`${index + 1}. ${question.label}`}
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {[
              questionTypeLabel(question.type, t),
              question.type === "rating" && question.max ? t("surveyDetail.outOf", { max: question.max }) : null,
              question.options?.length ? question.options.join(" / ") : null,
              question.required ? t("surveyBuilder.required") : t("surveyDetail.optional"),
            ]
              .filter(Boolean)
              .join(" \u00b7 ")}
          </Text>
        </li>
      ))}
    </ol>
  </Container>
)
