import {
  Badge,
  Container,
  DataTable,
  Heading,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useSegmentCustomers } from "../hooks/segments"
import type { CrmTranslation } from "../lib/i18n"
import { memberName, type SegmentMember } from "../lib/segments"
import { DataTableBody } from "./data-table-body"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<SegmentMember>()

const useColumns = ({ t, formatDateTime }: CrmTranslation) =>
  useMemo(
    () => [
      columnHelper.display({
        id: "customer",
        header: t("segmentMembers.customer"),
        cell: ({ row }) => (
          <Link
            to={`/customers/${encodeURIComponent(row.original.id)}`}
            className="text-ui-fg-interactive block max-w-[260px] truncate hover:underline"
          >
            {memberName(row.original) || row.original.email}
          </Link>
        ),
      }),
      columnHelper.accessor("email", {
        header: t("segmentMembers.email"),
        cell: ({ getValue }) => <span className="block max-w-[260px] truncate">{getValue()}</span>,
      }),
      columnHelper.accessor("has_account", {
        header: t("segmentMembers.account"),
        cell: ({ getValue }) => (
          <Badge size="2xsmall" color={getValue() ? "green" : "grey"}>
            {getValue() ? t("segmentMembers.registered") : t("segmentMembers.guest")}
          </Badge>
        ),
      }),
      columnHelper.accessor("joined_at", {
        header: t("segmentMembers.joinedAt"),
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDateTime(getValue())}</span>,
      }),
    ],
    [t, formatDateTime]
  )

/** The segment's members as of its last refresh (`GET /admin/segments/:id/customers`), a page at a time. */
export const SegmentMembers = ({ segmentId, i18n }: { segmentId: string; i18n: CrmTranslation }) => {
  const { t } = i18n
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { customers, count, isPending, isError, error, refetch, isFetching } = useSegmentCustomers(segmentId, {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const columns = useColumns(i18n)
  const table = useDataTable({
    columns,
    data: customers ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (customer) => customer.id,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar>
          <Heading level="h2">{t("segmentMembers.title")}</Heading>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !customers}
          loadFailedTitle={t("segmentMembers.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: { heading: t("segmentMembers.empty.heading"), description: t("segmentMembers.empty.description") },
          }}
        />
      </DataTable>
    </Container>
  )
}
