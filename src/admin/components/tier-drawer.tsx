import { Drawer, Input, Textarea, toast } from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent } from "react"
import type { SupportPriority, TierMeasure } from "../../types"
import {
  useCreateLoyaltyTier,
  useUpdateLoyaltyTier,
  type AdminCreateLoyaltyTier,
  type AdminLoyaltyTier,
  type AdminUpdateLoyaltyTier,
} from "../hooks/tiers"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import { SUPPORT_PRIORITY_OPTIONS } from "../lib/tiers"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { SelectField } from "./select-field"
import { SwitchField } from "./switch-field"

/** The same bounds as the tier routes' validator. */
const NAME_MAX = 100
const DESCRIPTION_MAX = 1000
const MULTIPLIER_MAX = 10
const MAX_BONUS_POINTS = 1_000_000

const FORM_ID = "crm-tier-form"

/** What the inputs hold: text as typed, parsed on save. */
type FormState = {
  name: string
  description: string
  threshold: string
  rank: string
  multiplier: string
  discount_percent: string
  free_shipping: boolean
  birthday_bonus_points: string
  support_priority: SupportPriority
}

const emptyForm = (): FormState => ({
  name: "",
  description: "",
  threshold: "",
  rank: "",
  multiplier: "1",
  discount_percent: "0",
  free_shipping: false,
  birthday_bonus_points: "",
  support_priority: "normal",
})

const toForm = (tier: AdminLoyaltyTier): FormState => ({
  name: tier.name,
  description: tier.description ?? "",
  threshold: String(Number(tier.threshold)),
  rank: String(tier.rank),
  multiplier: String(tier.multiplier),
  discount_percent: String(tier.discount_percent),
  free_shipping: tier.free_shipping,
  birthday_bonus_points:
    tier.birthday_bonus_points == null ? "" : String(tier.birthday_bonus_points),
  support_priority: tier.support_priority,
})

/** What the form holds, checked as the server checks it. */
type Values = Required<Omit<AdminCreateLoyaltyTier, "rank">> & { rank: number | null }

type Errors = Partial<
  Record<
    "name" | "description" | "threshold" | "rank" | "multiplier" | "discount_percent" | "birthday_bonus_points",
    string
  >
>

const parseNumber = (text: string): number | null => {
  const trimmed = text.trim()
  if (!trimmed) {
    return null
  }
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : null
}

const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const name = form.name.trim()
  if (!name || name.length > NAME_MAX) {
    errors.name = t("tierForm.validation.name", { max: NAME_MAX })
  }
  const description = form.description.trim()
  if (description.length > DESCRIPTION_MAX) {
    errors.description = t("tierForm.validation.description", { max: DESCRIPTION_MAX })
  }
  const threshold = parseNumber(form.threshold)
  if (threshold === null || threshold < 0) {
    errors.threshold = t("validation.atLeast", { min: 0 })
  }
  // Empty: after the highest tier (a new one) or where it is (an edit).
  const rank = form.rank.trim() ? parseNumber(form.rank) : null
  if (form.rank.trim() && (rank === null || !Number.isInteger(rank) || rank < 0)) {
    errors.rank = t("tierForm.validation.rank")
  }
  const multiplier = parseNumber(form.multiplier)
  if (multiplier === null || multiplier < 1 || multiplier > MULTIPLIER_MAX) {
    errors.multiplier = t("tierForm.validation.multiplier", { max: MULTIPLIER_MAX })
  }
  const discount = parseNumber(form.discount_percent)
  if (discount === null || discount < 0 || discount > 100) {
    errors.discount_percent = t("tierForm.validation.discount")
  }
  // Empty: the settings' birthday bonus.
  const bonus = form.birthday_bonus_points.trim() ? parseNumber(form.birthday_bonus_points) : null
  if (
    form.birthday_bonus_points.trim() &&
    (bonus === null || !Number.isInteger(bonus) || bonus < 0 || bonus > MAX_BONUS_POINTS)
  ) {
    errors.birthday_bonus_points = t("validation.wholeRange", { min: 0, max: MAX_BONUS_POINTS })
  }

  const values: Values | null = Object.keys(errors).length
    ? null
    : {
        name,
        description: description || null,
        threshold: threshold!,
        rank,
        multiplier: multiplier!,
        discount_percent: discount!,
        free_shipping: form.free_shipping,
        birthday_bonus_points: bonus,
        support_priority: form.support_priority,
      }
  return { errors, values }
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9

