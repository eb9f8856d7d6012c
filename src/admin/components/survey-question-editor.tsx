import { ArrowDownMini, ArrowUpMini, Plus, Trash, XMarkMini } from "@medusajs/icons"
import { Button, DropdownMenu, Hint, IconButton, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import type { Dispatch } from "react"
import type { SurveyType } from "../../types/surveys"
import type { CrmTranslation } from "../lib/i18n"
import {
  EDITABLE_QUESTION_TYPES,
  SCORE_RANGE,
  SURVEY_LIMITS,
  WHY_ID,
  isEditableQuestionType,
  questionTypeLabel,
  type QuestionAction,
  type QuestionDraft,
  type QuestionErrors,
} from "../lib/surveys"
import { FormField } from "./form-field"

/**
 * The builder's questions: each with its label, type, whether it must be
 * answered, and its options (choice questions) or scale (rating); moved up
 * and down, removed, added. An NPS or CSAT survey's score question stays
 * first, with only its label editable.
 */
export const SurveyQuestionEditor = ({
  surveyType,
  questions,
  dispatch,
  errors,
  listError,
  disabled,
  i18n,
}: {
  surveyType: SurveyType
  questions: QuestionDraft[]
  dispatch: Dispatch<QuestionAction>
  errors: QuestionErrors[]
  listError: string | null
  disabled: boolean
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const full = questions.length >= SURVEY_LIMITS.questions
  // Any free-text question already asks the customer in their own words.
  const hasWhy = questions.some((question) => question.type === "text")

  return (
    <div className="flex flex-col gap-y-3">
      <ol className="flex flex-col gap-y-3">
        {questions.map((question, index) => (
          <li key={question.key}>
            {question.type === "nps" || question.type === "csat" ? (
              <ScoreQuestionCard
                question={question}
                index={index}
                error={errors[index]?.label}
                disabled={disabled}
                dispatch={dispatch}
                i18n={i18n}
              />
            ) : (
              <QuestionCard
                question={question}
                index={index}
                count={questions.length}
                firstMovable={surveyType === "custom" ? 0 : 1}
                errors={errors[index] ?? {}}
                disabled={disabled}
                dispatch={dispatch}
                i18n={i18n}
              />
            )}
          </li>
        ))}
      </ol>
      {listError ? <Hint variant="error">{listError}</Hint> : null}
      <div className="flex flex-wrap items-center gap-2">
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <Button type="button" size="small" variant="secondary" disabled={disabled || full}>
              <Plus />
              {t("surveyBuilder.addQuestion")}
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="start">
            {EDITABLE_QUESTION_TYPES.map((type) => (
              <DropdownMenu.Item key={type} onClick={() => dispatch({ type: "add", questionType: type })}>
                {questionTypeLabel(type, t)}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu>
        {surveyType !== "custom" && !hasWhy ? (
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled || full}
            onClick={() =>
              dispatch({
                type: "add",
                questionType: "text",
                id: WHY_ID,
                label: t(surveyType === "nps" ? "surveys.default.npsWhy" : "surveys.default.csatWhy"),
              })
            }
          >
            <Plus />
            {t("surveyBuilder.addWhy")}
          </Button>
        ) : null}
        {full ? (
          <Text size="small" className="text-ui-fg-muted">
            {t("surveyBuilder.validation.tooMany", { max: SURVEY_LIMITS.questions })}
          </Text>
        ) : null}
      </div>
    </div>
  )
}

const cardClass = "bg-ui-bg-component flex flex-col gap-y-4 rounded-lg border px-4 py-4"

/** The NPS (0-10) or CSAT (1-5) question: its label, and the scale as customers see it. */
const ScoreQuestionCard = ({
  question,
  index,
  error,
  disabled,
  dispatch,
  i18n: { t },
}: {
  question: QuestionDraft
  index: number
  error?: string
  disabled: boolean
  dispatch: Dispatch<QuestionAction>
  i18n: CrmTranslation
}) => {
  const range = SCORE_RANGE[question.type as "nps" | "csat"]
  const id = `crm-survey-question-${question.key}`
  return (
    <div className={cardClass}>
      <div className="flex flex-col gap-y-0.5">
        <Text size="small" weight="plus" leading="compact">
          {t("surveyBuilder.scoreQuestion", { type: questionTypeLabel(question.type, t) })}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {t("surveyBuilder.scoreQuestionHint")}
        </Text>
      </div>
      <FormField id={id} label={t("surveyBuilder.questionLabel", { n: index + 1 })} error={error}>
        <Input
          id={id}
          value={question.label}
          disabled={disabled}
          aria-invalid={!!error || undefined}
          onChange={(event) => dispatch({ type: "update", index, changes: { label: event.target.value } })}
        />
      </FormField>
      <ScalePreview min={range.min} max={range.max} label={t("surveyBuilder.scale")} />
    </div>
  )
}

/** The numbers a customer picks from, as a preview. */
const ScalePreview = ({ min, max, label }: { min: number; max: number; label: string }) => (
  <div className="flex flex-wrap items-center gap-1" aria-label={`${label}: ${min}\u2013${max}`} role="img">
    {Array.from({ length: max - min + 1 }, (_, offset) => (
      <span
        key={offset}
        className="txt-compact-xsmall-plus text-ui-fg-subtle bg-ui-bg-base flex h-6 w-6 items-center justify-center rounded-md border tabular-nums"
      >
        {min + offset}
      </span>
    ))}
  </div>
)

const QuestionCard = ({
  question,
  index,
  count,
  firstMovable,
  errors,
  disabled,
  dispatch,
  i18n: { t },
}: {
  question: QuestionDraft
  index: number
  count: number
  firstMovable: number
  errors: QuestionErrors
  disabled: boolean
  dispatch: Dispatch<QuestionAction>
  i18n: CrmTranslation
}) => {
  const id = `crm-survey-question-${question.key}`
  const choice = question.type === "single_choice" || question.type === "multiple_choice"
  const n = index + 1

  return (
    <div className={cardClass} role="group" aria-label={t("surveyBuilder.questionLabel", { n })}>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus" leading="compact">
          {t("surveyBuilder.questionTitle", { n, type: questionTypeLabel(question.type, t) })}
        </Text>
        <div className="flex items-center gap-x-1">
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled || index <= firstMovable}
            aria-label={t("surveyBuilder.moveUp", { n })}
            onClick={() => dispatch({ type: "move", index, by: -1 })}
          >
            <ArrowUpMini />
          </IconButton>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled || index >= count - 1}
            aria-label={t("surveyBuilder.moveDown", { n })}
            onClick={() => dispatch({ type: "move", index, by: 1 })}
          >
            <ArrowDownMini />
          </IconButton>
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled}
            aria-label={t("surveyBuilder.removeQuestion", { n })}
            onClick={() => dispatch({ type: "remove", index })}
          >
            <Trash />
          </IconButton>
        </div>
      </div>
      <FormField id={`${id}-label`} label={t("surveyBuilder.questionText")} error={errors.label}>
        <Input
          id={`${id}-label`}
          value={question.label}
          disabled={disabled}
          placeholder={t("surveyBuilder.questionPlaceholder")}
          aria-invalid={!!errors.label || undefined}
          onChange={(event) => dispatch({ type: "update", index, changes: { label: event.target.value } })}
        />
      </FormField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField id={`${id}-type`} label={t("surveyBuilder.questionType")}>
          <Select
            value={question.type}
            disabled={disabled}
            onValueChange={(next) => isEditableQuestionType(next) && dispatch({ type: "setType", index, questionType: next })}
          >
            <Select.Trigger id={`${id}-type`}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {EDITABLE_QUESTION_TYPES.map((type) => (
                <Select.Item key={type} value={type}>
                  {questionTypeLabel(type, t)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
        <div className="flex items-center gap-x-2 sm:pt-7">
          <Switch
            id={`${id}-required`}
            checked={question.required}
            disabled={disabled}
            onCheckedChange={(required) => dispatch({ type: "update", index, changes: { required } })}
          />
          <Label htmlFor={`${id}-required`} size="small">
            {t("surveyBuilder.required")}
          </Label>
        </div>
      </div>
      {question.type === "rating" ? (
        <FormField
          id={`${id}-max`}
          label={t("surveyBuilder.ratingMax")}
          hint={t("surveyBuilder.ratingMaxHint", { min: SURVEY_LIMITS.minRatingMax, max: SURVEY_LIMITS.maxRatingMax })}
          error={errors.max}
        >
          <Input
            id={`${id}-max`}
            type="number"
            inputMode="numeric"
            min={SURVEY_LIMITS.minRatingMax}
            max={SURVEY_LIMITS.maxRatingMax}
            step="1"
            className="w-28"
            value={question.max}
            disabled={disabled}
            aria-invalid={!!errors.max || undefined}
            aria-describedby={`${id}-max-hint`}
            onChange={(event) => dispatch({ type: "update", index, changes: { max: event.target.value } })}
          />
        </FormField>
      ) : null}
      {choice ? (
        <OptionsEditor question={question} index={index} error={errors.options} disabled={disabled} dispatch={dispatch} t={t} />
      ) : null}
    </div>
  )
}

const OptionsEditor = ({
  question,
  index,
  error,
  disabled,
  dispatch,
  t,
}: {
  question: QuestionDraft
  index: number
  error?: string
  disabled: boolean
  dispatch: Dispatch<QuestionAction>
  t: CrmTranslation["t"]
}) => {
  const id = `crm-survey-question-${question.key}-options`
  return (
    <FormField
      id={id}
      label={t("surveyBuilder.options")}
      hint={t("surveyBuilder.optionsHint", { min: SURVEY_LIMITS.minOptions, max: SURVEY_LIMITS.maxOptions })}
      error={error}
      labelOnly
    >
      <ol className="flex flex-col gap-y-2" aria-labelledby={`${id}-label`}>
        {question.options.map((option, at) => (
          <li key={at} className="flex items-center gap-x-1">
            <Input
              size="small"
              value={option}
              disabled={disabled}
              aria-label={t("surveyBuilder.option", { n: at + 1 })}
              aria-invalid={(!!error && !option.trim()) || undefined}
              onChange={(event) => dispatch({ type: "setOption", index, option: at, value: event.target.value })}
            />
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              disabled={disabled || at === 0}
              aria-label={t("surveyBuilder.optionUp", { n: at + 1 })}
              onClick={() => dispatch({ type: "moveOption", index, option: at, by: -1 })}
            >
              <ArrowUpMini />
            </IconButton>
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              disabled={disabled || at === question.options.length - 1}
              aria-label={t("surveyBuilder.optionDown", { n: at + 1 })}
              onClick={() => dispatch({ type: "moveOption", index, option: at, by: 1 })}
            >
              <ArrowDownMini />
            </IconButton>
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              disabled={disabled}
              aria-label={t("surveyBuilder.removeOption", { n: at + 1 })}
              onClick={() => dispatch({ type: "removeOption", index, option: at })}
            >
              <XMarkMini />
            </IconButton>
          </li>
        ))}
      </ol>
      <div>
        <Button
          type="button"
          size="small"
          variant="transparent"
          disabled={disabled || question.options.length >= SURVEY_LIMITS.maxOptions}
          onClick={() => dispatch({ type: "addOption", index })}
        >
          <Plus />
          {t("surveyBuilder.addOption")}
        </Button>
      </div>
    </FormField>
  )
}
