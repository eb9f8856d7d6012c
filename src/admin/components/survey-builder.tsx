import { Button, FocusModal, Heading, Input, Select, Text, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useId, useMemo, useReducer, useRef, useState, type FormEvent, type ReactNode } from "react"
import type { SurveyDTO, SurveyType } from "../../types/surveys"
import { useCreateSurvey, useUpdateSurvey } from "../hooks/surveys"
import type { CrmTranslation } from "../lib/i18n"
import {
  SURVEY_LIMITS,
  SURVEY_TRIGGER_OPTIONS,
  SURVEY_TYPE_OPTIONS,
  isSurveyTrigger,
  isSurveyType,
  newSurveyForm,
  questionsForType,
  questionsReducer,
  reviewPromptApplies,
  surveyChanges,
  surveyToForm,
  surveyTriggerLabel,
  surveyTypeLabel,
  validateSurveyForm,
  type QuestionAction,
  type SurveyForm,
} from "../lib/surveys"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { SurveyQuestionEditor } from "./survey-question-editor"
import { SwitchField } from "./switch-field"

const FORM_ID = "crm-survey-builder-form"

/**
 * The survey builder, full screen: create a survey (`survey` null) or change
 * one. Closing with unsaved changes asks first.
 */
export const SurveyBuilderModal = ({
  open,
  onOpenChange,
  survey,
  onSaved,
  i18n,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  survey: SurveyDTO | null
  onSaved?: (survey: SurveyDTO) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const prompt = usePrompt()
  const state = useRef({ busy: false, dirty: false })

  const requestClose = async () => {
    if (state.current.busy) return
    if (state.current.dirty) {
      const confirmed = await prompt({
        title: t("surveyBuilder.discardTitle"),
        description: t("surveyBuilder.discardDescription"),
        confirmText: t("surveyBuilder.discard"),
        cancelText: t("surveyBuilder.keepEditing"),
      })
      if (!confirmed) return
    }
    onOpenChange(false)
  }

  return (
    <FocusModal open={open} onOpenChange={(next) => (next ? onOpenChange(true) : void requestClose())}>
      <FocusModal.Content
        aria-describedby={undefined}
        onEscapeKeyDown={(event) => {
          // Asked after the key press is over: a prompt opened while it is
          // still being handled is closed again straight away.
          event.preventDefault()
          setTimeout(() => void requestClose(), 0)
        }}
      >
        {open ? (
          <BuilderForm
            // A new survey, or another one, starts from its own values.
            key={survey?.id ?? "new"}
            survey={survey}
            onState={(busy, dirty) => {
              state.current = { busy, dirty }
            }}
            onDone={(saved) => {
              state.current = { busy: false, dirty: false }
              onOpenChange(false)
              if (saved) onSaved?.(saved)
            }}
            i18n={i18n}
          />
        ) : null}
      </FocusModal.Content>
    </FocusModal>
  )
}

const BuilderForm = ({
  survey,
  onState,
  onDone,
  i18n,
}: {
  survey: SurveyDTO | null
  onState: (busy: boolean, dirty: boolean) => void
  onDone: (saved: SurveyDTO | null) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const initial = useMemo(() => (survey ? surveyToForm(survey) : newSurveyForm(t)), [survey, t])
  const [fields, setFields] = useState<Omit<SurveyForm, "questions">>(initial)
  const [questions, dispatch] = useReducer(questionsReducer, initial.questions)
  const [showErrors, setShowErrors] = useState(false)
  // A double click saves twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const create = useCreateSurvey()
  const update = useUpdateSurvey()
  const mutation = survey ? update : create
  const { isPending, error } = mutation

  const form: SurveyForm = { ...fields, questions }
  const { errors, questions: questionErrors, body } = validateSurveyForm(form, t)
  const changes = survey && body ? surveyChanges(body, survey) : null
  const dirty = JSON.stringify({ ...initial, questions: undefined }) !== JSON.stringify({ ...fields, questions: undefined }) ||
    JSON.stringify(initial.questions.map(({ key: _key, ...rest }) => rest)) !== JSON.stringify(questions.map(({ key: _key, ...rest }) => rest))
  useEffect(() => {
    onState(isPending, dirty)
  }, [onState, isPending, dirty])
  const shown = showErrors ? errors : {}

  const set = <K extends keyof typeof fields>(key: K, value: (typeof fields)[K]) => {
    setFields((previous) => ({ ...previous, [key]: value }))
    if (error) mutation.reset()
  }
  const edit = (action: QuestionAction) => {
    dispatch(action)
    if (error) mutation.reset()
  }

  const changeType = (type: SurveyType) => {
    dispatch({ type: "replace", questions: questionsForType(questions, fields.type, type, t) })
    setFields((previous) => ({ ...previous, type }))
    if (error) mutation.reset()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    setShowErrors(true)
    if (!body) return
    if (survey && changes && !Object.keys(changes).length) {
      onDone(null)
      return
    }
    inFlight.current = true
    let saved: SurveyDTO
    try {
      saved = survey
        ? (await update.mutateAsync({ id: survey.id, body: changes ?? {} })).survey
        : (await create.mutateAsync(body)).survey
    } catch {
      // Shown in the form from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(survey ? t("surveyBuilder.saved", { name: saved.name }) : t("surveyBuilder.created", { name: saved.name }))
    onDone(saved)
  }

  const manual = fields.event === "manual"

  return (
    <>
      <FocusModal.Header>
        <div className="flex items-center justify-end gap-x-2">
          <FocusModal.Close asChild>
            <Button size="small" variant="secondary" type="button" disabled={isPending}>
              {t("ticket.cancel")}
            </Button>
          </FocusModal.Close>
          <Button size="small" type="submit" form={FORM_ID} isLoading={isPending}>
            {survey ? t("surveyBuilder.save") : t("surveyBuilder.createSubmit")}
          </Button>
        </div>
      </FocusModal.Header>
      <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-12">
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
          <div className="flex flex-col gap-y-1">
            <FocusModal.Title asChild>
              <Heading level="h1">{survey ? t("surveyBuilder.editTitle") : t("surveyBuilder.createTitle")}</Heading>
            </FocusModal.Title>
            <Text size="small" className="text-ui-fg-subtle">
              {t("surveyBuilder.description")}
            </Text>
          </div>

          <BuilderSection title={t("surveyBuilder.section.general")}>
            <FormField id="crm-survey-name" label={t("surveyBuilder.name")} hint={t("surveyBuilder.nameHint")} error={shown.name}>
              <Input
                id="crm-survey-name"
                autoComplete="off"
                autoFocus
                value={fields.name}
                disabled={isPending}
                maxLength={SURVEY_LIMITS.name + 50}
                aria-invalid={!!shown.name || undefined}
                aria-describedby="crm-survey-name-hint"
                onChange={(event) => set("name", event.target.value)}
              />
            </FormField>
            <FormField
              id="crm-survey-type"
              label={t("surveyBuilder.type")}
              hint={survey ? t("surveyBuilder.typeLocked") : t("surveyBuilder.typeHint")}
            >
              <Select
                value={fields.type}
                disabled={isPending || !!survey}
                onValueChange={(next) => isSurveyType(next) && changeType(next)}
              >
                <Select.Trigger id="crm-survey-type" aria-describedby="crm-survey-type-hint">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SURVEY_TYPE_OPTIONS.map((type) => (
                    <Select.Item key={type} value={type}>
                      {surveyTypeLabel(type, t)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <div className="md:col-span-2">
              <SwitchField
                id="crm-survey-active"
                label={t("surveyBuilder.active")}
                hint={t("surveyBuilder.activeHint")}
                checked={fields.active}
                disabled={isPending}
                onChange={(active) => set("active", active)}
              />
            </div>
          </BuilderSection>

          <BuilderSection title={t("surveyBuilder.section.sending")}>
            <FormField id="crm-survey-trigger" label={t("surveyBuilder.trigger")} hint={t("surveyBuilder.triggerHint")}>
              <Select
                value={fields.event}
                disabled={isPending}
                onValueChange={(next) => isSurveyTrigger(next) && set("event", next)}
              >
                <Select.Trigger id="crm-survey-trigger" aria-describedby="crm-survey-trigger-hint">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {SURVEY_TRIGGER_OPTIONS.map((event) => (
                    <Select.Item key={event} value={event}>
                      {surveyTriggerLabel(event, t)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            {manual ? (
              <Text size="small" className="text-ui-fg-subtle self-end">
                {t("surveyBuilder.manualHint")}
              </Text>
            ) : (
              <NumberField
                id="crm-survey-delay"
                label={t("surveyBuilder.delay")}
                hint={t(fields.event === "delivery" ? "surveyBuilder.delayHintDelivery" : "surveyBuilder.delayHintTicket")}
                value={fields.delay_hours}
                error={shown.delay_hours}
                min={0}
                max={SURVEY_LIMITS.delayHours}
                disabled={isPending}
                onChange={(value) => set("delay_hours", value)}
              />
            )}
            <NumberField
              id="crm-survey-expiry"
              label={t("surveyBuilder.expiry")}
              hint={t("surveyBuilder.expiryHint")}
              value={fields.expiry_days}
              error={shown.expiry_days}
              min={1}
              max={SURVEY_LIMITS.expiryDays}
              disabled={isPending}
              onChange={(value) => set("expiry_days", value)}
            />
          </BuilderSection>

          <BuilderSection title={t("surveyBuilder.section.followUps")}>
            <NumberField
              id="crm-survey-points"
              label={t("surveyBuilder.points")}
              hint={t("surveyBuilder.pointsHint")}
              value={fields.completion_points}
              error={shown.completion_points}
              min={0}
              max={SURVEY_LIMITS.completionPoints}
              disabled={isPending}
              onChange={(value) => set("completion_points", value)}
            />
            {reviewPromptApplies(fields) ? (
              <div className="md:col-span-2">
                <SwitchField
                  id="crm-survey-review-prompt"
                  label={t("surveyBuilder.reviewPrompt")}
                  hint={t(fields.type === "nps" ? "surveyBuilder.reviewPromptHintNps" : "surveyBuilder.reviewPromptHintCsat")}
                  checked={fields.review_prompt}
                  disabled={isPending}
                  onChange={(checked) => set("review_prompt", checked)}
                />
              </div>
            ) : null}
          </BuilderSection>

          <section className="flex flex-col gap-y-4" aria-labelledby="crm-survey-questions-title">
            <div className="flex flex-col gap-y-1">
              <Heading level="h2" id="crm-survey-questions-title">
                {t("surveyBuilder.section.questions")}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {fields.type === "custom" ? t("surveyBuilder.questionsHintCustom") : t("surveyBuilder.questionsHintScore")}
              </Text>
            </div>
            <SurveyQuestionEditor
              surveyType={fields.type}
              questions={questions}
              dispatch={edit}
              errors={showErrors ? questionErrors.byIndex : []}
              listError={showErrors ? questionErrors.list : null}
              disabled={isPending}
              i18n={i18n}
            />
          </section>

          {error ? (
            <FailureAlert title={survey ? t("surveyBuilder.saveFailed") : t("surveyBuilder.createFailed")} message={error.message} />
          ) : showErrors && !body ? (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {t("settings.fixErrors")}
            </Text>
          ) : null}
        </form>
      </FocusModal.Body>
    </>
  )
}

const BuilderSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const id = useId()
  return (
    <section className="flex flex-col gap-y-4" aria-labelledby={id}>
      <Heading level="h2" id={id}>
        {title}
      </Heading>
      <div className="grid grid-cols-1 gap-x-6 gap-y-6 md:grid-cols-2">{children}</div>
    </section>
  )
}

const NumberField = ({
  id,
  label,
  hint,
  value,
  error,
  min,
  max,
  disabled,
  onChange,
}: {
  id: string
  label: string
  hint: string
  value: string
  error?: string
  min: number
  max: number
  disabled: boolean
  onChange: (value: string) => void
}) => (
  <FormField id={id} label={label} hint={hint} error={error}>
    <Input
      id={id}
      type="number"
      inputMode="numeric"
      step="1"
      min={min}
      max={max}
      value={value}
      disabled={disabled}
      aria-invalid={!!error || undefined}
      aria-describedby={`${id}-hint`}
      onChange={(event) => onChange(event.target.value)}
    />
  </FormField>
)