/** Only what differs from the stored tier. */
const changedFields = (values: Values, tier: AdminLoyaltyTier): AdminUpdateLoyaltyTier => {
  const changes: AdminUpdateLoyaltyTier = {}
  if (values.name !== tier.name) changes.name = values.name
  if (values.description !== (tier.description || null)) changes.description = values.description
  if (!sameNumber(values.threshold, Number(tier.threshold))) changes.threshold = values.threshold
  if (values.rank !== null && values.rank !== tier.rank) changes.rank = values.rank
  if (!sameNumber(values.multiplier, tier.multiplier)) changes.multiplier = values.multiplier
  if (!sameNumber(values.discount_percent, tier.discount_percent)) {
    changes.discount_percent = values.discount_percent
  }
  if (values.free_shipping !== tier.free_shipping) changes.free_shipping = values.free_shipping
  if (values.birthday_bonus_points !== tier.birthday_bonus_points) {
    changes.birthday_bonus_points = values.birthday_bonus_points
  }
  if (values.support_priority !== tier.support_priority) {
    changes.support_priority = values.support_priority
  }
  return changes
}

/** What a new tier sends: the rank only when one was given. */
const createBody = ({ rank, description, ...rest }: Values): AdminCreateLoyaltyTier => ({
  ...rest,
  ...(description ? { description } : {}),
  ...(rank !== null ? { rank } : {}),
})

type TierDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The tier to edit, or null to create one. */
  tier: AdminLoyaltyTier | null
  /** How thresholds are measured (the settings'), for the threshold's label. */
  measure: TierMeasure | null
  /** The store's default currency, for a spend threshold. */
  currencyCode: string | null
  i18n: CrmTranslation
}

/** Create or edit a tier, in a drawer opened from the Tiers page. */
export const TierDrawer = ({ open, onOpenChange, tier, ...rest }: TierDrawerProps) => {
  const { t } = rest.i18n
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{tier ? t("tierForm.editTitle") : t("tierForm.createTitle")}</Drawer.Title>
        </Drawer.Header>
        {open ? (
          // A fresh form every time the drawer opens, from the row it was opened for.
          <TierForm
            key={tier ? `${tier.id}:${String(tier.updated_at)}` : "new"}
            tier={tier}
            onBusyChange={setBusy}
            onDone={() => onOpenChange(false)}
            {...rest}
          />
        ) : null}
      </Drawer.Content>
    </Drawer>
  )
}

