import { Checkbox, Container, Hint, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMemo, useRef, type FormEvent } from "react"
import type { SlaPolicy, TicketPriority, TicketSettingsDTO, UpdateTicketSettings } from "../../types"
import { useTicketSettings, useUpdateTicketSettings } from "../hooks/tickets"
import { changedFields } from "../lib/changed-fields"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import {
  TICKET_PRIORITY_OPTIONS,
  WEEKDAYS_MONDAY_FIRST,
  browserTimeZone,
  minuteToTime,
  splitMinutes,
  ticketPriorityLabel,
  timeToMinute,
  timeZoneOptions,
  weekdayLabel,
} from "../lib/tickets"
import { FormField } from "./form-field"
import { FormSection } from "./form-section"
import { LoadError } from "./load-error"
import { SettingsFormFooter } from "./settings-form-footer"
import { useSettingsFormState } from "./settings-form-state"
import { SettingsSkeleton } from "./settings-skeleton"
import { SwitchField } from "./switch-field"

/** A year of working minutes: more than any target needs. */
const MAX_TARGET_MINUTES = 525_600
const MAX_AUTO_CLOSE_DAYS = 365
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const TARGETS = ["first_response_minutes", "resolution_minutes"] as const
type TargetKey = (typeof TARGETS)[number]

/** A target as typed: hours and minutes. */
type TargetInput = { hours: string; minutes: string }

type FormState = {
  sla: Record<TicketPriority, Record<TargetKey, TargetInput>>
  business_hours_on: boolean
  time_zone: string
  weekdays: number[]
  start: string
  end: string
  auto_close_days: string
  escalation_email: string
}

type Editable = Required<UpdateTicketSettings>

type Errors = Partial<Record<`sla.${TicketPriority}.${TargetKey}` | `sla.${TicketPriority}` | "weekdays" | "hours" | "time_zone" | "auto_close_days" | "escalation_email", string>>

const toTargetInput = (minutes: number): TargetInput => {
  const { hours, minutes: rest } = splitMinutes(minutes)
  return { hours: String(hours), minutes: String(rest) }
}

const toForm = (settings: TicketSettingsDTO): FormState => ({
  sla: Object.fromEntries(
    TICKET_PRIORITY_OPTIONS.map((priority) => [
      priority,
      {
        first_response_minutes: toTargetInput(settings.sla?.[priority]?.first_response_minutes ?? 0),
        resolution_minutes: toTargetInput(settings.sla?.[priority]?.resolution_minutes ?? 0),
      },
    ])
  ) as FormState["sla"],
  business_hours_on: !!settings.business_hours,
  time_zone: settings.business_hours?.time_zone ?? browserTimeZone(),
  weekdays: settings.business_hours?.weekdays ?? [1, 2, 3, 4, 5],
  start: minuteToTime(settings.business_hours?.start_minute ?? 540),
  end: minuteToTime(settings.business_hours?.end_minute ?? 1020),
  auto_close_days: String(settings.auto_close_days),
  escalation_email: settings.escalation_email ?? "",
})

const wholeNumber = (text: string) => {
  const trimmed = text.trim()
  if (!trimmed) return 0
  const value = Number(trimmed)
  return Number.isInteger(value) && value >= 0 ? value : null
}

