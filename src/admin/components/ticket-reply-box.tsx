import { Alert, Button, Container, Hint, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react"
import { useAddTicketMessage, type AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { placeholderToken } from "../lib/tickets"
import { FailureAlert } from "./failure-alert"
import { TicketMacroMenu } from "./ticket-macro-menu"

/**
 * Below the conversation: a reply to the customer (e-mailed to them) or,
 * with "Internal note" on, a note only staff see. "Insert canned response"
 * puts a macro, filled in for this ticket, where the cursor is, and warns
 * about placeholders that had no value. Ctrl/⌘+Enter sends.
 */
export const TicketReplyBox = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t } = i18n
  const [text, setText] = useState("")
  const [internal, setInternal] = useState(false)
  const [missing, setMissing] = useState<string[]>([])
  const [showErrors, setShowErrors] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)
  // A double click sends twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useAddTicketMessage()

  const trimmed = text.trim()
  const empty = showErrors && !trimmed

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
      await mutateAsync({ id: ticket.id, body: trimmed, internal })
    } catch {
      // Shown below the box from the mutation's `error`; the text stays.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(internal ? t("ticket.reply.noteAdded") : t("ticket.reply.sent"))
    setText("")
    setMissing([])
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
              disabled={isPending}
              onCheckedChange={(checked) => {
                setInternal(checked)
                if (error) reset()
              }}
            />
            <Label htmlFor="crm-ticket-reply-internal" size="small">
              {t("ticket.reply.internal")}
            </Label>
          </div>
          <Button type="submit" size="small" variant={internal ? "secondary" : "primary"} isLoading={isPending}>
            {internal ? t("ticket.reply.addNote") : t("ticket.reply.send")}
          </Button>
        </div>
      </form>
    </Container>
  )
}
