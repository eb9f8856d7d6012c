import { Drawer, Input, RadioGroup, Select, toast } from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent } from "react"
import type { TicketCompensationType, TicketPromotionValueType } from "../../types"
import { useStoreCurrencies } from "../hooks/store-currencies"
import { useCompensateTicket, type AdminCompensateTicket, type AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { defaultCurrencyCode } from "../lib/tiers"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"

/** A sane ceiling for a goodwill gesture; the server has the last word. */
const MAX_POINTS = 1_000_000

const FORM_ID = "crm-ticket-compensation-form"

type FormState = {
  kind: TicketCompensationType
  points: string
  valueType: TicketPromotionValueType
  value: string
  currency: string
}

type Errors = Partial<Record<"points" | "value" | "currency", string>>

const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  let body: AdminCompensateTicket | null = null
  if (form.kind === "points") {
    const points = Number(form.points.trim())
    if (!form.points.trim() || !Number.isInteger(points) || points < 1 || points > MAX_POINTS) {
      errors.points = t("validation.wholeRange", { min: 1, max: MAX_POINTS })
    } else {
      body = { points }
    }
    return { errors, body }
  }
  const value = Number(form.value.trim())
  if (form.valueType === "percentage") {
    if (!form.value.trim() || !(value > 0 && value <= 100)) {
      errors.value = t("validation.percent")
    } else {
      body = { promotion: { type: "percentage", value } }
    }
    return { errors, body }
  }
  if (!form.value.trim() || !Number.isFinite(value) || value <= 0) {
    errors.value = t("validation.greaterThan", { min: 0 })
  }
  if (!form.currency) {
    errors.currency = t("validation.currency")
  }
  if (!Object.keys(errors).length) {
    body = { promotion: { type: "fixed", value, currency_code: form.currency } }
  }
  return { errors, body }
}

type TicketCompensationDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  ticket: AdminTicketDetail
  /** Points were given already: only a promotion is left. */
  givenPoints: boolean
  givenPromotion: boolean
  i18n: CrmTranslation
}

/**
 * "Give compensation": loyalty points, or a one-time promotion code (a
 * percentage off, or a fixed amount in a currency) made for this customer.
 * Each kind once per ticket.
 */
export const TicketCompensationDrawer = ({ open, onOpenChange, ...rest }: TicketCompensationDrawerProps) => {
  const { t } = rest.i18n
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("ticket.compensation.drawerTitle")}</Drawer.Title>
        </Drawer.Header>
        {open ? <CompensationForm onBusyChange={setBusy} onDone={() => onOpenChange(false)} {...rest} /> : null}
      </Drawer.Content>
    </Drawer>
  )
}

