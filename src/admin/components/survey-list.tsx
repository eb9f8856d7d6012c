import { Plus } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  Select,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import type { SurveyType } from "../../types/surveys"
import { useSurveys, type AdminSurveyListItem } from "../hooks/surveys"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import {
  SURVEY_TYPE_OPTIONS,
  formatRate,
  isSurveyType,
  responseRate,
  surveyTypeLabel,
  triggerSummary,
} from "../lib/surveys"
import { DataTableBody } from "./data-table-body"
import { SurveyActiveBadge, SurveyTypeBadge } from "./survey-badges"
import { SurveyBuilderModal } from "./survey-builder"

const PAGE_SIZE = 20

/** Radix's Select has no empty value: this one stands for "no filter". */
const ALL = "__all__"

type SurveyFilters = { type: SurveyType | null; active: boolean | null; q: string }

/** The filters in the address (`/surveys?type=nps&active=true`), so a filtered list can be linked to. */
const useSurveyFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo<SurveyFilters>(() => {
    const type = params.get("type")
    const active = params.get("active")
    return {
      type: isSurveyType(type) ? type : null,
      active: active === "true" ? true : active === "false" ? false : null,
      q: params.get("q") ?? "",
    }
  }, [params])
  const latest = useRef(filters)
  latest.current = filters

  const update = useCallback(
    (changes: Partial<SurveyFilters>) => {
      const next = { ...latest.current, ...changes }
      latest.current = next
      const written = new URLSearchParams()
      if (next.type) written.set("type", next.type)
      if (next.active !== null) written.set("active", String(next.active))
      if (next.q) written.set("q", next.q)
      setParams(written, { replace: true })
    },
    [setParams]
  )

  return [filters, update] as const
}

const columnHelper = createDataTableColumnHelper<AdminSurveyListItem>()

const useColumns = (i18n: CrmTranslation) => {
  const { t, locale, formatNumber } = i18n
  return useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("surveys.column.name"),
        cell: ({ getValue }) => <span className="text-ui-fg-base block max-w-[260px] truncate">{getValue()}</span>,
      }),
      columnHelper.accessor("type", {
        header: t("surveys.column.type"),
        cell: ({ getValue }) => <SurveyTypeBadge type={getValue()} t={t} />,
      }),
      columnHelper.display({
        id: "trigger",
        header: t("surveys.column.trigger"),
        cell: ({ row }) => <span className="whitespace-nowrap">{triggerSummary(row.original.trigger, t)}</span>,
      }),
      columnHelper.accessor("active", {
        header: t("surveys.column.status"),
        cell: ({ getValue }) => <SurveyActiveBadge active={getValue()} t={t} />,
      }),
      columnHelper.accessor("invitations", {
        header: t("surveys.column.invitations"),
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue() ?? 0)}</span>,
      }),
      columnHelper.accessor("responses", {
        header: t("surveys.column.responses"),
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue() ?? 0)}</span>,
      }),
      columnHelper.display({
        id: "rate",
        header: t("surveys.column.rate"),
        cell: ({ row }) => (
          <span className="tabular-nums">
            {formatRate(row.original.response_rate ?? responseRate(row.original.responses ?? 0, row.original.invitations ?? 0), locale)}
          </span>
        ),
      }),
    ],
    [t, locale, formatNumber]
  )
}

/**
 * Every survey: type, what sends it and when, whether it is on, and how many
 * were invited and answered; filters by type and status, a search by name,
 * and "Create" (the builder). A row opens the survey's results.
 */
export const SurveyList = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const navigate = useNavigate()
  const [filters, setFilters] = useSurveyFilters()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [creating, setCreating] = useState(false)

  const changeFilters = useCallback(
    (changes: Partial<SurveyFilters>) => {
      setFilters(changes)
      setPagination((previous) => ({ ...previous, pageIndex: 0 }))
    },
    [setFilters]
  )

  const { surveys, count, isPending, isError, error, refetch, isFetching } = useSurveys({
    q: filters.q,
    type: filters.type ?? undefined,
    active: filters.active ?? undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  // A page emptied by a deletion: go back one.
  useEffect(() => {
    if (surveys && !surveys.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [surveys, count, pagination.pageIndex])

  const columns = useColumns(i18n)
  const table = useDataTable({
    columns,
    data: surveys ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (survey) => survey.id,
    search: { state: filters.q, onSearchChange: (q) => changeFilters({ q }) },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => {
      const survey = "original" in row ? (row as { original: AdminSurveyListItem }).original : row
      navigate(`/surveys/${encodeURIComponent(survey.id)}`)
    },
  })

  const filtered = !!filters.type || filters.active !== null || !!filters.q

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{t("surveys.list")}</Heading>
          <div className="flex w-full flex-col gap-2 md:w-auto md:flex-row md:items-center">
            <Select
              size="small"
              value={filters.type ?? ALL}
              onValueChange={(next) => changeFilters({ type: isSurveyType(next) ? next : null })}
            >
              <Select.Trigger aria-label={t("surveys.filter.type")} className="w-full md:w-36">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>{t("surveys.filter.allTypes")}</Select.Item>
                {SURVEY_TYPE_OPTIONS.map((type) => (
                  <Select.Item key={type} value={type}>
                    {surveyTypeLabel(type, t)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Select
              size="small"
              value={filters.active === null ? ALL : String(filters.active)}
              onValueChange={(next) => changeFilters({ active: next === "true" ? true : next === "false" ? false : null })}
            >
              <Select.Trigger aria-label={t("surveys.filter.status")} className="w-full md:w-36">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>{t("surveys.filter.allStatuses")}</Select.Item>
                <Select.Item value="true">{t("surveys.active")}</Select.Item>
                <Select.Item value="false">{t("surveys.inactive")}</Select.Item>
              </Select.Content>
            </Select>
            <DataTable.Search placeholder={t("surveys.search")} />
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              <Plus />
              {t("surveys.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !surveys}
          loadFailedTitle={t("surveys.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: filtered
              ? { heading: t("surveys.filtered.heading"), description: t("surveys.filtered.description") }
              : { heading: t("surveys.empty.heading"), description: t("surveys.empty.description") },
            filtered: { heading: t("surveys.filtered.heading"), description: t("surveys.filtered.description") },
          }}
        />
      </DataTable>
      <SurveyBuilderModal
        open={creating}
        onOpenChange={setCreating}
        survey={null}
        onSaved={(survey) => navigate(`/surveys/${encodeURIComponent(survey.id)}`)}
        i18n={i18n}
      />
    </Container>
  )
}
