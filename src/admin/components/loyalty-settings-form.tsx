import { Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useMemo, type FormEvent } from "react"
import type {
  LoyaltySettingsDTO,
  TierMeasure,
  TierPeriod,
  UpdateLoyaltySettings,
} from "../../types"
import { useLoyaltySettings, useUpdateLoyaltySettings } from "../hooks/loyalty"
import { useStoreCurrencies } from "../hooks/store-currencies"
import { FormField } from "./form-field"
import { FormSection } from "./form-section"
import { SelectField } from "./select-field"
import { SettingsFormFooter } from "./settings-form-footer"
import { useSettingsFormState } from "./settings-form-state"
import { SettingsSkeleton } from "./settings-skeleton"
import { SwitchField } from "./switch-field"
import { LoadError } from "./load-error"
import { changedFields } from "../lib/changed-fields"
import { useCrmTranslation, type CrmMessageKey, type CrmTranslation } from "../lib/i18n"
import {
  defaultCurrencyCode,
  TIER_MEASURE_OPTIONS,
  TIER_PERIOD_OPTIONS,
  tierMeasureLabel,
  tierPeriodLabel,
} from "../lib/tiers"
import {
  CurrencyOverridesField,
  rowsFromRates,
  type OverrideRow,
} from "./currency-overrides-field"

type Activation = LoyaltySettingsDTO["activation"]
type Overdraft = LoyaltySettingsDTO["reversal_overdraft"]

const ACTIVATIONS: Activation[] = ["delivery_or_days", "delivery", "days"]
const OVERDRAFTS: Overdraft[] = ["clamp", "arrears"]

/** The bonus sizes, in the order the form shows them; 0 switches one off. */
const BONUS_FIELDS = [
  "signup_bonus_points",
  "birthday_bonus_points",
  "referrer_bonus_points",
  "referee_bonus_points",
  "review_bonus_points",
  "survey_bonus_points",
] as const
type BonusField = (typeof BONUS_FIELDS)[number]

/** The same bound as the settings route's validator. */
const MAX_BONUS_POINTS = 1_000_000

/** The same bounds as the settings route's validator. */
const TIER_WINDOW_MONTHS_MAX = 60
const TIER_GRACE_DAYS_MAX = 365

/** Per-currency fields, edited as currency/value rows. */
const RATE_FIELDS = ["earn_rates", "point_values", "exchange_rates"] as const
type RateField = (typeof RATE_FIELDS)[number]

/** Used for the months field when expiry is switched back on from "never". */
const DEFAULT_EXPIRY_MONTHS = 12

/** What the inputs hold: text as typed, parsed on save. */
type FormState = {
  earn_rate: string
  earn_rates: OverrideRow[]
  include_shipping: boolean
  include_tax: boolean
  activation: Activation
  pending_days: string
  point_value: string
  point_values: OverrideRow[]
  max_redeem_percent: string
  min_redeem_points: string
  hold_minutes: string
  never_expire: boolean
  expiry_months: string
  expiry_reminder_days: string
  reversal_overdraft: Overdraft
  tier_measure: TierMeasure
  tier_period: TierPeriod
  tier_window_months: string
  tier_grace_days: string
  tier_upgrade_email: boolean
  exchange_rates: OverrideRow[]
} & Record<BonusField, string>

type Editable = Required<UpdateLoyaltySettings>
type Errors = Record<string, string | undefined>

/** Shares as percentages without float noise (0.3333 -> "33.33"). */
const toPercent = (ratio: number) => String(Math.round(ratio * 10000) / 100)

