import { Alert, Button, Container, Hint, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react"
import type { TicketStatus } from "../../types"
import { useAddTicketMessage, type AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { isTicketStatus, placeholderToken, ticketStatusLabel } from "../lib/tickets"
import { FailureAlert } from "./failure-alert"
import { TicketMacroMenu } from "./ticket-macro-menu"

/** The moves that usually go with a reply: now it's the customer's turn, or it's done. */
const STATUSES_WITH_REPLY: TicketStatus[] = ["pending_customer", "resolved"]

/** Radix's Select has no empty value: this one stands for "leave the status". */
const KEEP = "__keep__"

/**
 * Below the conversation: a reply to the customer (e-mailed to them) or,
 * with "Internal note" on, a note only staff see. "Insert canned response"
 * puts a macro, filled in for this ticket, where the cursor is, and warns
 * about placeholders that had no value. A reply can move the ticket at the
 * same time (to waiting on the customer, or resolved). Ctrl/⌘+Enter sends.
 */
export const TicketReplyBox = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t } = i18n
  const [text, setText] = useState("")
  const [internalChoice, setInternal] = useState(false)
  // A closed ticket takes internal notes only: the server refuses a reply to it.
  const notesOnly = ticket.status === "closed"
  const internal = notesOnly || internalChoice
  const [missing, setMissing] = useState<string[]>([])
  const [then, setThen] = useState<TicketStatus | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  // A double click sends twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useAddTicketMessage()

  const trimmed = text.trim()
  const empty = showErrors && !trimmed
  const nextStatuses = STATUSES_WITH_REPLY.filter((status) => ticket.allowed_statuses?.includes(status))
  // Only a public reply moves the ticket, and only where it may go from here.
  const status = !internal && then && nextStatuses.includes(then) ? then : undefined

  const insert = (body: string, missingPaths: string[]) => {
    const element = textarea.current
    const start = element?.selectionStart ?? text.length
    const end = element?.selectionEnd ?? text.length
    const next = text ? `${text.slice(0, start)}${body}${text.slice(end)}` : body
    setText(next)
    setMissing(missingPaths)
    if (error) reset()
    requestAnimationFrame(() => {
      const caret = text ? start + body.length : body.length
      element?.focus()
      element?.setSelectionRange(caret, caret)
    })
  }

  const send = async () => {
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (!trimmed) {
      return
    }
    inFlight.current = true
    try {
      await mutateAsync({ id: ticket.id, body: trimmed, internal, status })
    } catch {
      // Shown below the box from the mutation's `error`; the text stays.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(internal ? t("ticket.reply.noteAdded") : t("ticket.reply.sent"))
    setText("")
    setMissing([])
    setThen(null)
    setShowErrors(false)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void send()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      void send()
    }
  }

  return (
    <Container className="p-0">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Label htmlFor="crm-ticket-reply" size="small" weight="plus">
            {internal ? t("ticket.reply.noteLabel") : t("ticket.reply.label")}
          </Label>
          <TicketMacroMenu
            ticketId={ticket.id}
            category={ticket.category}
            disabled={isPending}
            onInsert={insert}
            i18n={i18n}
          />
        </div>
        <Textarea
          id="crm-ticket-reply"
          ref={textarea}
          rows={6}
          value={text}
          disabled={isPending}
          placeholder={internal ? t("ticket.reply.notePlaceholder") : t("ticket.reply.placeholder")}
          aria-invalid={empty || undefined}
          aria-describedby="crm-ticket-reply-hint"
          className={internal ? "bg-ui-tag-orange-bg" : undefined}
          onChange={(event) => {
            setText(event.target.value)
            if (error) reset()
          }}
          onKeyDown={onKeyDown}
        />
        <Hint id="crm-ticket-reply-hint" variant={empty ? "error" : "info"}>
          {empty ? t("ticket.reply.empty") : internal ? t("ticket.reply.noteHint") : t("ticket.reply.hint")}
        </Hint>
        {missing.length ? (
          <Alert variant="warning" dismissible={false}>
            <div className="flex flex-col gap-y-1">
              <Text size="small" weight="plus" leading="compact">
                {t("ticket.macros.missingTitle")}
              </Text>
              <Text size="small" className="break-words">
                {t("ticket.macros.missing", { placeholders: missing.map(placeholderToken).join(", ") })}
              </Text>
            </div>
          </Alert>
        ) : null}
        {error ? (
          <FailureAlert
            title={internal ? t("ticket.reply.noteFailed") : t("ticket.reply.failed")}
            message={error.message}
          />
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex items-center gap-x-2">
            <Switch
              id="crm-ticket-reply-internal"
              checked={internal}
              disabled={isPending || notesOnly}
              onCheckedChange={(checked) => {
                setInternal(checked)
                if (error) reset()
              }}
            />
            <Label htmlFor="crm-ticket-reply-internal" size="small">
              {t("ticket.reply.internal")}
            </Label>
          </div>
          <div className="flex items-center gap-x-2">
            {!internal && nextStatuses.length ? (
              <Select
                size="small"
                value={status ?? KEEP}
                disabled={isPending}
                onValueChange={(next) => setThen(isTicketStatus(next) ? next : null)}
              >
                <Select.Trigger aria-label={t("ticket.reply.then")} className="w-56">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={KEEP}>{t("ticket.reply.keepStatus")}</Select.Item>
                  {nextStatuses.map((next) => (
                    <Select.Item key={next} value={next}>
                      {t("ticket.reply.thenStatus", { status: ticketStatusLabel(next, t) })}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            ) : null}
            <Button type="submit" size="small" variant={internal ? "secondary" : "primary"} isLoading={isPending}>
              {internal ? t("ticket.reply.addNote") : t("ticket.reply.send")}
            </Button>
          </div>
        </div>
      </form>
    </Container>
  )
}
