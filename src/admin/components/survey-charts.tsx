import { Text } from "@medusajs/ui"
import type { ResultInterval } from "../../types/surveys"
import type { CrmTranslation } from "../lib/i18n"
import {
  BAND_FILLS,
  SCORE_AXES,
  formatNps,
  formatScore,
  npsShares,
  periodLabel,
  scaleBars,
  scoreBand,
  trendLayout,
  type TrendPoint,
} from "../lib/surveys"

/*
 * Hand-drawn charts (CSS bars and a small SVG): no chart library, no assets.
 * Colours are the dashboard theme's variables, so dark mode follows.
 */

/** Responses per score as columns, coloured by band (detractors red, passives orange, promoters green). */
export const DistributionChart = ({
  type,
  distribution,
  i18n: { t, formatNumber },
}: {
  type: "nps" | "csat"
  distribution: { score: number; responses: number }[]
  i18n: CrmTranslation
}) => {
  const { shares } = scaleBars(distribution.map((row) => row.responses))
  return (
    <div className="flex h-48 items-end gap-x-1.5" role="list" aria-label={t("surveyResults.distribution")}>
      {distribution.map((row, index) => (
        <div
          key={row.score}
          role="listitem"
          aria-label={t("surveyResults.scoreResponses", { score: row.score, count: formatNumber(row.responses) })}
          className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-y-1"
        >
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums">
            {formatNumber(row.responses)}
          </Text>
          <div className="bg-ui-bg-component relative w-full flex-1 overflow-hidden rounded-md">
            <div
              className="absolute inset-x-0 bottom-0 rounded-md"
              style={{ height: `${shares[index] * 100}%`, background: BAND_FILLS[scoreBand(type, row.score)] }}
            />
          </div>
          <Text size="xsmall" leading="compact" weight="plus" className="text-ui-fg-base tabular-nums">
            {row.score}
          </Text>
        </div>
      ))}
    </div>
  )
}