const toForm = (settings: LoyaltySettingsDTO): FormState => ({
  earn_rate: String(settings.earn_rate),
  earn_rates: rowsFromRates(settings.earn_rates),
  include_shipping: settings.include_shipping,
  include_tax: settings.include_tax,
  activation: settings.activation,
  pending_days: String(settings.pending_days),
  point_value: String(settings.point_value),
  point_values: rowsFromRates(settings.point_values),
  max_redeem_percent: toPercent(settings.max_redeem_ratio),
  min_redeem_points: String(settings.min_redeem_points),
  hold_minutes: String(settings.hold_minutes),
  never_expire: settings.expiry_months == null,
  expiry_months: String(settings.expiry_months ?? DEFAULT_EXPIRY_MONTHS),
  expiry_reminder_days: String(settings.expiry_reminder_days),
  reversal_overdraft: settings.reversal_overdraft,
  tier_measure: settings.tier_measure,
  tier_period: settings.tier_period,
  tier_window_months: String(settings.tier_window_months),
  tier_grace_days: String(settings.tier_grace_days),
  tier_upgrade_email: settings.tier_upgrade_email,
  exchange_rates: rowsFromRates(settings.exchange_rates),
  ...(Object.fromEntries(
    // `?? 0`: a backend from before the bonuses answers without them.
    BONUS_FIELDS.map((field) => [field, String(settings[field] ?? 0)])
  ) as Record<BonusField, string>),
})

const parseNumber = (text: string): number | null => {
  const trimmed = text.trim()
  if (!trimmed) {
    return null
  }
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : null
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9

const sameRates = (a: Record<string, number>, b: Record<string, number>) => {
  const keysA = Object.keys(a)
  return (
    keysA.length === Object.keys(b).length &&
    keysA.every((key) => key in b && sameNumber(a[key], b[key]))
  )
}

/**
 * Checks the form the way the server's validator does and turns it into
 * settings values. Messages are per field; rows are keyed "<field>.<row>".
 */
const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const values: Partial<Editable> = {}

  const number = (
    field: keyof FormState,
    check: (n: number) => boolean,
    message: string
  ) => {
    const value = parseNumber(form[field] as string)
    if (value === null) {
      errors[field] = t("validation.number")
      return null
    }
    if (!check(value)) {
      errors[field] = message
      return null
    }
    return value
  }
  const wholeInRange = (field: keyof FormState, min: number, max: number) =>
    number(
      field,
      (n) => Number.isInteger(n) && n >= min && n <= max,
      t("validation.wholeRange", { min, max })
    )

  const rates = (field: RateField) => {
    const out: Record<string, number> = {}
    let ok = true
    for (const row of form[field]) {
      if (!row.currency && !row.value.trim()) {
        continue // an untouched new row
      }
      const rowKey = `${field}.${row.key}`
      if (!/^[a-z]{3}$/.test(row.currency)) {
        errors[`${rowKey}.currency`] = t("validation.currency")
        ok = false
        continue
      }
      if (row.currency in out) {
        errors[`${rowKey}.currency`] = t("validation.duplicateCurrency", {
          currency: row.currency.toUpperCase(),
        })
        ok = false
        continue
      }
      const value = parseNumber(row.value)
      if (value === null || value <= 0) {
        errors[`${rowKey}.value`] =
          value === null ? t("validation.number") : t("validation.greaterThan", { min: 0 })
        ok = false
        continue
      }
      out[row.currency] = value
    }
    return ok ? out : null
  }

  const earnRate = number("earn_rate", (n) => n >= 0, t("validation.atLeast", { min: 0 }))
  if (earnRate !== null) values.earn_rate = earnRate
  const earnRates = rates("earn_rates")
  if (earnRates) values.earn_rates = earnRates
  values.include_shipping = form.include_shipping
  values.include_tax = form.include_tax
  values.activation = form.activation
  const pendingDays = wholeInRange("pending_days", 0, 365)
  if (pendingDays !== null) values.pending_days = pendingDays

  const pointValue = number("point_value", (n) => n > 0, t("validation.greaterThan", { min: 0 }))
  if (pointValue !== null) values.point_value = pointValue
  const pointValues = rates("point_values")
  if (pointValues) values.point_values = pointValues
  const percent = number("max_redeem_percent", (n) => n > 0 && n <= 100, t("validation.percent"))
  if (percent !== null) values.max_redeem_ratio = percent / 100
  const minRedeem = wholeInRange("min_redeem_points", 1, 1_000_000_000)
  if (minRedeem !== null) values.min_redeem_points = minRedeem
  const hold = wholeInRange("hold_minutes", 1, 60 * 24 * 30)
  if (hold !== null) values.hold_minutes = hold

  if (form.never_expire) {
    values.expiry_months = null
  } else {
    const months = wholeInRange("expiry_months", 1, 120)
    if (months !== null) values.expiry_months = months
  }
  const reminder = wholeInRange("expiry_reminder_days", 0, 90)
  if (reminder !== null) values.expiry_reminder_days = reminder
  values.reversal_overdraft = form.reversal_overdraft

  for (const field of BONUS_FIELDS) {
    const points = wholeInRange(field, 0, MAX_BONUS_POINTS)
    if (points !== null) values[field] = points
  }

  values.tier_measure = form.tier_measure
  values.tier_period = form.tier_period
  // The window only counts for a rolling period: left as it was otherwise.
  if (form.tier_period === "rolling") {
    const months = wholeInRange("tier_window_months", 1, TIER_WINDOW_MONTHS_MAX)
    if (months !== null) values.tier_window_months = months
  }
  const grace = wholeInRange("tier_grace_days", 0, TIER_GRACE_DAYS_MAX)
  if (grace !== null) values.tier_grace_days = grace
  values.tier_upgrade_email = form.tier_upgrade_email
  const exchangeRates = rates("exchange_rates")
  if (exchangeRates) values.exchange_rates = exchangeRates

  return { errors, values }
}

