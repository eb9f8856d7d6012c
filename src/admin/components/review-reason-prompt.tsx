import { Button, Hint, Label, Prompt, Text, Textarea } from "@medusajs/ui"
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react"
import type { CrmTranslation } from "../lib/i18n"

/** The moderation reason's bound (kept in the history and shown to the customer). */
export const REASON_MAX = 1000

/** The actions that ask for a reason. */
export type ReasonAction = "reject" | "flag"

type Ask = {
  action: ReasonAction
  /** How many reviews it applies to (a bulk action), for the title. */
  count: number
}

type Pending = Ask & {
  /** One per question, so each opens with an empty field. */
  seq: number
  resolve: (reason: string | null) => void
}

/**
 * "Reject/Flag the review?" with an optional reason, as a promise:
 * `ask({ action, count })` resolves with the trimmed reason ("" for none),
 * or null when cancelled. Render `prompt` once; `isOpen` tells callers (the
 * bulk commands' keyboard shortcuts) that a prompt is on screen.
 */
export const useReasonPrompt = (i18n: CrmTranslation) => {
  const [pending, setPending] = useState<Pending | null>(null)
  const pendingRef = useRef<Pending | null>(null)
  const seq = useRef(0)

  const settle = useCallback((reason: string | null) => {
    const current = pendingRef.current
    pendingRef.current = null
    setPending(null)
    current?.resolve(reason)
  }, [])

  const ask = useCallback((options: Ask) => {
    // A second question while one is open answers the first with "cancel".
    pendingRef.current?.resolve(null)
    return new Promise<string | null>((resolve) => {
      seq.current += 1
      const next = { ...options, seq: seq.current, resolve }
      pendingRef.current = next
      setPending(next)
    })
  }, [])

  const prompt: ReactNode = (
    <ReasonPromptDialog
      // A fresh, empty field for every question.
      key={pending ? pending.seq : 0}
      pending={pending}
      onSettle={settle}
      i18n={i18n}
    />
  )

  const isOpen = useCallback(() => pendingRef.current !== null, [])

  return { ask, prompt, isOpen }
}

const ReasonPromptDialog = ({
  pending,
  onSettle,
  i18n,
}: {
  pending: Ask | null
  onSettle: (reason: string | null) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const [reason, setReason] = useState("")
  const trimmed = reason.trim()
  const tooLong = [...trimmed].length > REASON_MAX
  const action = pending?.action ?? "reject"
  const many = (pending?.count ?? 1) > 1

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // Keeps the submit inside the prompt: the drawer or page around it has forms too.
    event.stopPropagation()
    if (!tooLong) {
      onSettle(trimmed)
    }
  }

  return (
    <Prompt
      open={!!pending}
      variant={action === "reject" ? "danger" : "confirmation"}
      onOpenChange={(open) => (open ? undefined : onSettle(null))}
    >
      <Prompt.Content>
        <form noValidate onSubmit={onSubmit}>
          <Prompt.Header>
            <Prompt.Title>
              {action === "reject"
                ? many
                  ? t("reviewReason.rejectTitleMany", { count: pending?.count ?? 0 })
                  : t("reviewReason.rejectTitle")
                : many
                  ? t("reviewReason.flagTitleMany", { count: pending?.count ?? 0 })
                  : t("reviewReason.flagTitle")}
            </Prompt.Title>
            <Prompt.Description>
              {action === "reject"
                ? t("reviewReason.rejectDescription")
                : t("reviewReason.flagDescription")}
            </Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pt-4">
            <div className="flex items-baseline justify-between gap-x-2">
              <Label htmlFor="crm-review-reason" size="small" weight="plus">
                {t("reviewReason.label")}
              </Label>
              <Text
                size="xsmall"
                leading="compact"
                className={tooLong ? "text-ui-fg-error tabular-nums" : "text-ui-fg-muted tabular-nums"}
              >
                {t("reviewReason.count", { count: [...trimmed].length, max: REASON_MAX })}
              </Text>
            </div>
            <Textarea
              id="crm-review-reason"
              rows={3}
              autoFocus
              value={reason}
              placeholder={t("reviewReason.placeholder")}
              aria-invalid={tooLong || undefined}
              aria-describedby="crm-review-reason-hint"
              onChange={(event) => setReason(event.target.value)}
            />
            <Hint id="crm-review-reason-hint" variant={tooLong ? "error" : "info"}>
              {tooLong
                ? t("reviewReason.tooLong", { max: REASON_MAX })
                : t("reviewReason.hint", { max: REASON_MAX })}
            </Hint>
          </div>
          <Prompt.Footer>
            <Prompt.Cancel>{t("reviewReason.cancel")}</Prompt.Cancel>
            <Button
              size="small"
              type="submit"
              variant={action === "reject" ? "danger" : "primary"}
              disabled={tooLong}
            >
              {action === "reject" ? t("reviewReason.reject") : t("reviewReason.flag")}
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
