import {
  Container,
  DataTable,
  Heading,
  Input,
  Label,
  Select,
  Skeleton,
  Tabs,
  Text,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react"
import { Link, useSearchParams } from "react-router-dom"
import type { ResultInterval, SurveyDTO, SurveyResultsDTO, SurveyTextAnswer } from "../../types/surveys"
import { useSurveyResults } from "../hooks/surveys"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { customerName } from "../lib/reviews"
import {
  BAND_FILLS,
  DEFAULT_PRESET_DAYS,
  RESULT_PRESETS,
  formatNps,
  formatRate,
  formatScore,
  isDateInput,
  lastDays,
  presetOf,
  questionTypeLabel,
  scoreBand,
} from "../lib/surveys"
import { DataTableBody } from "./data-table-body"
import { LoadError } from "./load-error"
import { DistributionChart, HorizontalBars, NpsBreakdownBar, TrendChart } from "./survey-charts"
import { SurveyScoreBadge } from "./survey-badges"

const ANSWERS_PAGE_SIZE = 10
const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
/** Radix's Select has no empty value: this one stands for a period typed in. */
const CUSTOM = "custom"

type Period = { from: string; to: string; interval: ResultInterval }

const defaultPeriod = (): Period => ({ ...lastDays(DEFAULT_PRESET_DAYS), interval: "week" })

/** The period in the address (`?from=2025-01-01&to=2025-03-31&interval=month`), so a view can be linked to. */
const usePeriod = () => {
  const [params, setParams] = useSearchParams()
  const period = useMemo<Period>(() => {
    const fallback = defaultPeriod()
    const from = params.get("from")
    const to = params.get("to")
    const interval = params.get("interval")
    return {
      from: isDateInput(from) ? from : fallback.from,
      to: isDateInput(to) ? to : fallback.to,
      interval: interval === "month" || interval === "week" ? interval : fallback.interval,
    }
  }, [params])
  const latest = useRef(period)
  latest.current = period

  const update = useCallback(
    (changes: Partial<Period>) => {
      const next = { ...latest.current, ...changes }
      latest.current = next
      setParams({ from: next.from, to: next.to, interval: next.interval }, { replace: true })
    },
    [setParams]
  )
  return [period, update] as const
}

/**
 * A survey's results for a period: invitations, responses, response rate,
 * NPS or CSAT, the distribution, the trend by week or month, the ticket CSAT
 * of the same period alongside, the per-question summary of custom surveys
 * and the free-text answers, newest first.
 */
export const SurveyResults = ({ survey }: { survey: SurveyDTO }) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const [period, setPeriod] = usePeriod()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: ANSWERS_PAGE_SIZE })
  const invalid = period.from > period.to

  const { results, isPending, isError, error, refetch, isFetching } = useSurveyResults(invalid ? "" : survey.id, {
    from: period.from,
    to: period.to,
    interval: period.interval,
    answers_offset: pagination.pageIndex * pagination.pageSize,
    answers_limit: pagination.pageSize,
  })

  const changePeriod = (changes: Partial<Period>) => {
    setPeriod(changes)
    setPagination((previous) => ({ ...previous, pageIndex: 0 }))
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-3 px-6 py-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("surveyResults.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("surveyResults.description")}
          </Text>
        </div>
        <PeriodPicker period={period} invalid={invalid} onChange={changePeriod} i18n={i18n} />
      </Container>
      {isPending && !invalid ? (
        <ResultsSkeleton label={t("surveyResults.loading")} />
      ) : isError && !results ? (
        <Container className="p-0">
          <LoadError
            title={t("surveyResults.loadFailed")}
            error={error}
            retryLabel={t("loyalty.retry")}
            retrying={isFetching}
            onRetry={() => refetch()}
          />
        </Container>
      ) : results ? (
        <ResultsBody
          survey={survey}
          results={results}
          pagination={pagination}
          onPaginationChange={setPagination}
          loading={isFetching}
          i18n={i18n}
        />
      ) : null}
    </div>
  )
}

