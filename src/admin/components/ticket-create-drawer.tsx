import { Button, Drawer, Input, Select, Textarea, toast } from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent } from "react"
import { useNavigate } from "react-router-dom"
import type { TicketCategory, TicketPriority } from "../../types"
import { useCreateTicket, type AdminCreateTicket } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import {
  TICKET_CATEGORY_OPTIONS,
  TICKET_PRIORITY_OPTIONS,
  isTicketPriority,
  ticketCategoryLabel,
  ticketPriorityLabel,
} from "../lib/tickets"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { ticketLink } from "./ticket-list"

/** Generous bounds for the form; the server's validator has the last word. */
const SUBJECT_MAX = 200
const MESSAGE_MAX = 10_000

const FORM_ID = "crm-ticket-create-form"

/** Radix's Select has no empty value: this one stands for "the server decides". */
const DEFAULT_PRIORITY = "__default__"

type FormState = { subject: string; category: TicketCategory; priority: TicketPriority | null; message: string }
type Errors = Partial<Record<"subject" | "message", string>>

/**
 * "Open ticket": staff open a ticket for a customer (who phoned, wrote an
 * e-mail...), optionally about one of their orders; the new ticket opens.
 */
export const TicketCreateDrawer = ({
  customerId,
  orderId,
  i18n,
}: {
  customerId: string
  orderId?: string
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : setOpen(next))}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          {t("ticketCreate.open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("ticketCreate.title")}</Drawer.Title>
        </Drawer.Header>
        {open ? <CreateForm customerId={customerId} orderId={orderId} onBusyChange={setBusy} i18n={i18n} /> : null}
      </Drawer.Content>
    </Drawer>
  )
}

const CreateForm = ({
  customerId,
  orderId,
  onBusyChange,
  i18n,
}: {
  customerId: string
  orderId?: string
  onBusyChange: (busy: boolean) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const navigate = useNavigate()
  const [form, setForm] = useState<FormState>({
    subject: "",
    category: orderId ? "logistics" : "other",
    priority: null,
    message: "",
  })
  const [showErrors, setShowErrors] = useState(false)
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useCreateTicket()

  const errors = useMemo(() => {
    const found: Errors = {}
    const subject = form.subject.trim()
    const message = form.message.trim()
    if (!subject || subject.length > SUBJECT_MAX) found.subject = t("ticketCreate.validation.subject", { max: SUBJECT_MAX })
    if (!message || message.length > MESSAGE_MAX) found.message = t("ticketCreate.validation.message", { max: MESSAGE_MAX })
    return found
  }, [form, t])
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
    if (Object.keys(errors).length) {
      return
    }
    const body: AdminCreateTicket = {
      customer_id: customerId,
      subject: form.subject.trim(),
      category: form.category,
      message: form.message.trim(),
      ...(orderId ? { order_id: orderId } : {}),
      ...(form.priority ? { priority: form.priority } : {}),
    }
    inFlight.current = true
    onBusyChange(true)
    let ticketId: string
    try {
      ticketId = (await mutateAsync(body)).ticket.id
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    toast.success(t("ticketCreate.created"))
    navigate(ticketLink(ticketId))
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {orderId ? t("ticketCreate.descriptionOrder") : t("ticketCreate.description")}
        </Drawer.Description>
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <FormField id="crm-ticket-create-subject" label={t("ticketCreate.subject")} error={shown.subject}>
            <Input
              id="crm-ticket-create-subject"
              autoComplete="off"
              autoFocus
              value={form.subject}
              disabled={isPending}
              aria-invalid={!!shown.subject || undefined}
              onChange={(event) => set("subject", event.target.value)}
            />
          </FormField>
          <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
            <FormField id="crm-ticket-create-category" label={t("ticket.properties.category")}>
              <Select value={form.category} disabled={isPending} onValueChange={(next) => set("category", next as TicketCategory)}>
                <Select.Trigger id="crm-ticket-create-category">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {TICKET_CATEGORY_OPTIONS.map((category) => (
                    <Select.Item key={category} value={category}>
                      {ticketCategoryLabel(category, t)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField id="crm-ticket-create-priority" label={t("ticket.properties.priority")}>
              <Select
                value={form.priority ?? DEFAULT_PRIORITY}
                disabled={isPending}
                onValueChange={(next) => set("priority", isTicketPriority(next) ? next : null)}
              >
                <Select.Trigger id="crm-ticket-create-priority">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={DEFAULT_PRIORITY}>{t("ticketCreate.defaultPriority")}</Select.Item>
                  {TICKET_PRIORITY_OPTIONS.map((priority) => (
                    <Select.Item key={priority} value={priority}>
                      {ticketPriorityLabel(priority, t)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
          </div>
          <FormField
            id="crm-ticket-create-message"
            label={t("ticketCreate.message")}
            hint={t("ticketCreate.messageHint")}
            error={shown.message}
          >
            <Textarea
              id="crm-ticket-create-message"
              rows={6}
              value={form.message}
              disabled={isPending}
              aria-invalid={!!shown.message || undefined}
              aria-describedby="crm-ticket-create-message-hint"
              onChange={(event) => set("message", event.target.value)}
            />
          </FormField>
          {error ? <FailureAlert title={t("ticketCreate.failed")} message={error.message} /> : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("ticket.cancel")}
        submitLabel={t("ticketCreate.submit")}
      />
    </>
  )
}