/** Checks the inputs and turns them into settings values. */
const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const sla = {} as SlaPolicy
  for (const priority of TICKET_PRIORITY_OPTIONS) {
    const target = { first_response_minutes: 0, resolution_minutes: 0 }
    for (const key of TARGETS) {
      const hours = wholeNumber(form.sla[priority][key].hours)
      const minutes = wholeNumber(form.sla[priority][key].minutes)
      const total = hours === null || minutes === null ? null : hours * 60 + minutes
      if (total === null || total < 1 || total > MAX_TARGET_MINUTES) {
        errors[`sla.${priority}.${key}`] = t("ticketSettings.validation.target")
      } else {
        target[key] = total
      }
    }
    if (
      !errors[`sla.${priority}.first_response_minutes`] &&
      !errors[`sla.${priority}.resolution_minutes`] &&
      target.first_response_minutes > target.resolution_minutes
    ) {
      errors[`sla.${priority}`] = t("ticketSettings.validation.order")
    }
    sla[priority] = target
  }

  let business_hours: Editable["business_hours"] = null
  if (form.business_hours_on) {
    const start = timeToMinute(form.start)
    const end = timeToMinute(form.end, { closing: true })
    if (!form.weekdays.length) {
      errors.weekdays = t("ticketSettings.validation.weekdays")
    }
    if (start === null || end === null || start >= end) {
      errors.hours = t("ticketSettings.validation.hours")
    }
    if (!form.time_zone) {
      errors.time_zone = t("ticketSettings.validation.timeZone")
    }
    business_hours = {
      time_zone: form.time_zone,
      weekdays: [...form.weekdays].sort((a, b) => a - b),
      start_minute: start ?? 0,
      end_minute: end ?? 0,
    }
  }

  const days = Number(form.auto_close_days.trim())
  if (!form.auto_close_days.trim() || !Number.isInteger(days) || days < 1 || days > MAX_AUTO_CLOSE_DAYS) {
    errors.auto_close_days = t("validation.wholeRange", { min: 1, max: MAX_AUTO_CLOSE_DAYS })
  }
  const email = form.escalation_email.trim()
  if (email && !EMAIL.test(email)) {
    errors.escalation_email = t("ticketSettings.validation.email")
  }

  const values: Editable = { sla, business_hours, auto_close_days: days, escalation_email: email || null }
  return { errors, values }
}

/** Whether a field's value is what the server has (the JSON ones compared whole). */
const sameValue = (key: keyof Editable, value: unknown, current: unknown) =>
  key === "sla" || key === "business_hours" ? JSON.stringify(value) === JSON.stringify(current ?? null) : value === current

