import {
  Button,
  DatePicker,
  Drawer,
  Hint,
  Input,
  Label,
  toast,
} from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent } from "react"
import {
  useCreateLoyaltyCampaign,
  useUpdateLoyaltyCampaign,
  type AdminCreateLoyaltyCampaign,
  type AdminLoyaltyCampaign,
  type AdminUpdateLoyaltyCampaign,
} from "../hooks/campaigns"
import { WEEKDAY_ORDER, parseDaysOfMonth, weekdayName } from "../lib/campaigns"
import type { CrmTranslation } from "../lib/i18n"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { SwitchField } from "./switch-field"

/** The same bounds as the campaign routes' validator. */
const NAME_MAX = 200
const MULTIPLIER_MAX = 10

const FORM_ID = "crm-campaign-form"

type FormState = {
  name: string
  multiplier: string
  starts_at: Date | null
  ends_at: Date | null
  weekdays: number[]
  days_of_month: string
  active: boolean
}

/** A new campaign: from the next full hour, for a week, every day, on. */
const emptyForm = (): FormState => {
  const start = new Date()
  start.setMinutes(0, 0, 0)
  start.setHours(start.getHours() + 1)
  const end = new Date(start)
  end.setDate(end.getDate() + 7)
  return {
    name: "",
    multiplier: "2",
    starts_at: start,
    ends_at: end,
    weekdays: [],
    days_of_month: "",
    active: true,
  }
}

const toForm = (campaign: AdminLoyaltyCampaign): FormState => ({
  name: campaign.name,
  multiplier: String(campaign.multiplier),
  starts_at: new Date(campaign.starts_at),
  ends_at: new Date(campaign.ends_at),
  weekdays: [...(campaign.weekdays ?? [])],
  days_of_month: (campaign.days_of_month ?? []).join(", "),
  active: campaign.active,
})

/** What the form holds, checked as the server checks it. */
type Values = Required<
  Pick<AdminCreateLoyaltyCampaign, "name" | "multiplier" | "weekdays" | "days_of_month" | "active">
> & { starts_at: Date; ends_at: Date }

type Errors = Partial<Record<"name" | "multiplier" | "starts_at" | "ends_at" | "days_of_month", string>>

const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const name = form.name.trim()
  if (!name || name.length > NAME_MAX) {
    errors.name = t("campaignForm.validation.name", { max: NAME_MAX })
  }
  const multiplierText = form.multiplier.trim()
  const multiplier = multiplierText ? Number(multiplierText) : NaN
  if (!Number.isFinite(multiplier) || multiplier <= 0 || multiplier > MULTIPLIER_MAX) {
    errors.multiplier = t("campaignForm.validation.multiplier", { max: MULTIPLIER_MAX })
  }
  if (!form.starts_at) {
    errors.starts_at = t("campaignForm.validation.date")
  }
  if (!form.ends_at) {
    errors.ends_at = t("campaignForm.validation.date")
  } else if (form.starts_at && form.ends_at.getTime() <= form.starts_at.getTime()) {
    errors.ends_at = t("campaignForm.validation.endsAfter")
  }
  const days = parseDaysOfMonth(form.days_of_month)
  if (!days) {
    errors.days_of_month = t("campaignForm.validation.days")
  }
  const weekdays = [...new Set(form.weekdays)].sort((a, b) => a - b)

  const values: Values | null = Object.keys(errors).length
    ? null
    : {
        name,
        multiplier,
        starts_at: form.starts_at!,
        ends_at: form.ends_at!,
        // None picked means every day: the server's null.
        weekdays: weekdays.length ? weekdays : null,
        days_of_month: days!.length ? days : null,
        active: form.active,
      }
  return { errors, values }
}

const sameDays = (a: number[] | null | undefined, b: number[] | null | undefined) => {
  const left = [...new Set(a ?? [])].sort((x, y) => x - y)
  const right = [...new Set(b ?? [])].sort((x, y) => x - y)
  return left.length === right.length && left.every((day, index) => day === right[index])
}

/**
 * Only what differs from the stored campaign. Tier and segment limits are
 * never sent: the form does not show them, so the server keeps them.
 */
