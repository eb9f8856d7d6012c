import { ReceiptPercent } from "@medusajs/icons"
import { Button, Drawer, Input, Select, toast } from "@medusajs/ui"
import { useRef, useState, type FormEvent } from "react"
import { useCreateSegmentPromotion } from "../hooks/segments"
import { useStoreCurrencies } from "../hooks/store-currencies"
import type { CrmTranslation } from "../lib/i18n"
import { newPromotionForm, validatePromotionForm, type AdminSegment, type PromotionForm } from "../lib/segments"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { SelectField } from "./select-field"
import { SwitchField } from "./switch-field"

const FORM_ID = "crm-segment-promotion-form"

/**
 * "Create promotion": a Medusa promotion whose rule targets the segment's
 * customer group, so only its members get it (`POST /admin/segments/:id/promotions`).
 */
export const SegmentPromotionDrawer = ({ segment, i18n }: { segment: AdminSegment; i18n: CrmTranslation }) => {
  const { t } = i18n
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : setOpen(next))}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <ReceiptPercent />
          {t("segmentPromotion.open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("segmentPromotion.title")}</Drawer.Title>
        </Drawer.Header>
        {open ? <PromotionFormBody segment={segment} onBusyChange={setBusy} onDone={() => setOpen(false)} i18n={i18n} /> : null}
      </Drawer.Content>
    </Drawer>
  )
}

const PromotionFormBody = ({
  segment,
  onBusyChange,
  onDone,
  i18n,
}: {
  segment: AdminSegment
  onBusyChange: (busy: boolean) => void
  onDone: () => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const { data: currencies } = useStoreCurrencies()
  const defaultCurrency = currencies?.find((currency) => currency.is_default)?.code ?? currencies?.[0]?.code
  const [form, setForm] = useState<PromotionForm>(() => newPromotionForm(defaultCurrency))
  const [showErrors, setShowErrors] = useState(false)
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useCreateSegmentPromotion()

  // The currencies may arrive after the form opened.
  const currency = form.currency_code || defaultCurrency || ""
  const { errors, body } = validatePromotionForm({ ...form, currency_code: currency })
  const shown = showErrors ? errors : {}
  const message = (key: keyof PromotionForm) => (shown[key] ? t(shown[key]!) : undefined)

  const set = <K extends keyof PromotionForm>(key: K, value: PromotionForm[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) reset()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    setShowErrors(true)
    if (!body) return
    inFlight.current = true
    onBusyChange(true)
    let code: string
    try {
      code = (await mutateAsync({ id: segment.id, body })).promotion.code
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(t("segmentPromotion.created", { code, name: segment.name }))
    onDone()
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {t("segmentPromotion.description", { name: segment.name })}
        </Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <FormField id="crm-promotion-code" label={t("segmentPromotion.code")} hint={t("segmentPromotion.codeHint")} error={message("code")}>
            <Input
              id="crm-promotion-code"
              autoComplete="off"
              value={form.code}
              disabled={isPending}
              aria-invalid={!!shown.code || undefined}
              aria-describedby="crm-promotion-code-hint"
              onChange={(event) => set("code", event.target.value.toUpperCase())}
            />
          </FormField>
          <SwitchField
            id="crm-promotion-automatic"
            label={t("segmentPromotion.automatic")}
            hint={t("segmentPromotion.automaticHint")}
            checked={form.is_automatic}
            disabled={isPending}
            onChange={(checked) => set("is_automatic", checked)}
          />
          <div className="grid grid-cols-2 gap-4">
            <SelectField
              id="crm-promotion-type"
              label={t("segmentPromotion.type")}
              value={form.type}
              options={["percentage", "fixed"] as const}
              optionLabel={(type) => t(type === "fixed" ? "segmentPromotion.fixed" : "segmentPromotion.percentage")}
              disabled={isPending}
              onChange={(type) => set("type", type)}
            />
            <FormField
              id="crm-promotion-value"
              label={form.type === "percentage" ? t("segmentPromotion.percentValue") : t("segmentPromotion.amountValue")}
              error={message("value")}
            >
              <Input
                id="crm-promotion-value"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={form.value}
                disabled={isPending}
                aria-invalid={!!shown.value || undefined}
                onChange={(event) => set("value", event.target.value)}
              />
            </FormField>
            {form.type === "fixed" ? (
              <FormField id="crm-promotion-currency" label={t("segmentPromotion.currency")} error={message("currency_code")}>
                <Select value={currency || undefined} disabled={isPending} onValueChange={(next) => set("currency_code", next)}>
                  <Select.Trigger id="crm-promotion-currency" aria-invalid={!!shown.currency_code || undefined}>
                    <Select.Value placeholder={t("segmentRules.choose")} />
                  </Select.Trigger>
                  <Select.Content>
                    {(currencies ?? []).map((option) => (
                      <Select.Item key={option.code} value={option.code}>
                        {option.code.toUpperCase()}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </FormField>
            ) : null}
            <SelectField
              id="crm-promotion-target"
              label={t("segmentPromotion.target")}
              value={form.target_type}
              options={["order", "items"] as const}
              optionLabel={(target) => t(target === "items" ? "segmentPromotion.targetItems" : "segmentPromotion.targetOrder")}
              disabled={isPending}
              onChange={(target) => set("target_type", target)}
            />
            <FormField
              id="crm-promotion-limit"
              label={t("segmentPromotion.limit")}
              hint={t("segmentPromotion.limitHint")}
              error={message("limit_per_customer")}
            >
              <Input
                id="crm-promotion-limit"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={form.limit_per_customer}
                disabled={isPending}
                aria-invalid={!!shown.limit_per_customer || undefined}
                aria-describedby="crm-promotion-limit-hint"
                onChange={(event) => set("limit_per_customer", event.target.value)}
              />
            </FormField>
            <SelectField
              id="crm-promotion-status"
              label={t("segmentPromotion.status")}
              value={form.status}
              options={["draft", "active"] as const}
              optionLabel={(status) => t(status === "active" ? "segmentPromotion.active" : "segmentPromotion.draft")}
              disabled={isPending}
              onChange={(status) => set("status", status)}
            />
          </div>
          {error ? <FailureAlert title={t("segmentPromotion.failed")} message={error.message} /> : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("ticket.cancel")}
        submitLabel={t("segmentPromotion.submit")}
      />
    </>
  )
}