/** One bar split into promoters, passives and detractors, with their shares below. */
export const NpsBreakdownBar = ({
  breakdown,
  i18n: { t, locale, formatNumber },
}: {
  breakdown: { promoters: number; passives: number; detractors: number }
  i18n: CrmTranslation
}) => {
  const shares = npsShares(breakdown)
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })
  const parts = [
    { key: "promoters", label: t("surveys.band.promoters"), count: breakdown.promoters, share: shares.promoters, fill: BAND_FILLS.good },
    { key: "passives", label: t("surveys.band.passives"), count: breakdown.passives, share: shares.passives, fill: BAND_FILLS.neutral },
    { key: "detractors", label: t("surveys.band.detractors"), count: breakdown.detractors, share: shares.detractors, fill: BAND_FILLS.bad },
  ]
  return (
    <div className="flex flex-col gap-y-2">
      <div className="bg-ui-bg-component flex h-2 w-full overflow-hidden rounded-full" aria-hidden>
        {parts.map((part) => (
          <div key={part.key} style={{ width: `${part.share * 100}%`, background: part.fill }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {parts.map((part) => (
          <li key={part.key} className="flex items-center gap-x-1.5">
            <span className="h-2 w-2 rounded-full" style={{ background: part.fill }} aria-hidden />
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums">
              {`${part.label} ${formatNumber(part.count)} (${percent.format(part.share)})`}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}

const WIDTH = 640
const LEFT = 40
const RIGHT = 8
const SCORE_TOP = 10
const SCORE_BOTTOM = 140
const BARS_TOP = 172
const BARS_BOTTOM = 220
const HEIGHT = 244

/**
 * The trend: the period's NPS or CSAT as a line over the responses as bars,
 * one band per week or month. A custom survey (no score) shows the bars
 * only. The numbers are also in a table for screen readers.
 */
export const TrendChart = ({
  type,
  interval,
  trend,
  i18n,
}: {
  type: "nps" | "csat" | "custom"
  interval: ResultInterval
  trend: TrendPoint[]
  i18n: CrmTranslation
}) => {
  const { t, locale, formatNumber } = i18n
  const axis = type === "custom" ? null : SCORE_AXES[type]
  const layout = trendLayout(trend, {
    left: LEFT,
    width: WIDTH - LEFT - RIGHT,
    scoreTop: axis ? SCORE_TOP : BARS_TOP,
    scoreBottom: axis ? SCORE_BOTTOM : BARS_TOP,
    // Without a score the bars take the whole height.
    barsTop: axis ? BARS_TOP : SCORE_TOP,
    barsBottom: BARS_BOTTOM,
    domain: axis ?? { min: 0, max: 1 },
    ticks: axis?.ticks ?? [],
  })
  const formatValue = (score: number) => (type === "nps" ? formatNps(score, locale) : formatScore(score, locale))

  return (
    <figure className="flex flex-col gap-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={t("surveyResults.trendAria")}
        style={{ fontFamily: "inherit" }}
      >
        {axis
          ? layout.scoreTicks.map((tick) => (
              <g key={tick.value}>
                <line
                  x1={LEFT}
                  x2={WIDTH - RIGHT}
                  y1={tick.y}
                  y2={tick.y}
                  style={{ stroke: "var(--border-base)" }}
                  strokeDasharray={tick.value === 0 && type === "nps" ? undefined : "3 3"}
                />
                <text x={LEFT - 6} y={tick.y} dy="0.32em" textAnchor="end" fontSize="10" style={{ fill: "var(--fg-muted)" }}>
                  {type === "nps" ? formatNps(tick.value, locale) : tick.value}
                </text>
              </g>
            ))
          : null}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={BARS_BOTTOM} y2={BARS_BOTTOM} style={{ stroke: "var(--border-base)" }} />
        {/* The top of the responses' own scale, below the score's. */}
        <line
          x1={LEFT}
          x2={WIDTH - RIGHT}
          y1={axis ? BARS_TOP : SCORE_TOP}
          y2={axis ? BARS_TOP : SCORE_TOP}
          style={{ stroke: "var(--border-base)" }}
          strokeDasharray="1 3"
        />
        <text x={LEFT - 6} y={axis ? BARS_TOP : SCORE_TOP} dy="0.32em" textAnchor="end" fontSize="10" style={{ fill: "var(--fg-muted)" }}>
          {formatNumber(layout.responsesTop)}
        </text>
        {layout.bands.map((band) => (
          <g key={band.period}>
            <rect
              x={band.center - layout.barWidth / 2}
              y={band.barY}
              width={layout.barWidth}
              height={Math.max(0, band.barHeight)}
              rx={2}
              style={{ fill: "var(--tag-blue-border)" }}
            >
              <title>{`${periodLabel(band.period, interval, locale)}: ${t("surveyResults.responsesCount", { count: formatNumber(band.responses) })}`}</title>
            </rect>
            {band.labelled ? (
              <text x={band.center} y={HEIGHT - 6} textAnchor="middle" fontSize="10" style={{ fill: "var(--fg-subtle)" }}>
                {periodLabel(band.period, interval, locale)}
              </text>
            ) : null}
          </g>
        ))}
        {layout.lines.map((d) => (
          <path key={d} d={d} fill="none" strokeWidth={2} strokeLinejoin="round" style={{ stroke: "var(--fg-interactive)" }} />
        ))}
        {layout.bands.map((band) =>
          band.scoreY != null && band.score != null ? (
            <circle key={`dot-${band.period}`} cx={band.center} cy={band.scoreY} r={3.5} style={{ fill: "var(--fg-interactive)" }}>
              <title>{`${periodLabel(band.period, interval, locale)}: ${formatValue(band.score)}`}</title>
            </circle>
          ) : null
        )}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {axis ? (
          <span className="flex items-center gap-x-1.5">
            <span className="h-0.5 w-4 rounded-full" style={{ background: "var(--fg-interactive)" }} aria-hidden />
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
              {type === "nps" ? t("surveyResults.legendNps") : t("surveyResults.legendCsat")}
            </Text>
          </span>
        ) : null}
        <span className="flex items-center gap-x-1.5">
          <span className="h-2 w-2 rounded-sm" style={{ background: "var(--tag-blue-border)" }} aria-hidden />
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
            {t("surveyResults.legendResponses")}
          </Text>
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>{t("surveyResults.trend")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("surveyResults.period")}</th>
            {axis ? <th scope="col">{type === "nps" ? t("surveyResults.legendNps") : t("surveyResults.legendCsat")}</th> : null}
            <th scope="col">{t("surveyResults.legendResponses")}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.period}>
              <th scope="row">{periodLabel(point.period, interval, locale)}</th>
              {axis ? <td>{point.score == null ? "-" : formatValue(point.score)}</td> : null}
              <td>{formatNumber(point.responses)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** Horizontal bars, each as long as its share of the largest (choice questions, ticket ratings). */
export const HorizontalBars = ({
  rows,
  label,
  i18n: { formatNumber },
}: {
  rows: { key: string; label: string; value: number; fill?: string }[]
  label: string
  i18n: CrmTranslation
}) => {
  const largest = Math.max(0, ...rows.map((row) => row.value))
  return (
    <ul className="flex flex-col gap-y-2" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className="grid grid-cols-[minmax(0,10rem)_1fr_3rem] items-center gap-x-3">
          <Text size="small" leading="compact" className="text-ui-fg-subtle truncate" title={row.label}>
            {row.label}
          </Text>
          <div className="bg-ui-bg-component h-2 overflow-hidden rounded-full" role="img" aria-label={`${row.label}: ${formatNumber(row.value)}`}>
            <div
              className="h-full rounded-full"
              style={{ width: largest ? `${(row.value / largest) * 100}%` : "0%", background: row.fill ?? "var(--fg-interactive)" }}
            />
          </div>
          <Text size="small" leading="compact" className="text-ui-fg-base text-right tabular-nums">
            {formatNumber(row.value)}
          </Text>
        </li>
      ))}
    </ul>
  )
}