const changedFields = (values: Values, campaign: AdminLoyaltyCampaign): AdminUpdateLoyaltyCampaign => {
  const changes: AdminUpdateLoyaltyCampaign = {}
  if (values.name !== campaign.name) changes.name = values.name
  if (Math.abs(values.multiplier - campaign.multiplier) > 1e-9) changes.multiplier = values.multiplier
  if (values.starts_at.getTime() !== Date.parse(campaign.starts_at)) {
    changes.starts_at = values.starts_at.toISOString()
  }
  if (values.ends_at.getTime() !== Date.parse(campaign.ends_at)) {
    changes.ends_at = values.ends_at.toISOString()
  }
  if (!sameDays(values.weekdays, campaign.weekdays)) changes.weekdays = values.weekdays
  if (!sameDays(values.days_of_month, campaign.days_of_month)) {
    changes.days_of_month = values.days_of_month
  }
  if (values.active !== campaign.active) changes.active = values.active
  return changes
}

type CampaignDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The campaign to edit, or null to create one. */
  campaign: AdminLoyaltyCampaign | null
  i18n: CrmTranslation
}

/** Create or edit a points campaign, in a drawer opened by the Campaigns section. */
export const CampaignDrawer = ({ open, onOpenChange, campaign, i18n }: CampaignDrawerProps) => {
  const { t } = i18n
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>
            {campaign ? t("campaignForm.editTitle") : t("campaignForm.createTitle")}
          </Drawer.Title>
        </Drawer.Header>
        {open ? (
          // A fresh form every time the drawer opens, from the row it was opened for.
          <CampaignForm
            key={campaign ? `${campaign.id}:${campaign.updated_at}` : "new"}
            campaign={campaign}
            onBusyChange={setBusy}
            onDone={() => onOpenChange(false)}
            i18n={i18n}
          />
        ) : null}
      </Drawer.Content>
    </Drawer>
  )
}