const PeriodPicker = ({
  period,
  invalid,
  onChange,
  i18n: { t },
}: {
  period: Period
  invalid: boolean
  onChange: (changes: Partial<Period>) => void
  i18n: CrmTranslation
}) => {
  const preset = presetOf(period)
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="crm-survey-results-preset" className="text-ui-fg-subtle">
            {t("surveyResults.period")}
          </Label>
          <Select
            size="small"
            value={preset ? String(preset) : CUSTOM}
            onValueChange={(next) => {
              const chosen = RESULT_PRESETS.find((option) => String(option.days) === next)
              if (chosen) onChange({ ...lastDays(chosen.days), interval: chosen.interval })
            }}
          >
            <Select.Trigger id="crm-survey-results-preset" className="w-40">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RESULT_PRESETS.map((option) => (
                <Select.Item key={option.days} value={String(option.days)}>
                  {t("ticketStats.lastDays", { days: option.days })}
                </Select.Item>
              ))}
              <Select.Item value={CUSTOM}>{t("surveyResults.customPeriod")}</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="crm-survey-results-from" className="text-ui-fg-subtle">
            {t("surveyResults.from")}
          </Label>
          <Input
            id="crm-survey-results-from"
            type="date"
            size="small"
            value={period.from}
            max={period.to}
            aria-invalid={invalid || undefined}
            onChange={(event) => isDateInput(event.target.value) && onChange({ from: event.target.value })}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="crm-survey-results-to" className="text-ui-fg-subtle">
            {t("surveyResults.to")}
          </Label>
          <Input
            id="crm-survey-results-to"
            type="date"
            size="small"
            value={period.to}
            min={period.from}
            aria-invalid={invalid || undefined}
            onChange={(event) => isDateInput(event.target.value) && onChange({ to: event.target.value })}
          />
        </div>
        <Tabs value={period.interval} onValueChange={(next) => onChange({ interval: next === "month" ? "month" : "week" })}>
          <Tabs.List aria-label={t("surveyResults.interval")}>
            <Tabs.Trigger value="week">{t("surveyResults.byWeek")}</Tabs.Trigger>
            <Tabs.Trigger value="month">{t("surveyResults.byMonth")}</Tabs.Trigger>
          </Tabs.List>
        </Tabs>
      </div>
      {invalid ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {t("surveyResults.invalidPeriod")}
        </Text>
      ) : null}
    </div>
  )
}

const ResultsBody = ({
  survey,
  results,
  pagination,
  onPaginationChange,
  loading,
  i18n,
}: {
  survey: SurveyDTO
  results: SurveyResultsDTO
  pagination: DataTablePaginationState
  onPaginationChange: (state: DataTablePaginationState) => void
  loading: boolean
  i18n: CrmTranslation
}) => {
  const { t, locale, formatNumber } = i18n
  const scored = survey.type === "nps" || survey.type === "csat" ? survey.type : null
  const ticket = results.ticket_csat

  return (
    <div className={`flex flex-col gap-y-3 transition-opacity ${loading ? "opacity-70" : ""}`} aria-busy={loading}>
      <Container className="p-0">
        <div className="grid grid-cols-2 divide-y md:grid-cols-5 md:divide-y-0">
          <Kpi label={t("surveyResults.invitations")} value={formatNumber(results.invitations)} />
          <Kpi label={t("surveyResults.responses")} value={formatNumber(results.responses)} />
          <Kpi label={t("surveyResults.responseRate")} value={formatRate(results.response_rate, locale)} />
          {scored === "nps" ? (
            <Kpi
              label={t("surveyResults.nps")}
              value={results.nps == null ? "-" : formatNps(results.nps, locale)}
              tone={results.nps == null ? undefined : results.nps > 0 ? "good" : results.nps < 0 ? "bad" : undefined}
              hint={t("surveyResults.npsHint")}
            />
          ) : scored === "csat" ? (
            <Kpi
              label={t("surveyResults.csat")}
              value={results.csat == null ? "-" : `${formatScore(results.csat, locale)} / 5`}
              tone={results.csat == null ? undefined : scoreBand("csat", Math.round(results.csat)) === "good" ? "good" : scoreBand("csat", Math.round(results.csat)) === "bad" ? "bad" : undefined}
              hint={t("surveyResults.csatHint")}
            />
          ) : (
            <Kpi label={t("surveyResults.answers")} value={formatNumber(results.answers_count)} hint={t("surveyResults.answersHint")} />
          )}
          <Kpi
            label={t("surveyResults.ticketCsat")}
            value={ticket.average == null ? "-" : `${formatScore(ticket.average, locale)} / 5`}
            hint={ticket.ratings === 1 ? t("ticketStats.rating") : t("ticketStats.ratings", { count: formatNumber(ticket.ratings) })}
          />
        </div>
        {scored === "nps" && results.nps_breakdown ? (
          <div className="border-t px-6 py-4">
            <NpsBreakdownBar breakdown={results.nps_breakdown} i18n={i18n} />
          </div>
        ) : null}
      </Container>

      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {scored && results.distribution.length ? (
          <ChartCard title={t("surveyResults.distribution")} hint={t(scored === "nps" ? "surveyResults.distributionHintNps" : "surveyResults.distributionHintCsat")}>
            <DistributionChart type={scored} distribution={results.distribution} i18n={i18n} />
          </ChartCard>
        ) : null}
        <ChartCard title={t("surveyResults.trend")} hint={t(results.interval === "month" ? "surveyResults.trendHintMonth" : "surveyResults.trendHintWeek")}>
          {results.trend.length ? (
            <TrendChart type={survey.type} interval={results.interval} trend={results.trend} i18n={i18n} />
          ) : (
            <Text size="small" className="text-ui-fg-muted">
              {t("surveyResults.noResponses")}
            </Text>
          )}
        </ChartCard>
        {!scored ? <TicketCsatCard results={results} i18n={i18n} /> : null}
      </div>

      {results.questions?.length ? <QuestionSummaries results={results} i18n={i18n} /> : null}
      {scored ? <TicketCsatCard results={results} i18n={i18n} /> : null}

      <AnswersTable survey={survey} results={results} pagination={pagination} onPaginationChange={onPaginationChange} i18n={i18n} />
    </div>
  )
}

