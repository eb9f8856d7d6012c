import { Badge, StatusBadge } from "@medusajs/ui"
import type { SurveyType } from "../../types/surveys"
import type { CrmTranslation } from "../lib/i18n"
import { BAND_COLORS, scoreBand, scoreBandLabel, surveyTypeLabel } from "../lib/surveys"

/** Active (green) or inactive (grey). */
export const SurveyActiveBadge = ({ active, t }: { active: boolean; t: CrmTranslation["t"] }) => (
  <StatusBadge color={active ? "green" : "grey"}>{active ? t("surveys.active") : t("surveys.inactive")}</StatusBadge>
)

export const SurveyTypeBadge = ({ type, t }: { type: string; t: CrmTranslation["t"] }) => (
  <Badge size="2xsmall">{surveyTypeLabel(type, t)}</Badge>
)

/**
 * A score with its band: "9 · Promoter" (green), "5 · Detractor" (red), or
 * for CSAT "2 · Dissatisfied". Custom surveys have no score.
 */
export const SurveyScoreBadge = ({
  type,
  score,
  t,
}: {
  type: SurveyType | string
  score: number | null | undefined
  t: CrmTranslation["t"]
}) => {
  if (score == null || (type !== "nps" && type !== "csat")) {
    return null
  }
  return (
    <Badge size="2xsmall" color={BAND_COLORS[scoreBand(type, score)]} className="tabular-nums">
      {`${score}/${type === "nps" ? 10 : 5} \u00b7 ${scoreBandLabel(type, score, t)}`}
    </Badge>
  )
}
