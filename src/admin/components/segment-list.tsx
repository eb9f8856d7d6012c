import { Plus } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DataTable,
  Heading,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useSegments } from "../hooks/segments"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { refreshModeLabel, type AdminSegment } from "../lib/segments"
import { DataTableBody } from "./data-table-body"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AdminSegment>()

const useColumns = ({ t, formatNumber, formatDateTime }: CrmTranslation) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("segments.column.name"),
        cell: ({ getValue }) => <span className="text-ui-fg-base block max-w-[260px] truncate">{getValue()}</span>,
      }),
      columnHelper.accessor("refresh", {
        header: t("segments.column.refresh"),
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={getValue() === "manual" ? "grey" : "blue"}>
            {refreshModeLabel(getValue(), t)}
          </Badge>
        ),
      }),
      columnHelper.accessor("member_count", {
        header: t("segments.column.members"),
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue() ?? 0)}</span>,
      }),
      columnHelper.accessor("refreshed_at", {
        header: t("segments.column.refreshedAt"),
        cell: ({ getValue }) => {
          const at = getValue()
          return <span className="whitespace-nowrap">{at ? formatDateTime(at) : t("segments.never")}</span>
        },
      }),
    ],
    [t, formatNumber, formatDateTime]
  )

/** Every segment with its refresh mode, members and last refresh; a row opens the segment, "Create" the builder. */
export const SegmentList = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const navigate = useNavigate()
  const [q, setQ] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })

  const { segments, count, isPending, isError, error, refetch, isFetching } = useSegments({
    q,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  // A page emptied by a deletion: go back one.
  useEffect(() => {
    if (segments && !segments.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [segments, count, pagination.pageIndex])

  const columns = useColumns(i18n)
  const table = useDataTable({
    columns,
    data: segments ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (segment) => segment.id,
    search: {
      state: q,
      onSearchChange: (next) => {
        setQ(next)
        setPagination((previous) => ({ ...previous, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => {
      const segment = "original" in row ? (row as { original: AdminSegment }).original : row
      navigate(`/segments/${encodeURIComponent(segment.id)}`)
    },
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{t("segments.list")}</Heading>
          <div className="flex w-full flex-col gap-2 md:w-auto md:flex-row md:items-center">
            <DataTable.Search placeholder={t("segments.search")} />
            <Button size="small" variant="secondary" asChild>
              <Link to="/segments/new">
                <Plus />
                {t("segments.create")}
              </Link>
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !segments}
          loadFailedTitle={t("segments.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: q
              ? { heading: t("segments.filtered.heading"), description: t("segments.filtered.description") }
              : { heading: t("segments.empty.heading"), description: t("segments.empty.description") },
            filtered: { heading: t("segments.filtered.heading"), description: t("segments.filtered.description") },
          }}
        />
      </DataTable>
    </Container>
  )
}