/** The ticket settings' form, on their own page below Tickets. */
export const TicketSettingsSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { settings, isPending, isError, error, refetch, isFetching } = useTicketSettings()

  return (
    <Container className="divide-y p-0">
      {isPending ? (
        <SettingsSkeleton />
      ) : isError || !settings ? (
        <LoadError
          title={t("ticketSettings.loadFailed")}
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

/** The server's settings in the same key order as the form's values, for comparing. */
const normalized = (settings: TicketSettingsDTO): Editable => ({
  sla: Object.fromEntries(
    TICKET_PRIORITY_OPTIONS.map((priority) => [
      priority,
      {
        first_response_minutes: settings.sla?.[priority]?.first_response_minutes,
        resolution_minutes: settings.sla?.[priority]?.resolution_minutes,
      },
    ])
  ) as SlaPolicy,
  business_hours: settings.business_hours
    ? {
        time_zone: settings.business_hours.time_zone,
        weekdays: [...settings.business_hours.weekdays].sort((a, b) => a - b),
        start_minute: settings.business_hours.start_minute,
        end_minute: settings.business_hours.end_minute,
      }
    : null,
  auto_close_days: settings.auto_close_days,
  escalation_email: settings.escalation_email ?? null,
})

const SettingsForm = ({ settings, i18n }: { settings: TicketSettingsDTO; i18n: CrmTranslation }) => {
  const { t, locale } = i18n
  const initial = useMemo(() => toForm(settings), [settings])
  const current = useMemo(() => normalized(settings), [settings])
  // A double click saves twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const mutation = useUpdateTicketSettings()
  const { mutateAsync, isPending, error } = mutation
  const { form, set, isDirty, showErrors, setShowErrors, discard } = useSettingsFormState(initial, mutation)

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const hasErrors = Object.keys(errors).length > 0
  const changes = useMemo(() => changedFields(values, current, sameValue), [values, current])
  const shown: Errors = showErrors ? errors : {}
  const zones = useMemo(() => timeZoneOptions(form.time_zone), [form.time_zone])

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
    toast.success(t("ticketSettings.saved"))
  }

  const setTarget = (priority: TicketPriority, key: TargetKey, part: keyof TargetInput, value: string) =>
    set("sla", {
      ...form.sla,
      [priority]: { ...form.sla[priority], [key]: { ...form.sla[priority][key], [part]: value } },
    })

  const toggleWeekday = (weekday: number, checked: boolean) =>
    set("weekdays", checked ? [...new Set([...form.weekdays, weekday])] : form.weekdays.filter((day) => day !== weekday))

  return (
    <form noValidate onSubmit={onSubmit} className="divide-y">
      <FormSection title={t("ticketSettings.section.sla")} hint={t("ticketSettings.section.slaHint")}>
        <div className="md:col-span-2">
          <table className="w-full border-collapse">
            <thead>
              <tr className="txt-compact-small-plus text-ui-fg-subtle text-left">
                <th scope="col" className="pb-2 pr-4 font-medium">
                  {t("ticketSettings.priority")}
                </th>
                <th scope="col" className="pb-2 pr-4 font-medium">
                  {t("ticketSettings.firstResponse")}
                </th>
                <th scope="col" className="pb-2 font-medium">
                  {t("ticketSettings.resolution")}
                </th>
              </tr>
            </thead>
            <tbody>
              {TICKET_PRIORITY_OPTIONS.map((priority) => (
                <tr key={priority} className="align-top">
                  <th scope="row" className="txt-compact-small text-ui-fg-base py-2 pr-4 text-left font-normal">
                    {ticketPriorityLabel(priority, t)}
                    {shown[`sla.${priority}`] ? (
                      <Hint variant="error" className="mt-1">
                        {shown[`sla.${priority}`]}
                      </Hint>
                    ) : null}
                  </th>
                  {TARGETS.map((key) => (
                    <td key={key} className="py-2 pr-4 last:pr-0">
                      <DurationInput
                        id={`crm-ticket-settings-${priority}-${key}`}
                        label={`${ticketPriorityLabel(priority, t)}: ${
                          key === "first_response_minutes" ? t("ticketSettings.firstResponse") : t("ticketSettings.resolution")
                        }`}
                        value={form.sla[priority][key]}
                        error={shown[`sla.${priority}.${key}`]}
                        disabled={isPending}
                        onChange={(part, value) => setTarget(priority, key, part, value)}
                        i18n={i18n}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </FormSection>

      <FormSection title={t("ticketSettings.section.hours")} hint={t("ticketSettings.section.hoursHint")}>
        <div className="md:col-span-2">
          <SwitchField
            id="crm-ticket-settings-business-hours"
            label={t("ticketSettings.businessHours.label")}
            hint={t("ticketSettings.businessHours.hint")}
            checked={form.business_hours_on}
            disabled={isPending}
            onChange={(checked) => set("business_hours_on", checked)}
          />
        </div>
        {form.business_hours_on ? (
          <>
            <FormField
              id="crm-ticket-settings-time-zone"
              label={t("ticketSettings.timeZone")}
              hint={t("ticketSettings.timeZoneHint")}
              error={shown.time_zone}
            >
              <Select value={form.time_zone} disabled={isPending} onValueChange={(next) => set("time_zone", next)}>
                <Select.Trigger id="crm-ticket-settings-time-zone" aria-describedby="crm-ticket-settings-time-zone-hint">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content className="max-h-80">
                  {zones.map((zone) => (
                    <Select.Item key={zone} value={zone}>
                      {zone}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField id="crm-ticket-settings-hours" label={t("ticketSettings.openingHours")} hint={t("ticketSettings.openingHoursHint")} error={shown.hours} labelOnly>
              <div className="flex items-center gap-x-2" role="group" aria-labelledby="crm-ticket-settings-hours-label">
                <Input
                  type="time"
                  step={60}
                  value={form.start}
                  disabled={isPending}
                  aria-label={t("ticketSettings.opens")}
                  aria-invalid={!!shown.hours || undefined}
                  onChange={(event) => set("start", event.target.value)}
                />
                <span className="text-ui-fg-muted" aria-hidden>
                  {"\u2013"}
                </span>
                <Input
                  type="time"
                  step={60}
                  value={form.end}
                  disabled={isPending}
                  aria-label={t("ticketSettings.closes")}
                  aria-invalid={!!shown.hours || undefined}
                  onChange={(event) => set("end", event.target.value)}
                />
              </div>
            </FormField>
            <div className="md:col-span-2">
              <FormField id="crm-ticket-settings-weekdays" label={t("ticketSettings.weekdays")} error={shown.weekdays} labelOnly>
                <div className="flex flex-wrap gap-x-4 gap-y-2" role="group" aria-labelledby="crm-ticket-settings-weekdays-label">
                  {WEEKDAYS_MONDAY_FIRST.map((weekday) => (
                    <div key={weekday} className="flex items-center gap-x-2">
                      <Checkbox
                        id={`crm-ticket-settings-weekday-${weekday}`}
                        checked={form.weekdays.includes(weekday)}
                        disabled={isPending}
                        onCheckedChange={(checked) => toggleWeekday(weekday, checked === true)}
                      />
                      <Label htmlFor={`crm-ticket-settings-weekday-${weekday}`} size="small">
                        {weekdayLabel(weekday, locale)}
                      </Label>
                    </div>
                  ))}
                </div>
              </FormField>
            </div>
          </>
        ) : null}
      </FormSection>

      <FormSection title={t("ticketSettings.section.other")}>
        <FormField
          id="crm-ticket-settings-auto-close"
          label={t("ticketSettings.autoClose.label")}
          hint={t("ticketSettings.autoClose.hint")}
          error={shown.auto_close_days}
        >
          <Input
            id="crm-ticket-settings-auto-close"
            type="number"
            inputMode="numeric"
            step="1"
            min={1}
            max={MAX_AUTO_CLOSE_DAYS}
            value={form.auto_close_days}
            disabled={isPending}
            aria-invalid={!!shown.auto_close_days || undefined}
            aria-describedby="crm-ticket-settings-auto-close-hint"
            onChange={(event) => set("auto_close_days", event.target.value)}
          />
        </FormField>
        <FormField
          id="crm-ticket-settings-escalation-email"
          label={t("ticketSettings.escalationEmail.label")}
          hint={t("ticketSettings.escalationEmail.hint")}
          error={shown.escalation_email}
        >
          <Input
            id="crm-ticket-settings-escalation-email"
            type="email"
            autoComplete="off"
            value={form.escalation_email}
            placeholder={t("ticketSettings.escalationEmail.placeholder")}
            disabled={isPending}
            aria-invalid={!!shown.escalation_email || undefined}
            aria-describedby="crm-ticket-settings-escalation-email-hint"
            onChange={(event) => set("escalation_email", event.target.value)}
          />
        </FormField>
      </FormSection>

      <SettingsFormFooter
        saveFailedTitle={t("ticketSettings.saveFailed")}
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

/** A target as hours and minutes side by side. */
const DurationInput = ({
  id,
  label,
  value,
  error,
  disabled,
  onChange,
  i18n: { t },
}: {
  id: string
  label: string
  value: TargetInput
  error?: string
  disabled: boolean
  onChange: (part: keyof TargetInput, value: string) => void
  i18n: CrmTranslation
}) => (
  <div className="flex flex-col gap-y-1" role="group" aria-label={label}>
    <div className="flex items-center gap-x-1.5">
      <Input
        id={`${id}-hours`}
        type="number"
        inputMode="numeric"
        step="1"
        min={0}
        size="small"
        className="w-20"
        value={value.hours}
        disabled={disabled}
        aria-label={`${label} (${t("ticketSettings.hours")})`}
        aria-invalid={!!error || undefined}
        onChange={(event) => onChange("hours", event.target.value)}
      />
      <Text size="small" className="text-ui-fg-subtle">
        {t("ticketSettings.hoursShort")}
      </Text>
      <Input
        id={`${id}-minutes`}
        type="number"
        inputMode="numeric"
        step="1"
        min={0}
        max={59}
        size="small"
        className="w-16"
        value={value.minutes}
        disabled={disabled}
        aria-label={`${label} (${t("ticketSettings.minutes")})`}
        aria-invalid={!!error || undefined}
        onChange={(event) => onChange("minutes", event.target.value)}
      />
      <Text size="small" className="text-ui-fg-subtle">
        {t("ticketSettings.minutesShort")}
      </Text>
    </div>
    {error ? <Hint variant="error">{error}</Hint> : null}
  </div>
)