/** Whether a field's value is what the server has. */
const sameValue = (key: keyof Editable, value: unknown, current: unknown) =>
  (RATE_FIELDS as readonly string[]).includes(key)
    ? sameRates(value as Record<string, number>, (current ?? {}) as Record<string, number>)
    : typeof value === "number" && typeof current === "number"
      ? sameNumber(value, current)
      : value === current

/** The Settings section of the Loyalty page. */
export const LoyaltySettingsSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { settings, isPending, isError, error, refetch, isFetching } = useLoyaltySettings()

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("settings.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("settings.description")}
        </Text>
      </div>
      {isPending ? (
        <SettingsSkeleton />
      ) : isError || !settings ? (
        <LoadError
          title={t("settings.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        // A new `updated_at` (our save, or someone else's) starts from the
        // server's values again.
        <SettingsForm key={String(settings.updated_at)} settings={settings} i18n={i18n} />
      )}
    </Container>
  )
}

const SettingsForm = ({
  settings,
  i18n,
}: {
  settings: LoyaltySettingsDTO
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const initial = useMemo(() => toForm(settings), [settings])
  const { data: currencies = [] } = useStoreCurrencies()
  const defaultCurrency = defaultCurrencyCode(currencies)
  const mutation = useUpdateLoyaltySettings()
  const { mutateAsync, isPending, error } = mutation
  const { form, set, isDirty, showErrors, setShowErrors, discard } = useSettingsFormState(
    initial,
    mutation,
    comparable
  )

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const hasErrors = Object.values(errors).some(Boolean)
  const changes = useMemo(() => changedFields(values, settings, sameValue), [values, settings])
  const shown = showErrors ? errors : {}

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setShowErrors(true)
    if (hasErrors || isPending || !Object.keys(changes).length) {
      return
    }
    try {
      await mutateAsync(changes)
    } catch (e) {
      toast.error(t("settings.saveFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
      return
    }
    toast.success(t("settings.saved"))
  }

  const input = (
    field: keyof FormState,
    props: { step?: string; min?: number; max?: number; disabled?: boolean; suffix?: string } = {}
  ) => (
    <Input
      id={`crm-settings-${field}`}
      type="number"
      inputMode="decimal"
      step={props.step ?? "any"}
      min={props.min}
      max={props.max}
      disabled={props.disabled || isPending}
      value={form[field] as string}
      aria-invalid={!!shown[field] || undefined}
      aria-describedby={`crm-settings-${field}-hint`}
      onChange={(event) => set(field, event.target.value as FormState[typeof field])}
    />
  )

  const rowErrors = (field: RateField) =>
    Object.fromEntries(
      Object.entries(shown)
        .filter(([key]) => key.startsWith(`${field}.`))
        .map(([key, message]) => [key.slice(field.length + 1), message])
    )

  return (
    <form noValidate onSubmit={onSubmit} className="divide-y">
      <FormSection title={t("settings.section.earning")}>
        <FormField id="crm-settings-earn_rate" label={t("settings.earnRate.label")} hint={t("settings.earnRate.hint")} error={shown.earn_rate}>
          {input("earn_rate", { min: 0 })}
        </FormField>
        <SelectField
          id="crm-settings-activation"
          label={t("settings.activation.label")}
          hint={t("settings.activation.hint")}
          value={form.activation}
          options={ACTIVATIONS}
          optionLabel={(activation) => t(`settings.activation.${activation}` as CrmMessageKey)}
          disabled={isPending}
          onChange={(value) => set("activation", value)}
        />
        <FormField
          id="crm-settings-pending_days"
          label={t("settings.pendingDays.label")}
          hint={
            form.activation === "delivery"
              ? t("settings.pendingDays.unused")
              : t("settings.pendingDays.hint")
          }
          error={shown.pending_days}
        >
          {input("pending_days", { step: "1", min: 0, max: 365, disabled: form.activation === "delivery" })}
        </FormField>
        <div className="flex flex-col gap-y-4">
          <SwitchField
            id="crm-settings-include_shipping"
            label={t("settings.includeShipping.label")}
            hint={t("settings.includeShipping.hint")}
            checked={form.include_shipping}
            disabled={isPending}
            onChange={(checked) => set("include_shipping", checked)}
          />
          <SwitchField
            id="crm-settings-include_tax"
            label={t("settings.includeTax.label")}
            hint={t("settings.includeTax.hint")}
            checked={form.include_tax}
            disabled={isPending}
            onChange={(checked) => set("include_tax", checked)}
          />
        </div>
        <div className="md:col-span-2">
          <CurrencyOverridesField
            id="crm-settings-earn_rates"
            label={t("settings.earnRates.label")}
            hint={t("settings.earnRates.hint")}
            rows={form.earn_rates}
            onChange={(rows) => set("earn_rates", rows)}
            currencies={currencies}
            errors={rowErrors("earn_rates")}
            disabled={isPending}
            i18n={i18n}
          />
        </div>
      </FormSection>

      <FormSection title={t("settings.section.redemption")}>
        <FormField id="crm-settings-point_value" label={t("settings.pointValue.label")} hint={t("settings.pointValue.hint")} error={shown.point_value}>
          {input("point_value", { min: 0 })}
        </FormField>
        <FormField id="crm-settings-max_redeem_percent" label={t("settings.maxRedeemPercent.label")} hint={t("settings.maxRedeemPercent.hint")} error={shown.max_redeem_percent}>
          {input("max_redeem_percent", { min: 0, max: 100 })}
        </FormField>
        <FormField id="crm-settings-min_redeem_points" label={t("settings.minRedeemPoints.label")} hint={t("settings.minRedeemPoints.hint")} error={shown.min_redeem_points}>
          {input("min_redeem_points", { step: "1", min: 1 })}
        </FormField>
        <FormField id="crm-settings-hold_minutes" label={t("settings.holdMinutes.label")} hint={t("settings.holdMinutes.hint")} error={shown.hold_minutes}>
          {input("hold_minutes", { step: "1", min: 1, max: 60 * 24 * 30 })}
        </FormField>
        <div className="md:col-span-2">
          <CurrencyOverridesField
            id="crm-settings-point_values"
            label={t("settings.pointValues.label")}
            hint={t("settings.pointValues.hint")}
            rows={form.point_values}
            onChange={(rows) => set("point_values", rows)}
            currencies={currencies}
            errors={rowErrors("point_values")}
            disabled={isPending}
            i18n={i18n}
          />
        </div>
      </FormSection>

      <FormSection title={t("settings.section.expiry")}>
        <div className="md:col-span-2">
          <SwitchField
            id="crm-settings-never_expire"
            label={t("settings.neverExpire.label")}
            hint={t("settings.neverExpire.hint")}
            checked={form.never_expire}
            disabled={isPending}
            onChange={(checked) => set("never_expire", checked)}
          />
        </div>
        <FormField id="crm-settings-expiry_months" label={t("settings.expiryMonths.label")} hint={t("settings.expiryMonths.hint")} error={form.never_expire ? undefined : shown.expiry_months}>
          {input("expiry_months", { step: "1", min: 1, max: 120, disabled: form.never_expire })}
        </FormField>
        <FormField id="crm-settings-expiry_reminder_days" label={t("settings.reminderDays.label")} hint={t("settings.reminderDays.hint")} error={shown.expiry_reminder_days}>
          {input("expiry_reminder_days", { step: "1", min: 0, max: 90, disabled: form.never_expire })}
        </FormField>
      </FormSection>

      <FormSection title={t("settings.section.reversal")}>
        <SelectField
          id="crm-settings-reversal_overdraft"
          label={t("settings.overdraft.label")}
          hint={t("settings.overdraft.hint")}
          value={form.reversal_overdraft}
          options={OVERDRAFTS}
          optionLabel={(overdraft) => t(`settings.overdraft.${overdraft}` as CrmMessageKey)}
          disabled={isPending}
          onChange={(value) => set("reversal_overdraft", value)}
        />
      </FormSection>

      <FormSection title={t("settings.section.bonuses")}>
        {BONUS_FIELDS.map((field) => (
          <FormField
            key={field}
            id={`crm-settings-${field}`}
            label={t(`settings.${field}.label` as CrmMessageKey)}
            hint={t(`settings.${field}.hint` as CrmMessageKey)}
            error={shown[field]}
          >
            {input(field, { step: "1", min: 0, max: MAX_BONUS_POINTS })}
          </FormField>
        ))}
      </FormSection>

      <FormSection title={t("settings.section.tiers")}>
        <SelectField
          id="crm-settings-tier_measure"
          label={t("settings.tierMeasure.label")}
          hint={t("settings.tierMeasure.hint")}
          value={form.tier_measure}
          options={TIER_MEASURE_OPTIONS}
          optionLabel={(measure) => tierMeasureLabel(measure, t)}
          disabled={isPending}
          onChange={(value) => set("tier_measure", value)}
        />
        <SelectField
          id="crm-settings-tier_period"
          label={t("settings.tierPeriod.label")}
          hint={t("settings.tierPeriod.hint")}
          value={form.tier_period}
          options={TIER_PERIOD_OPTIONS}
          optionLabel={(period) => tierPeriodLabel(period, t)}
          disabled={isPending}
          onChange={(value) => set("tier_period", value)}
        />
        {form.tier_period === "rolling" ? (
          <FormField id="crm-settings-tier_window_months" label={t("settings.tierWindowMonths.label")} hint={t("settings.tierWindowMonths.hint")} error={shown.tier_window_months}>
            {input("tier_window_months", { step: "1", min: 1, max: TIER_WINDOW_MONTHS_MAX })}
          </FormField>
        ) : null}
        <FormField id="crm-settings-tier_grace_days" label={t("settings.tierGraceDays.label")} hint={t("settings.tierGraceDays.hint")} error={shown.tier_grace_days}>
          {input("tier_grace_days", { step: "1", min: 0, max: TIER_GRACE_DAYS_MAX })}
        </FormField>
        <div className="md:col-span-2">
          <SwitchField
            id="crm-settings-tier_upgrade_email"
            label={t("settings.tierUpgradeEmail.label")}
            hint={t("settings.tierUpgradeEmail.hint")}
            checked={form.tier_upgrade_email}
            disabled={isPending}
            onChange={(checked) => set("tier_upgrade_email", checked)}
          />
        </div>
        <div className="md:col-span-2">
          <CurrencyOverridesField
            id="crm-settings-exchange_rates"
            label={t("settings.exchangeRates.label")}
            hint={
              defaultCurrency
                ? t("settings.exchangeRates.hintIn", { currency: defaultCurrency.toUpperCase() })
                : t("settings.exchangeRates.hint")
            }
            rows={form.exchange_rates}
            onChange={(rows) => set("exchange_rates", rows)}
            // The default currency converts to itself: not a choice.
            currencies={currencies.filter((currency) => !currency.is_default)}
            errors={rowErrors("exchange_rates")}
            disabled={isPending}
            i18n={i18n}
          />
        </div>
      </FormSection>

      <SettingsFormFooter
        saveFailedTitle={t("settings.saveFailed")}
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

/** Rows without their React keys, for comparing with what was loaded. */
const strip = (rows: OverrideRow[]) => rows.map(({ currency, value }) => [currency, value])

/** The form with its rate rows stripped, for comparing with what was loaded. */
const comparable = (form: FormState) => ({
  ...form,
  ...Object.fromEntries(RATE_FIELDS.map((field) => [field, strip(form[field])])),
})