const TierForm = ({
  tier,
  measure,
  currencyCode,
  onBusyChange,
  onDone,
  i18n,
}: Omit<TierDrawerProps, "open" | "onOpenChange"> & {
  onBusyChange: (busy: boolean) => void
  onDone: () => void
}) => {
  const { t } = i18n
  const initial = useMemo(() => (tier ? toForm(tier) : emptyForm()), [tier])
  const [form, setForm] = useState<FormState>(initial)
  const [showErrors, setShowErrors] = useState(false)
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)

  const create = useCreateLoyaltyTier()
  const update = useUpdateLoyaltyTier()
  const mutation = tier ? update : create
  const { isPending, error } = mutation

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const changes = useMemo(
    () => (tier && values ? changedFields(values, tier) : null),
    [tier, values]
  )
  const nothingChanged = !!tier && !!changes && !Object.keys(changes).length
  const shown: Errors = showErrors ? errors : {}

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) {
      mutation.reset()
    }
  }

  const numberInput = (
    field: "threshold" | "rank" | "multiplier" | "discount_percent" | "birthday_bonus_points",
    props: { step?: string; min?: number; max?: number; placeholder?: string; autoFocus?: boolean } = {}
  ) => (
    <Input
      id={`crm-tier-${field}`}
      type="number"
      inputMode={props.step === "1" ? "numeric" : "decimal"}
      step={props.step ?? "any"}
      min={props.min}
      max={props.max}
      placeholder={props.placeholder}
      value={form[field]}
      disabled={isPending}
      aria-invalid={!!shown[field] || undefined}
      aria-describedby={`crm-tier-${field}-hint`}
      onChange={(event) => set(field, event.target.value)}
    />
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
      if (tier) {
        await update.mutateAsync({ id: tier.id, body: changes! })
      } else {
        await create.mutateAsync(createBody(values))
      }
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(
      tier ? t("tierForm.saved", { name: values.name }) : t("tierForm.created", { name: values.name })
    )
    onDone()
  }

  const thresholdLabel =
    measure === "points"
      ? t("tierForm.threshold.points")
      : currencyCode
        ? t("tierForm.threshold.spendIn", { currency: currencyCode.toUpperCase() })
        : t("tierForm.threshold.spend")

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {t("tierForm.description")}
        </Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <FormField id="crm-tier-name" label={t("tierForm.name.label")} error={shown.name}>
            <Input
              id="crm-tier-name"
              autoComplete="off"
              autoFocus
              maxLength={NAME_MAX + 50}
              value={form.name}
              placeholder={t("tierForm.name.placeholder")}
              disabled={isPending}
              aria-invalid={!!shown.name || undefined}
              onChange={(event) => set("name", event.target.value)}
            />
          </FormField>

          <FormField
            id="crm-tier-description"
            label={t("tierForm.descriptionField.label")}
            hint={t("tierForm.descriptionField.hint")}
            error={shown.description}
          >
            <Textarea
              id="crm-tier-description"
              rows={3}
              value={form.description}
              disabled={isPending}
              aria-invalid={!!shown.description || undefined}
              aria-describedby="crm-tier-description-hint"
              onChange={(event) => set("description", event.target.value)}
            />
          </FormField>

          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField
              id="crm-tier-threshold"
              label={thresholdLabel}
              hint={t("tierForm.threshold.hint")}
              error={shown.threshold}
            >
              {numberInput("threshold", { min: 0, step: measure === "points" ? "1" : "any" })}
            </FormField>
            <FormField
              id="crm-tier-rank"
              label={t("tierForm.rank.label")}
              hint={tier ? t("tierForm.rank.editHint") : t("tierForm.rank.createHint")}
              error={shown.rank}
            >
              {numberInput("rank", {
                step: "1",
                min: 0,
                placeholder: tier ? undefined : t("tierForm.rank.placeholder"),
              })}
            </FormField>
          </div>

          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField
              id="crm-tier-multiplier"
              label={t("tierForm.multiplier.label")}
              hint={t("tierForm.multiplier.hint")}
              error={shown.multiplier}
            >
              {numberInput("multiplier", { min: 1, max: MULTIPLIER_MAX })}
            </FormField>
            <FormField
              id="crm-tier-discount_percent"
              label={t("tierForm.discount.label")}
              hint={t("tierForm.discount.hint")}
              error={shown.discount_percent}
            >
              {numberInput("discount_percent", { min: 0, max: 100 })}
            </FormField>
          </div>

          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField
              id="crm-tier-birthday_bonus_points"
              label={t("tierForm.birthdayBonus.label")}
              hint={t("tierForm.birthdayBonus.hint")}
              error={shown.birthday_bonus_points}
            >
              {numberInput("birthday_bonus_points", {
                step: "1",
                min: 0,
                max: MAX_BONUS_POINTS,
                placeholder: t("tierForm.birthdayBonus.placeholder"),
              })}
            </FormField>
            <SelectField
              id="crm-tier-support_priority"
              label={t("tierForm.priority.label")}
              hint={t("tierForm.priority.hint")}
              value={form.support_priority}
              options={SUPPORT_PRIORITY_OPTIONS}
              optionLabel={(priority) => t(`tiers.priority.${priority}` as CrmMessageKey)}
              disabled={isPending}
              onChange={(value) => set("support_priority", value)}
            />
          </div>

          <SwitchField
            id="crm-tier-free_shipping"
            label={t("tierForm.freeShipping.label")}
            hint={t("tierForm.freeShipping.hint")}
            checked={form.free_shipping}
            disabled={isPending}
            onChange={(checked) => set("free_shipping", checked)}
          />

          {error ? (
            <FailureAlert
              title={tier ? t("tierForm.saveFailed") : t("tierForm.createFailed")}
              message={error.message}
            />
          ) : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("tierForm.cancel")}
        submitLabel={tier ? t("tierForm.save") : t("tierForm.create")}
        submitDisabled={nothingChanged}
      />
    </>
  )
}
