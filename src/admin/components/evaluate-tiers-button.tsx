import { ArrowPath } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useRef } from "react"
import { useEvaluateLoyaltyTiers } from "../hooks/tiers"
import type { CrmTranslation } from "../lib/i18n"

/**
 * "Re-evaluate now": re-scores every member against the ladder at once
 * (instead of waiting for the scheduled pass) and says what moved.
 */
export const EvaluateTiersButton = ({ i18n }: { i18n: CrmTranslation }) => {
  const { t, formatNumber } = i18n
  const { mutateAsync, isPending } = useEvaluateLoyaltyTiers()
  // A double click starts two passes before `isPending` re-renders; this does not.
  const inFlight = useRef(false)

  const onClick = async () => {
    if (inFlight.current) {
      return
    }
    inFlight.current = true
    try {
      const { evaluation } = await mutateAsync()
      toast.success(t("tiers.evaluate.done"), {
        description: t("tiers.evaluate.counts", {
          upgraded: formatNumber(evaluation.upgraded),
          downgraded: formatNumber(evaluation.downgraded),
          graceStarted: formatNumber(evaluation.grace_started),
          graceCleared: formatNumber(evaluation.grace_cleared),
        }),
      })
    } catch (e) {
      toast.error(t("tiers.evaluate.failed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    } finally {
      inFlight.current = false
    }
  }

  return (
    <Button size="small" variant="secondary" isLoading={isPending} onClick={onClick}>
      <ArrowPath />
      {t("tiers.evaluate.button")}
    </Button>
  )
}
