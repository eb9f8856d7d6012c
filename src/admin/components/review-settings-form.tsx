import { Container, Input, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useRef, type FormEvent } from "react"
import type {
  AutoApprovePolicy,
  ReviewSettingsDTO,
  RuleAction,
  UpdateReviewSettings,
} from "../../types"
import { useReviewSettings, useUpdateReviewSettings } from "../hooks/reviews"
import { changedFields } from "../lib/changed-fields"
import { useCrmTranslation, type CrmMessageKey, type CrmTranslation } from "../lib/i18n"
import {
  AUTO_APPROVE_OPTIONS,
  RULE_ACTION_OPTIONS,
  autoApproveLabel,
  parseBlockedWords,
  ruleActionLabel,
  ruleLabel,
} from "../lib/reviews"
import { FormField } from "./form-field"
import { FormSection } from "./form-section"
import { LoadError } from "./load-error"
import { SelectField } from "./select-field"
import { SettingsFormFooter } from "./settings-form-footer"
import { useSettingsFormState } from "./settings-form-state"
import { SettingsSkeleton } from "./settings-skeleton"
import { SwitchField } from "./switch-field"

/** The rules with a configurable action, in the order the form shows them. */
const RULE_FIELDS = [
  "blocked_words",
  "links",
  "all_caps",
  "too_short",
  "repeated_characters",
  "duplicate_text",
] as const
type RuleField = (typeof RULE_FIELDS)[number]
type ActionKey = `${RuleField}_action`

/** Whole-number settings and their bounds (the server's validator has the last word). */
const NUMBER_BOUNDS = {
  min_content_length: { min: 0, max: 1000 },
  repeated_characters_run: { min: 2, max: 50 },
  rate_limit_count: { min: 0, max: 1000 },
  rate_limit_window_minutes: { min: 1, max: 43_200 },
} as const
type NumberField = keyof typeof NUMBER_BOUNDS

/** "never", or a rating from 1 to 5, for the complaint threshold's select. */
const COMPLAINT_OPTIONS = ["never", "1", "2", "3", "4", "5"] as const
type ComplaintOption = (typeof COMPLAINT_OPTIONS)[number]

/** What the inputs hold: numbers as typed, blocked words as one text. */
type FormState = {
  require_verified_purchase: boolean
  auto_approve: AutoApprovePolicy
  auto_approve_rating_only: boolean
  blocked_words: string
  complaint_max_rating: ComplaintOption
  reply_email: boolean
} & Record<ActionKey, RuleAction> &
  Record<NumberField, string>

type Editable = Required<UpdateReviewSettings>
type Errors = Partial<Record<NumberField, string>>

const actionKey = (rule: RuleField): ActionKey => `${rule}_action`

const toForm = (settings: ReviewSettingsDTO): FormState => ({
  require_verified_purchase: settings.require_verified_purchase,
  auto_approve: settings.auto_approve,
  auto_approve_rating_only: settings.auto_approve_rating_only,
  blocked_words: (settings.blocked_words ?? []).join("\n"),
  complaint_max_rating:
    settings.complaint_max_rating == null
      ? "never"
      : (String(settings.complaint_max_rating) as ComplaintOption),
  reply_email: settings.reply_email,
  ...(Object.fromEntries(RULE_FIELDS.map((rule) => [actionKey(rule), settings[actionKey(rule)]])) as Record<
    ActionKey,
    RuleAction
  >),
  ...(Object.fromEntries(
    (Object.keys(NUMBER_BOUNDS) as NumberField[]).map((field) => [field, String(settings[field])])
  ) as Record<NumberField, string>),
})

/** Checks the numbers and turns the form into settings values. */
const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const values: Partial<Editable> = {
    require_verified_purchase: form.require_verified_purchase,
    auto_approve: form.auto_approve,
    auto_approve_rating_only: form.auto_approve_rating_only,
    blocked_words: parseBlockedWords(form.blocked_words),
    complaint_max_rating: form.complaint_max_rating === "never" ? null : Number(form.complaint_max_rating),
    reply_email: form.reply_email,
  }
  for (const rule of RULE_FIELDS) {
    values[actionKey(rule)] = form[actionKey(rule)]
  }
  for (const field of Object.keys(NUMBER_BOUNDS) as NumberField[]) {
    const { min, max } = NUMBER_BOUNDS[field]
    const text = form[field].trim()
    const value = text ? Number(text) : NaN
    if (!Number.isInteger(value) || value < min || value > max) {
      errors[field] = text && Number.isFinite(value)
        ? t("validation.wholeRange", { min, max })
        : t("validation.number")
      continue
    }
    values[field] = value
  }
  return { errors, values }
}

