import {
  Button,
  Drawer,
  Hint,
  Input,
  Label,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useRef, useState, type FormEvent } from "react"
import { useAdjustLoyaltyPoints } from "../hooks/loyalty"
import type { CrmTranslation } from "../lib/i18n"
import { newIdempotencyKey } from "../lib/idempotency"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"

/** The same bounds as the adjustments route's validator. */
const MAX_POINTS = 1_000_000
const REASON_MIN = 3
const REASON_MAX = 500

const FORM_ID = "crm-adjust-points-form"

/** A signed whole number (ASCII or typographic minus), or null. */
const parsePoints = (text: string): number | null => {
  const normalized = text.trim().replace(/^\u2212/, "-")
  if (!/^[+-]?\d+$/.test(normalized)) {
    return null
  }
  const value = Number(normalized)
  if (!Number.isSafeInteger(value) || value === 0 || Math.abs(value) > MAX_POINTS) {
    return null
  }
  return value
}

type AdjustPointsDrawerProps = {
  customerId: string
  /** Spendable points now, for the preview and the early warning. */
  availablePoints: number
  i18n: CrmTranslation
}

/**
 * "Adjust points": a drawer with a signed amount and a mandatory reason.
 * One `Idempotency-Key` per submission: a double click or a retry of the
 * same values reuses it (the server posts once); changed values get a new one.
 */
export const AdjustPointsDrawer = ({
  customerId,
  availablePoints,
  i18n,
}: AdjustPointsDrawerProps) => {
  const { t, formatNumber } = i18n
  const [open, setOpen] = useState(false)
  const [pointsText, setPointsText] = useState("")
  const [reason, setReason] = useState("")
  const [showErrors, setShowErrors] = useState(false)
  const idempotencyKey = useRef(newIdempotencyKey())
  // A double click submits twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)

  const { mutateAsync, isPending, error, reset } = useAdjustLoyaltyPoints(customerId)

  const points = parsePoints(pointsText)
  const trimmedReason = reason.trim()
  const reasonValid =
    trimmedReason.length >= REASON_MIN && trimmedReason.length <= REASON_MAX
  const pointsError = showErrors && points === null
  const reasonError = showErrors && !reasonValid
  const after = points === null ? null : availablePoints + points

  const resetForm = () => {
    setPointsText("")
    setReason("")
    setShowErrors(false)
    idempotencyKey.current = newIdempotencyKey()
    reset()
  }

  const onOpenChange = (next: boolean) => {
    if (isPending) {
      return
    }
    if (next) {
      resetForm()
    }
    setOpen(next)
  }

  /** New values are a new submission; clears a stale server message too. */
  const edited = () => {
    idempotencyKey.current = newIdempotencyKey()
    if (error) {
      reset()
    }
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (points === null || !reasonValid) {
      return
    }
    inFlight.current = true
    try {
      await mutateAsync({
        points,
        reason: trimmedReason,
        idempotency_key: idempotencyKey.current,
      })
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(
      points > 0
        ? t("adjust.added", { points: formatNumber(points) })
        : t("adjust.deducted", { points: formatNumber(Math.abs(points)) })
    )
    setOpen(false)
    resetForm()
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          {t("adjust.button")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("adjust.title")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <Drawer.Description className="txt-small text-ui-fg-subtle">
            {t("adjust.description")}
          </Drawer.Description>
          <form
            id={FORM_ID}
            noValidate
            onSubmit={onSubmit}
            className="flex flex-col gap-y-6"
          >
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="crm-adjust-points" size="small" weight="plus">
                {t("adjust.points.label")}
              </Label>
              <Input
                id="crm-adjust-points"
                type="number"
                step={1}
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={pointsText}
                aria-invalid={pointsError || undefined}
                aria-describedby="crm-adjust-points-hint"
                onChange={(event) => {
                  setPointsText(event.target.value)
                  edited()
                }}
              />
              <Hint id="crm-adjust-points-hint" variant={pointsError ? "error" : "info"}>
                {pointsError ? t("adjust.validation.points") : t("adjust.points.hint")}
              </Hint>
              {after !== null ? (
                after < 0 ? (
                  <Hint variant="error">
                    {t("adjust.exceeds", { points: formatNumber(availablePoints) })}
                  </Hint>
                ) : (
                  <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
                    {t("adjust.preview", { points: formatNumber(after) })}
                  </Text>
                )
              ) : null}
            </div>
            <div className="flex flex-col gap-y-2">
              <div className="flex items-baseline justify-between gap-x-2">
                <Label htmlFor="crm-adjust-reason" size="small" weight="plus">
                  {t("adjust.reason.label")}
                </Label>
                <Text
                  size="xsmall"
                  leading="compact"
                  className={
                    trimmedReason.length > REASON_MAX
                      ? "text-ui-fg-error tabular-nums"
                      : "text-ui-fg-muted tabular-nums"
                  }
                >
                  {t("adjust.reason.count", {
                    count: trimmedReason.length,
                    max: REASON_MAX,
                  })}
                </Text>
              </div>
              <Textarea
                id="crm-adjust-reason"
                rows={4}
                value={reason}
                placeholder={t("adjust.reason.placeholder")}
                aria-invalid={reasonError || undefined}
                aria-describedby="crm-adjust-reason-hint"
                onChange={(event) => {
                  setReason(event.target.value)
                  edited()
                }}
              />
              <Hint id="crm-adjust-reason-hint" variant={reasonError ? "error" : "info"}>
                {reasonError ? t("adjust.validation.reason") : t("adjust.reason.hint")}
              </Hint>
            </div>
            {error ? (
              <FailureAlert title={t("adjust.failed")} message={error.message} />
            ) : null}
          </form>
        </Drawer.Body>
        <DrawerFormFooter
          formId={FORM_ID}
          isPending={isPending}
          cancelLabel={t("adjust.cancel")}
          submitLabel={t("adjust.submit")}
        />
      </Drawer.Content>
    </Drawer>
  )
}