const CompensationForm = ({
  ticket,
  givenPoints,
  givenPromotion,
  onBusyChange,
  onDone,
  i18n,
}: Omit<TicketCompensationDrawerProps, "open" | "onOpenChange"> & {
  onBusyChange: (busy: boolean) => void
  onDone: () => void
}) => {
  const { t } = i18n
  const { data: currencies } = useStoreCurrencies()
  // The ticket's order's currency is the likeliest one for a fixed amount.
  const orderCurrency = ticket.recent_orders?.find((order) => order.id === ticket.order_id)?.currency_code ?? null
  const [form, setForm] = useState<FormState>(() => ({
    kind: givenPoints ? "promotion" : "points",
    points: "",
    valueType: "percentage",
    value: "",
    currency: orderCurrency?.toLowerCase() ?? "",
  }))
  const [showErrors, setShowErrors] = useState(false)
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useCompensateTicket()

  const currency = form.currency || defaultCurrencyCode(currencies) || ""
  const { errors, body } = useMemo(() => validate({ ...form, currency }, t), [form, currency, t])
  const shown: Errors = showErrors ? errors : {}

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) reset()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (!body) {
      return
    }
    inFlight.current = true
    onBusyChange(true)
    try {
      await mutateAsync({ id: ticket.id, body })
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(t("ticket.compensation.given"))
    onDone()
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {t("ticket.compensation.description")}
        </Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <RadioGroup
            value={form.kind}
            onValueChange={(kind) => set("kind", kind as TicketCompensationType)}
            className="flex flex-col gap-y-2"
            aria-label={t("ticket.compensation.kindLabel")}
          >
            <RadioGroup.ChoiceBox
              value="points"
              disabled={givenPoints || isPending}
              label={t("ticket.compensation.kind.points")}
              description={givenPoints ? t("ticket.compensation.alreadyGiven") : t("ticket.compensation.pointsHint")}
            />
            <RadioGroup.ChoiceBox
              value="promotion"
              disabled={givenPromotion || isPending}
              label={t("ticket.compensation.kind.promotion")}
              description={
                givenPromotion ? t("ticket.compensation.alreadyGiven") : t("ticket.compensation.promotionHint")
              }
            />
          </RadioGroup>

          {form.kind === "points" ? (
            <FormField
              id="crm-ticket-compensation-points"
              label={t("ticket.compensation.pointsLabel")}
              error={shown.points}
            >
              <Input
                id="crm-ticket-compensation-points"
                type="number"
                inputMode="numeric"
                step="1"
                min={1}
                max={MAX_POINTS}
                autoFocus
                value={form.points}
                disabled={isPending}
                aria-invalid={!!shown.points || undefined}
                onChange={(event) => set("points", event.target.value)}
              />
            </FormField>
          ) : (
            <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
              <FormField id="crm-ticket-compensation-type" label={t("ticket.compensation.valueType")}>
                <Select
                  value={form.valueType}
                  disabled={isPending}
                  onValueChange={(next) => set("valueType", next as TicketPromotionValueType)}
                >
                  <Select.Trigger id="crm-ticket-compensation-type">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="percentage">{t("ticket.compensation.percentage")}</Select.Item>
                    <Select.Item value="fixed">{t("ticket.compensation.fixed")}</Select.Item>
                  </Select.Content>
                </Select>
              </FormField>
              <FormField
                id="crm-ticket-compensation-value"
                label={form.valueType === "percentage" ? t("ticket.compensation.percentLabel") : t("ticket.compensation.amountLabel")}
                error={shown.value}
              >
                <Input
                  id="crm-ticket-compensation-value"
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  max={form.valueType === "percentage" ? 100 : undefined}
                  value={form.value}
                  disabled={isPending}
                  aria-invalid={!!shown.value || undefined}
                  onChange={(event) => set("value", event.target.value)}
                />
              </FormField>
              {form.valueType === "fixed" ? (
                <FormField
                  id="crm-ticket-compensation-currency"
                  label={t("ticket.compensation.currency")}
                  error={shown.currency}
                >
                  <Select value={currency} disabled={isPending} onValueChange={(next) => set("currency", next)}>
                    <Select.Trigger id="crm-ticket-compensation-currency" aria-invalid={!!shown.currency || undefined}>
                      <Select.Value placeholder={t("settings.overrides.choose")} />
                    </Select.Trigger>
                    <Select.Content>
                      {(currencies ?? []).map((option) => (
                        <Select.Item key={option.code} value={option.code}>
                          {option.code.toUpperCase()}
                          {option.name ? ` \u00b7 ${option.name}` : ""}
                        </Select.Item>
                      ))}
                      {currency && !currencies?.some((option) => option.code === currency) ? (
                        <Select.Item value={currency}>{currency.toUpperCase()}</Select.Item>
                      ) : null}
                    </Select.Content>
                  </Select>
                </FormField>
              ) : null}
            </div>
          )}

          {error ? <FailureAlert title={t("ticket.compensation.failed")} message={error.message} /> : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("ticket.cancel")}
        submitLabel={t("ticket.compensation.submit")}
      />
    </>
  )
}
