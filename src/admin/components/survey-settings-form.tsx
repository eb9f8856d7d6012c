import { Container, Input, Text, toast } from "@medusajs/ui"
import { useMemo, useRef, type FormEvent } from "react"
import type { SurveySettingsDTO, UpdateSurveySettings } from "../../types/surveys"
import { useSurveySettings, useUpdateSurveySettings, type AdminSurveySettingsResponse } from "../hooks/surveys"
import { changedFields } from "../lib/changed-fields"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { SURVEY_LIMITS, isHexColor, normalizeBaseUrl } from "../lib/surveys"
import { FormField } from "./form-field"
import { FormSection } from "./form-section"
import { LoadError } from "./load-error"
import { SettingsFormFooter } from "./settings-form-footer"
import { useSettingsFormState } from "./settings-form-state"
import { SettingsSkeleton } from "./settings-skeleton"

const STORE_NAME_MAX = 200
const COLORS = ["brand_color", "background_color", "text_color"] as const
type ColorKey = (typeof COLORS)[number]

type FormState = {
  frequency_cap_days: string
  store_name: string
  brand_color: string
  background_color: string
  text_color: string
  link_base_url: string
}
type Editable = Required<UpdateSurveySettings>
type Errors = Partial<Record<keyof FormState, string>>

const toForm = (settings: SurveySettingsDTO): FormState => ({
  frequency_cap_days: String(settings.frequency_cap_days),
  store_name: settings.store_name ?? "",
  brand_color: settings.brand_color,
  background_color: settings.background_color,
  text_color: settings.text_color,
  link_base_url: settings.link_base_url ?? "",
})

const current = (settings: SurveySettingsDTO): Editable => ({
  frequency_cap_days: settings.frequency_cap_days,
  store_name: settings.store_name ?? null,
  brand_color: settings.brand_color.toLowerCase(),
  background_color: settings.background_color.toLowerCase(),
  text_color: settings.text_color.toLowerCase(),
  link_base_url: settings.link_base_url ?? null,
})

/** Checks the inputs and turns them into settings values. */
export const validateSurveySettings = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const capText = form.frequency_cap_days.trim()
  const cap = Number(capText)
  if (!capText || !Number.isInteger(cap) || cap < 0 || cap > SURVEY_LIMITS.frequencyCapDays) {
    errors.frequency_cap_days = t("validation.wholeRange", { min: 0, max: SURVEY_LIMITS.frequencyCapDays })
  }
  const storeName = form.store_name.trim()
  if (storeName.length > STORE_NAME_MAX) {
    errors.store_name = t("surveySettings.validation.storeName", { max: STORE_NAME_MAX })
  }
  for (const key of COLORS) {
    if (!isHexColor(form[key])) errors[key] = t("surveySettings.validation.color")
  }
  const base = form.link_base_url.trim()
  const url = base ? normalizeBaseUrl(base) : null
  if (base && !url) {
    errors.link_base_url = t("surveySettings.validation.url")
  }
  const values: Editable = {
    frequency_cap_days: cap,
    store_name: storeName || null,
    brand_color: form.brand_color.trim().toLowerCase(),
    background_color: form.background_color.trim().toLowerCase(),
    text_color: form.text_color.trim().toLowerCase(),
    link_base_url: url,
  }
  return { errors, values }
}

