import { Button, Drawer, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent } from "react"
import type { TicketCategory } from "../../types"
import {
  useCreateTicketMacro,
  useUpdateTicketMacro,
  type AdminUpdateTicketMacro,
  type TicketMacroDTO,
} from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import {
  MACRO_PLACEHOLDERS,
  TICKET_CATEGORY_OPTIONS,
  isTicketCategory,
  placeholderToken,
  ticketCategoryLabel,
} from "../lib/tickets"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"

/** Generous bounds for the form; the server's validator has the last word. */
const NAME_MAX = 200
const BODY_MAX = 10_000

const FORM_ID = "crm-ticket-macro-form"

/** Radix's Select has no empty value: this one stands for "every category". */
const ANY = "__any__"

type FormState = { name: string; category: TicketCategory | null; body: string }
type Errors = Partial<Record<"name" | "body", string>>

const validate = (form: FormState, t: CrmTranslation["t"]) => {
  const errors: Errors = {}
  const name = form.name.trim()
  const body = form.body.trim()
  if (!name || name.length > NAME_MAX) {
    errors.name = t("ticketMacros.validation.name", { max: NAME_MAX })
  }
  if (!body || body.length > BODY_MAX) {
    errors.body = t("ticketMacros.validation.body", { max: BODY_MAX })
  }
  return { errors, values: { name, category: form.category, body } }
}

type TicketMacroDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The macro to edit, or null to create one. */
  macro: TicketMacroDTO | null
  i18n: CrmTranslation
}

/** Create or edit a canned response, with the placeholders it may use a click away. */
export const TicketMacroDrawer = ({ open, onOpenChange, macro, i18n }: TicketMacroDrawerProps) => {
  const { t } = i18n
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : onOpenChange(next))}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{macro ? t("ticketMacros.editTitle") : t("ticketMacros.createTitle")}</Drawer.Title>
        </Drawer.Header>
        {open ? (
          <MacroForm
            key={macro ? `${macro.id}:${String(macro.updated_at)}` : "new"}
            macro={macro}
            onBusyChange={setBusy}
            onDone={() => onOpenChange(false)}
            i18n={i18n}
          />
        ) : null}
      </Drawer.Content>
    </Drawer>
  )
}

const MacroForm = ({
  macro,
  onBusyChange,
  onDone,
  i18n,
}: {
  macro: TicketMacroDTO | null
  onBusyChange: (busy: boolean) => void
  onDone: () => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const [form, setForm] = useState<FormState>(() => ({
    name: macro?.name ?? "",
    category: macro?.category ?? null,
    body: macro?.body ?? "",
  }))
  const [showErrors, setShowErrors] = useState(false)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const create = useCreateTicketMacro()
  const update = useUpdateTicketMacro()
  const mutation = macro ? update : create
  const { isPending, error } = mutation

  const { errors, values } = useMemo(() => validate(form, t), [form, t])
  const changes = useMemo(() => {
    if (!macro) return null
    const next: AdminUpdateTicketMacro = {}
    if (values.name !== macro.name) next.name = values.name
    if (values.category !== (macro.category ?? null)) next.category = values.category
    if (values.body !== macro.body.trim()) next.body = values.body
    return next
  }, [macro, values])
  const nothingChanged = !!changes && !Object.keys(changes).length
  const shown: Errors = showErrors ? errors : {}

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) mutation.reset()
  }

  /** Puts `{{path}}` where the cursor is in the text. */
  const insertPlaceholder = (path: string) => {
    const element = bodyRef.current
    const token = placeholderToken(path)
    const start = element?.selectionStart ?? form.body.length
    const end = element?.selectionEnd ?? form.body.length
    set("body", `${form.body.slice(0, start)}${token}${form.body.slice(end)}`)
    requestAnimationFrame(() => {
      element?.focus()
      element?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (Object.keys(errors).length || nothingChanged) {
      return
    }
    inFlight.current = true
    onBusyChange(true)
    try {
      if (macro) {
        await update.mutateAsync({ id: macro.id, body: changes! })
      } else {
        await create.mutateAsync(values)
      }
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(macro ? t("ticketMacros.saved", { name: values.name }) : t("ticketMacros.created", { name: values.name }))
    onDone()
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">{t("ticketMacros.drawerDescription")}</Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <FormField id="crm-ticket-macro-name" label={t("ticketMacros.name")} error={shown.name}>
            <Input
              id="crm-ticket-macro-name"
              autoComplete="off"
              autoFocus
              value={form.name}
              placeholder={t("ticketMacros.namePlaceholder")}
              disabled={isPending}
              aria-invalid={!!shown.name || undefined}
              onChange={(event) => set("name", event.target.value)}
            />
          </FormField>
          <FormField id="crm-ticket-macro-category" label={t("ticketMacros.category")} hint={t("ticketMacros.categoryHint")}>
            <Select
              value={form.category ?? ANY}
              disabled={isPending}
              onValueChange={(next) => set("category", isTicketCategory(next) ? next : null)}
            >
              <Select.Trigger id="crm-ticket-macro-category" aria-describedby="crm-ticket-macro-category-hint">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ANY}>{t("ticketMacros.anyCategory")}</Select.Item>
                {TICKET_CATEGORY_OPTIONS.map((category) => (
                  <Select.Item key={category} value={category}>
                    {ticketCategoryLabel(category, t)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <FormField id="crm-ticket-macro-body" label={t("ticketMacros.body")} hint={t("ticketMacros.bodyHint")} error={shown.body}>
            <Textarea
              id="crm-ticket-macro-body"
              ref={bodyRef}
              rows={10}
              value={form.body}
              disabled={isPending}
              placeholder={t("ticketMacros.bodyPlaceholder")}
              aria-invalid={!!shown.body || undefined}
              aria-describedby="crm-ticket-macro-body-hint crm-ticket-macro-placeholders"
              onChange={(event) => set("body", event.target.value)}
            />
          </FormField>
          <div id="crm-ticket-macro-placeholders" className="flex flex-col gap-y-2">
            <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
              {t("ticketMacros.placeholders")}
            </Text>
            <div className="flex flex-wrap gap-1.5">
              {MACRO_PLACEHOLDERS.map((path) => (
                <Button
                  key={path}
                  type="button"
                  size="small"
                  variant="secondary"
                  className="font-mono"
                  disabled={isPending}
                  title={t("ticketMacros.insertPlaceholder")}
                  onClick={() => insertPlaceholder(path)}
                >
                  {placeholderToken(path)}
                </Button>
              ))}
            </div>
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("ticketMacros.placeholdersHint")}
            </Text>
          </div>
          {error ? (
            <FailureAlert
              title={macro ? t("ticketMacros.saveFailed") : t("ticketMacros.createFailed")}
              message={error.message}
            />
          ) : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("ticket.cancel")}
        submitLabel={macro ? t("ticketMacros.save") : t("ticketMacros.create")}
        submitDisabled={nothingChanged}
      />
    </>
  )
}