const sameWords = (a: string[], b: string[]) =>
  a.length === b.length && a.every((word, index) => word === b[index])

/** Whether a field's value is what the server has. */
const sameValue = (key: keyof Editable, value: unknown, current: unknown) =>
  key === "blocked_words" ? sameWords(value as string[], (current ?? []) as string[]) : value === current

/** The review moderation settings' form, on their own page below Reviews. */
export const ReviewSettingsSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { settings, isPending, isError, error, refetch, isFetching } = useReviewSettings()

  return (
    // The page's heading names and describes it: no second one here.
    <Container className="divide-y p-0">
      {isPending ? (
        <SettingsSkeleton />
      ) : isError || !settings ? (
        <LoadError
          title={t("reviewSettings.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        // New values from the server (our save, or someone else's) start
        // the form again from them.
        <SettingsForm key={JSON.stringify(settings)} settings={settings} i18n={i18n} />
      )}
    </Container>
  )
}

const SettingsForm = ({ settings, i18n }: { settings: ReviewSettingsDTO; i18n: CrmTranslation }) => {
  const { t, formatNumber } = i18n
  const initial = useMemo(() => toForm(settings), [settings])
  // A double click saves twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const mutation = useUpdateReviewSettings()
  const { mutateAsync, isPending, error } = mutation
  const { form, set, isDirty, showErrors, setShowErrors, discard } = useSettingsFormState(initial, mutation)

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const hasErrors = Object.keys(errors).length > 0
  const changes = useMemo(() => changedFields(values, settings, sameValue), [values, settings])
  const shown: Errors = showErrors ? errors : {}
  const wordCount = values.blocked_words?.length ?? 0

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (hasErrors || !Object.keys(changes).length) {
      return
    }
    inFlight.current = true
    try {
      await mutateAsync(changes)
    } catch {
      // Shown below the form from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(t("reviewSettings.saved"))
  }

  const numberInput = (field: NumberField) => (
    <Input
      id={`crm-review-settings-${field}`}
      type="number"
      inputMode="numeric"
      step="1"
      min={NUMBER_BOUNDS[field].min}
      max={NUMBER_BOUNDS[field].max}
      disabled={isPending}
      value={form[field]}
      aria-invalid={!!shown[field] || undefined}
      aria-describedby={`crm-review-settings-${field}-hint`}
      onChange={(event) => set(field, event.target.value)}
    />
  )

  const ruleSelect = (rule: RuleField) => (
    <SelectField
      id={`crm-review-settings-${rule}_action`}
      label={ruleLabel(rule, t)}
      hint={t(`reviewSettings.rule.${rule}.hint` as CrmMessageKey)}
      value={form[actionKey(rule)]}
      options={RULE_ACTION_OPTIONS}
      optionLabel={(action) => ruleActionLabel(action, t)}
      disabled={isPending}
      onChange={(value) => set(actionKey(rule), value)}
    />
  )

  return (
    <form noValidate onSubmit={onSubmit} className="divide-y">
      <FormSection title={t("reviewSettings.section.publishing")}>
        <div className="md:col-span-2">
          <SwitchField
            id="crm-review-settings-require_verified_purchase"
            label={t("reviewSettings.requireVerified.label")}
            hint={t("reviewSettings.requireVerified.hint")}
            checked={form.require_verified_purchase}
            disabled={isPending}
            onChange={(checked) => set("require_verified_purchase", checked)}
          />
        </div>
        <SelectField
          id="crm-review-settings-auto_approve"
          label={t("reviewSettings.autoApprove.label")}
          hint={t("reviewSettings.autoApprove.hint")}
          value={form.auto_approve}
          options={AUTO_APPROVE_OPTIONS}
          optionLabel={(policy) => autoApproveLabel(policy, t)}
          disabled={isPending}
          onChange={(value) => set("auto_approve", value)}
        />
        <SwitchField
          id="crm-review-settings-auto_approve_rating_only"
          label={t("reviewSettings.ratingOnly.label")}
          hint={t("reviewSettings.ratingOnly.hint")}
          checked={form.auto_approve_rating_only}
          disabled={isPending}
          onChange={(checked) => set("auto_approve_rating_only", checked)}
        />
      </FormSection>

      <FormSection title={t("reviewSettings.section.checks")} hint={t("reviewSettings.section.checksHint")}>
        {ruleSelect("blocked_words")}
        <FormField
          id="crm-review-settings-blocked_words"
          label={t("reviewSettings.blockedWords.label")}
          hint={t("reviewSettings.blockedWords.hint")}
        >
          <Textarea
            id="crm-review-settings-blocked_words"
            rows={5}
            value={form.blocked_words}
            disabled={isPending}
            spellCheck={false}
            aria-describedby="crm-review-settings-blocked_words-hint crm-review-settings-blocked_words-count"
            onChange={(event) => set("blocked_words", event.target.value)}
          />
          <Text
            id="crm-review-settings-blocked_words-count"
            size="xsmall"
            leading="compact"
            className="text-ui-fg-muted tabular-nums"
          >
            {wordCount === 1
              ? t("reviewSettings.blockedWords.count.one")
              : t("reviewSettings.blockedWords.count.other", { count: formatNumber(wordCount) })}
          </Text>
        </FormField>
        {ruleSelect("links")}
        {ruleSelect("all_caps")}
        {ruleSelect("too_short")}
        <FormField
          id="crm-review-settings-min_content_length"
          label={t("reviewSettings.minContentLength.label")}
          hint={t("reviewSettings.minContentLength.hint")}
          error={shown.min_content_length}
        >
          {numberInput("min_content_length")}
        </FormField>
        {ruleSelect("repeated_characters")}
        <FormField
          id="crm-review-settings-repeated_characters_run"
          label={t("reviewSettings.repeatedRun.label")}
          hint={t("reviewSettings.repeatedRun.hint")}
          error={shown.repeated_characters_run}
        >
          {numberInput("repeated_characters_run")}
        </FormField>
        {ruleSelect("duplicate_text")}
      </FormSection>

      <FormSection title={t("reviewSettings.section.limits")}>
        <FormField
          id="crm-review-settings-rate_limit_count"
          label={t("reviewSettings.rateLimitCount.label")}
          hint={t("reviewSettings.rateLimitCount.hint")}
          error={shown.rate_limit_count}
        >
          {numberInput("rate_limit_count")}
        </FormField>
        <FormField
          id="crm-review-settings-rate_limit_window_minutes"
          label={t("reviewSettings.rateLimitWindow.label")}
          hint={t("reviewSettings.rateLimitWindow.hint")}
          error={shown.rate_limit_window_minutes}
        >
          {numberInput("rate_limit_window_minutes")}
        </FormField>
        <SelectField
          id="crm-review-settings-complaint_max_rating"
          label={t("reviewSettings.complaint.label")}
          hint={t("reviewSettings.complaint.hint")}
          value={form.complaint_max_rating}
          options={COMPLAINT_OPTIONS}
          optionLabel={(option) =>
            option === "never"
              ? t("reviewSettings.complaint.placeholder")
              : option === "1"
                ? t("reviews.rating.one")
                : t("reviews.rating.other", { rating: option })
          }
          disabled={isPending}
          onChange={(value) => set("complaint_max_rating", value)}
        />
        <SwitchField
          id="crm-review-settings-reply_email"
          label={t("reviewSettings.replyEmail.label")}
          hint={t("reviewSettings.replyEmail.hint")}
          checked={form.reply_email}
          disabled={isPending}
          onChange={(checked) => set("reply_email", checked)}
        />
      </FormSection>

      <SettingsFormFooter
        saveFailedTitle={t("reviewSettings.saveFailed")}
        error={error}
        isPending={isPending}
        isDirty={isDirty}
        showErrors={showErrors}
        hasErrors={hasErrors}
        hasChanges={Object.keys(changes).length > 0}
        onDiscard={discard}
        i18n={i18n}
      />
    </form>
  )
}