const CampaignForm = ({
  campaign,
  onBusyChange,
  onDone,
  i18n,
}: {
  campaign: AdminLoyaltyCampaign | null
  onBusyChange: (busy: boolean) => void
  onDone: () => void
  i18n: CrmTranslation
}) => {
  const { t, locale } = i18n
  const initial = useMemo(() => (campaign ? toForm(campaign) : emptyForm()), [campaign])
  const [form, setForm] = useState<FormState>(initial)
  const [showErrors, setShowErrors] = useState(false)
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)

  const create = useCreateLoyaltyCampaign()
  const update = useUpdateLoyaltyCampaign(campaign?.id ?? "")
  const mutation = campaign ? update : create
  const { isPending, error } = mutation

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const changes = useMemo(
    () => (campaign && values ? changedFields(values, campaign) : null),
    [campaign, values]
  )
  const nothingChanged = !!campaign && !!changes && !Object.keys(changes).length
  const shown: Errors = showErrors ? errors : {}
  const limitedAudience = !!(campaign?.tier_ids?.length || campaign?.segment_ids?.length)

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) {
      mutation.reset()
    }
  }

  /** The start or the end of the campaign window, to the minute. */
  const dateField = (key: "starts_at" | "ends_at", label: string) => (
    <FormField id={`crm-campaign-${key}`} label={label} error={shown[key]} labelOnly>
      <DatePicker
        aria-labelledby={`crm-campaign-${key}-label`}
        granularity="minute"
        shouldCloseOnSelect={false}
        value={form[key]}
        isDisabled={isPending}
        isInvalid={!!shown[key]}
        onChange={(value) => set(key, value)}
      />
    </FormField>
  )

  const toggleWeekday = (day: number) =>
    set(
      "weekdays",
      form.weekdays.includes(day)
        ? form.weekdays.filter((d) => d !== day)
        : [...form.weekdays, day]
    )

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (!values || nothingChanged) {
      return
    }
    inFlight.current = true
    onBusyChange(true)
    try {
      if (campaign) {
        await update.mutateAsync(changes!)
      } else {
        await create.mutateAsync({
          ...values,
          starts_at: values.starts_at.toISOString(),
          ends_at: values.ends_at.toISOString(),
        })
      }
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(campaign ? t("campaignForm.saved") : t("campaignForm.created"))
    onDone()
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {t("campaignForm.description")}
        </Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <FormField id="crm-campaign-name" label={t("campaignForm.name.label")} error={shown.name}>
            <Input
              id="crm-campaign-name"
              autoComplete="off"
              autoFocus
              maxLength={NAME_MAX + 50}
              value={form.name}
              placeholder={t("campaignForm.name.placeholder")}
              disabled={isPending}
              aria-invalid={!!shown.name || undefined}
              onChange={(event) => set("name", event.target.value)}
            />
          </FormField>

          <FormField
            id="crm-campaign-multiplier"
            label={t("campaignForm.multiplier.label")}
            hint={t("campaignForm.multiplier.hint")}
            error={shown.multiplier}
          >
            <Input
              id="crm-campaign-multiplier"
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              max={MULTIPLIER_MAX}
              value={form.multiplier}
              disabled={isPending}
              aria-invalid={!!shown.multiplier || undefined}
              aria-describedby="crm-campaign-multiplier-hint"
              onChange={(event) => set("multiplier", event.target.value)}
            />
          </FormField>

          <div className="flex flex-col gap-y-2">
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              {dateField("starts_at", t("campaignForm.startsAt.label"))}
              {dateField("ends_at", t("campaignForm.endsAt.label"))}
            </div>
            <Hint>{t("campaignForm.window.hint")}</Hint>
          </div>

          <div className="flex flex-col gap-y-2">
            <div className="flex flex-col gap-y-0.5">
              <Label id="crm-campaign-weekdays-label" size="small" weight="plus">
                {t("campaignForm.weekdays.label")}
              </Label>
              <Hint id="crm-campaign-weekdays-hint">{t("campaignForm.weekdays.hint")}</Hint>
            </div>
            <div
              role="group"
              aria-labelledby="crm-campaign-weekdays-label"
              aria-describedby="crm-campaign-weekdays-hint"
              className="flex flex-wrap gap-2"
            >
              {WEEKDAY_ORDER.map((day) => {
                const on = form.weekdays.includes(day)
                return (
                  <Button
                    key={day}
                    type="button"
                    size="small"
                    variant={on ? "primary" : "secondary"}
                    aria-pressed={on}
                    aria-label={weekdayName(day, locale, "long")}
                    disabled={isPending}
                    onClick={() => toggleWeekday(day)}
                  >
                    {weekdayName(day, locale)}
                  </Button>
                )
              })}
            </div>
          </div>

          <div className="flex flex-col gap-y-2">
            <FormField
              id="crm-campaign-days_of_month"
              label={t("campaignForm.daysOfMonth.label")}
              hint={t("campaignForm.daysOfMonth.hint")}
              error={shown.days_of_month}
            >
              <Input
                id="crm-campaign-days_of_month"
                autoComplete="off"
                inputMode="numeric"
                value={form.days_of_month}
                placeholder={t("campaignForm.daysOfMonth.placeholder")}
                disabled={isPending}
                aria-invalid={!!shown.days_of_month || undefined}
                aria-describedby="crm-campaign-days_of_month-hint"
                onChange={(event) => set("days_of_month", event.target.value)}
              />
            </FormField>
            <Hint>{t("campaignForm.memberDays.hint")}</Hint>
          </div>

          <SwitchField
            id="crm-campaign-active"
            label={t("campaignForm.active.label")}
            hint={t("campaignForm.active.hint")}
            checked={form.active}
            disabled={isPending}
            onChange={(checked) => set("active", checked)}
          />

          {limitedAudience ? <Hint>{t("campaignForm.audienceKept")}</Hint> : null}

          {error ? (
            <FailureAlert
              title={campaign ? t("campaignForm.saveFailed") : t("campaignForm.createFailed")}
              message={error.message}
            />
          ) : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("campaignForm.cancel")}
        submitLabel={campaign ? t("campaignForm.save") : t("campaignForm.create")}
        submitDisabled={nothingChanged}
      />
    </>
  )
}