/** The survey settings' form, on their own page below Surveys. */
export const SurveySettingsSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { settings, isPending, isError, error, refetch, isFetching } = useSurveySettings()

  return (
    <Container className="divide-y p-0">
      {isPending ? (
        <SettingsSkeleton />
      ) : isError || !settings ? (
        <LoadError
          title={t("surveySettings.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        // New values from the server (our save, or someone else's) start the form again from them.
        <SettingsForm key={JSON.stringify(settings)} settings={settings} i18n={i18n} />
      )}
    </Container>
  )
}

const SettingsForm = ({ settings, i18n }: { settings: AdminSurveySettingsResponse["settings"]; i18n: CrmTranslation }) => {
  const { t } = i18n
  const initial = useMemo(() => toForm(settings), [settings])
  const server = useMemo(() => current(settings), [settings])
  const inFlight = useRef(false)
  const mutation = useUpdateSurveySettings()
  const { mutateAsync, isPending, error } = mutation
  const { form, set, isDirty, showErrors, setShowErrors, discard } = useSettingsFormState(initial, mutation)

  const { errors, values } = useMemo(() => validateSurveySettings(form, t), [form, t])
  const hasErrors = Object.keys(errors).length > 0
  const changes = useMemo(() => changedFields(values, server, (_key, value, was) => value === was), [values, server])
  const shown: Errors = showErrors ? errors : {}

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    setShowErrors(true)
    if (hasErrors || !Object.keys(changes).length) return
    inFlight.current = true
    try {
      await mutateAsync(changes)
    } catch {
      // Shown below the form from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(t("surveySettings.saved"))
  }

  const previewColor = (key: ColorKey) => (isHexColor(form[key]) ? form[key].trim() : settings[key])

  return (
    <form noValidate onSubmit={onSubmit} className="divide-y">
      <FormSection title={t("surveySettings.section.sending")}>
        <FormField
          id="crm-survey-settings-cap"
          label={t("surveySettings.cap.label")}
          hint={t("surveySettings.cap.hint")}
          error={shown.frequency_cap_days}
        >
          <Input
            id="crm-survey-settings-cap"
            type="number"
            inputMode="numeric"
            step="1"
            min={0}
            max={SURVEY_LIMITS.frequencyCapDays}
            value={form.frequency_cap_days}
            disabled={isPending}
            aria-invalid={!!shown.frequency_cap_days || undefined}
            aria-describedby="crm-survey-settings-cap-hint"
            onChange={(event) => set("frequency_cap_days", event.target.value)}
          />
        </FormField>
        <FormField
          id="crm-survey-settings-link"
          label={t("surveySettings.link.label")}
          hint={t("surveySettings.link.hint")}
          error={shown.link_base_url}
        >
          <Input
            id="crm-survey-settings-link"
            type="url"
            autoComplete="off"
            value={form.link_base_url}
            placeholder={t("surveySettings.link.placeholder")}
            disabled={isPending}
            aria-invalid={!!shown.link_base_url || undefined}
            aria-describedby="crm-survey-settings-link-hint"
            onChange={(event) => set("link_base_url", event.target.value)}
          />
          <Text size="small" className="text-ui-fg-subtle break-all">
            {settings.effective_link_base_url
              ? t("surveySettings.link.now", { url: `${settings.effective_link_base_url}/…` })
              : t("surveySettings.link.none")}
          </Text>
        </FormField>
      </FormSection>

      <FormSection title={t("surveySettings.section.page")} hint={t("surveySettings.section.pageHint")}>
        <FormField
          id="crm-survey-settings-store-name"
          label={t("surveySettings.storeName.label")}
          hint={t("surveySettings.storeName.hint")}
          error={shown.store_name}
        >
          <Input
            id="crm-survey-settings-store-name"
            autoComplete="off"
            value={form.store_name}
            disabled={isPending}
            aria-invalid={!!shown.store_name || undefined}
            aria-describedby="crm-survey-settings-store-name-hint"
            onChange={(event) => set("store_name", event.target.value)}
          />
        </FormField>
        <div className="hidden md:block" />
        {COLORS.map((key) => (
          <ColorField
            key={key}
            id={`crm-survey-settings-${key}`}
            label={t(`surveySettings.${key}` as const)}
            value={form[key]}
            error={shown[key]}
            disabled={isPending}
            onChange={(value) => set(key, value)}
            pickLabel={t("surveySettings.pick", { name: t(`surveySettings.${key}` as const) })}
          />
        ))}
        <div className="md:col-span-2">
          <PagePreview
            storeName={form.store_name.trim() || t("surveySettings.preview.store")}
            brand={previewColor("brand_color")}
            background={previewColor("background_color")}
            text={previewColor("text_color")}
            i18n={i18n}
          />
        </div>
      </FormSection>

      <SettingsFormFooter
        saveFailedTitle={t("surveySettings.saveFailed")}
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

/** A `#rrggbb` colour typed in, or picked with the browser's colour picker (the swatch). */
const ColorField = ({
  id,
  label,
  value,
  error,
  disabled,
  onChange,
  pickLabel,
}: {
  id: string
  label: string
  value: string
  error?: string
  disabled: boolean
  onChange: (value: string) => void
  pickLabel: string
}) => {
  const valid = isHexColor(value)
  return (
    <FormField id={id} label={label} error={error}>
      <div className="flex items-center gap-x-2">
        <label
          className="shadow-borders-base relative h-8 w-8 shrink-0 cursor-pointer overflow-hidden rounded-md"
          style={{ background: valid ? value.trim() : "transparent" }}
          title={pickLabel}
        >
          <input
            type="color"
            className="absolute inset-0 h-full w-full cursor-pointer opacity-0"
            value={valid ? value.trim().toLowerCase() : "#000000"}
            disabled={disabled}
            aria-label={pickLabel}
            onChange={(event) => onChange(event.target.value)}
          />
        </label>
        <Input
          id={id}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          value={value}
          placeholder="#000000"
          maxLength={7}
          disabled={disabled}
          aria-invalid={!!error || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </FormField>
  )
}

/** The hosted survey page in miniature, in the chosen colours. */
const PagePreview = ({
  storeName,
  brand,
  background,
  text,
  i18n: { t },
}: {
  storeName: string
  brand: string
  background: string
  text: string
  i18n: CrmTranslation
}) => (
  <figure className="flex flex-col gap-y-2">
    <figcaption>
      <Text size="small" weight="plus" leading="compact">
        {t("surveySettings.preview.title")}
      </Text>
    </figcaption>
    <div className="rounded-lg border p-6" style={{ background, color: text }}>
      <div className="mx-auto flex max-w-md flex-col gap-y-4">
        <p className="text-base font-semibold">{storeName}</p>
        <p className="text-sm">{t("surveys.default.npsScore")}</p>
        <div className="flex flex-wrap gap-1" aria-hidden>
          {Array.from({ length: 11 }, (_, score) => (
            <span
              key={score}
              className="flex h-7 w-7 items-center justify-center rounded-md text-xs"
              style={score === 9 ? { background: brand, color: background } : { border: `1px solid ${text}33` }}
            >
              {score}
            </span>
          ))}
        </div>
        <span className="self-start rounded-md px-4 py-2 text-sm font-medium" style={{ background: brand, color: background }}>
          {t("surveySettings.preview.submit")}
        </span>
      </div>
    </div>
  </figure>
)