const Kpi = ({ label, value, hint, tone }: { label: string; value: ReactNode; hint?: string; tone?: "good" | "bad" }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text
      size="xlarge"
      weight="plus"
      leading="compact"
      className={`tabular-nums ${tone === "good" ? "text-ui-tag-green-text" : tone === "bad" ? "text-ui-fg-error" : "text-ui-fg-base"}`}
    >
      {value}
    </Text>
    {hint ? (
      <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
        {hint}
      </Text>
    ) : null}
  </div>
)

const ChartCard = ({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4">
    <div className="flex flex-col gap-y-0.5">
      <Heading level="h3">{title}</Heading>
      {hint ? (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
    {children}
  </Container>
)

/** The CSAT customers gave resolved tickets in the same period, beside the survey's own numbers. */
const TicketCsatCard = ({ results, i18n }: { results: SurveyResultsDTO; i18n: CrmTranslation }) => {
  const { t, locale, formatNumber } = i18n
  const ticket = results.ticket_csat
  const rows = [...ticket.distribution]
    .sort((a, b) => b.score - a.score)
    .map((row) => ({ key: String(row.score), label: `${row.score} \u2605`, value: row.responses, fill: BAND_FILLS[scoreBand("csat", row.score)] }))
  return (
    <ChartCard title={t("surveyResults.ticketCsatTitle")} hint={t("surveyResults.ticketCsatHint")}>
      <div className="flex items-baseline gap-x-2">
        <Text size="xlarge" weight="plus" leading="compact" className="tabular-nums">
          {ticket.average == null ? "-" : `${formatScore(ticket.average, locale)} / 5`}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {ticket.ratings === 1 ? t("ticketStats.rating") : t("ticketStats.ratings", { count: formatNumber(ticket.ratings) })}
        </Text>
      </div>
      {ticket.ratings ? <HorizontalBars rows={rows} label={t("surveyResults.ticketCsatTitle")} i18n={i18n} /> : null}
    </ChartCard>
  )
}

/** Custom surveys: each question's average (ratings) or the count of each option (choices). */
const QuestionSummaries = ({ results, i18n }: { results: SurveyResultsDTO; i18n: CrmTranslation }) => {
  const { t, locale, formatNumber } = i18n
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h3">{t("surveyResults.questions")}</Heading>
      </div>
      {results.questions?.map((question) => (
        <section key={question.question_id} className="flex flex-col gap-y-3 px-6 py-4" aria-label={question.label}>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base break-words">
              {question.label}
            </Text>
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted whitespace-nowrap">
              {`${questionTypeLabel(question.type, t)} \u00b7 ${t("surveyResults.responsesCount", { count: formatNumber(question.responses) })}`}
            </Text>
          </div>
          {question.options?.length ? (
            <HorizontalBars
              rows={question.options.map((option) => ({ key: option.option, label: option.option, value: option.responses }))}
              label={question.label}
              i18n={i18n}
            />
          ) : question.average !== undefined ? (
            <Text size="large" weight="plus" leading="compact" className="tabular-nums">
              {question.average == null ? "-" : t("surveyResults.average", { value: formatScore(question.average, locale) })}
            </Text>
          ) : question.type === "text" ? (
            <Text size="small" className="text-ui-fg-subtle">
              {t("surveyResults.textBelow")}
            </Text>
          ) : null}
        </section>
      ))}
    </Container>
  )
}

const columnHelper = createDataTableColumnHelper<SurveyTextAnswer>()

/** The free-text answers with their question, score, customer and date, newest first, paged by the server. */
const AnswersTable = ({
  survey,
  results,
  pagination,
  onPaginationChange,
  i18n,
}: {
  survey: SurveyDTO
  results: SurveyResultsDTO
  pagination: DataTablePaginationState
  onPaginationChange: (state: DataTablePaginationState) => void
  i18n: CrmTranslation
}) => {
  const { t, formatDateTime } = i18n
  const columns = useMemo(
    () => [
      columnHelper.accessor("text", {
        header: t("surveyResults.column.answer"),
        cell: ({ row }) => (
          <div className="flex min-w-[240px] max-w-[520px] flex-col gap-y-0.5 whitespace-normal py-2">
            {row.original.question_label ? (
              <span className="text-ui-fg-muted txt-compact-xsmall">{row.original.question_label}</span>
            ) : null}
            <span className="text-ui-fg-base whitespace-pre-wrap break-words">{row.original.text}</span>
          </div>
        ),
      }),
      columnHelper.accessor("score", {
        header: t("surveyResults.column.score"),
        cell: ({ getValue }) => {
          const score = getValue()
          return score == null ? <span className="text-ui-fg-muted">-</span> : survey.type === "custom" ? score : <SurveyScoreBadge type={survey.type} score={score} t={t} />
        },
      }),
      columnHelper.display({
        id: "customer",
        header: t("surveyResults.column.customer"),
        cell: ({ row }) => {
          const { customer, customer_id } = row.original
          const name = customerName(customer) || customer?.email || customer_id
          return (
            <Link
              to={`/customers/${encodeURIComponent(customer_id)}`}
              className={`${LINK_CLASS} block max-w-[200px] truncate`}
              onClick={(event) => event.stopPropagation()}
            >
              {name}
            </Link>
          )
        },
      }),
      columnHelper.accessor("created_at", {
        header: t("surveyResults.column.date"),
        cell: ({ getValue }) => (
          <time dateTime={String(getValue())} className="whitespace-nowrap">
            {formatDateTime(getValue())}
          </time>
        ),
      }),
    ],
    [t, formatDateTime, survey.type]
  )

  const table = useDataTable({
    columns,
    data: results.answers,
    rowCount: results.answers_count,
    getRowId: (answer) => `${answer.response_id}:${answer.question_id}`,
    pagination: { state: pagination, onPaginationChange },
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start gap-y-0.5 px-6 py-4">
          <Heading level="h3">{t("surveyResults.answersTitle")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("surveyResults.answersDescription")}
          </Text>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={false}
          loadFailedTitle=""
          retrying={false}
          onRetry={() => {}}
          emptyState={{
            empty: { heading: t("surveyResults.noAnswers.heading"), description: t("surveyResults.noAnswers.description") },
            filtered: { heading: t("surveyResults.noAnswers.heading"), description: t("surveyResults.noAnswers.description") },
          }}
        />
      </DataTable>
    </Container>
  )
}

const ResultsSkeleton = ({ label }: { label: string }) => (
  <Container className="p-0">
    <div className="grid grid-cols-2 gap-6 px-6 py-4 md:grid-cols-5" role="status" aria-busy="true" aria-label={label}>
      {[0, 1, 2, 3, 4].map((key) => (
        <div key={key} className="flex flex-col gap-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-16" />
        </div>
      ))}
    </div>
    <div className="border-t px-6 py-4">
      <Skeleton className="h-48 w-full" />
    </div>
  </Container>
)
