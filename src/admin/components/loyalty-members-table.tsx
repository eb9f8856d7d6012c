import {
  Badge,
  Container,
  DataTable,
  Heading,
  Text,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import {
  useLoyaltyAccounts,
  type AdminLoyaltyAccountListItem,
} from "../hooks/loyalty"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { DataTableBody } from "./data-table-body"
import { TierFilterSelect } from "./tier-filter-select"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<AdminLoyaltyAccountListItem>()

const customerName = (customer: AdminLoyaltyAccountListItem["customer"]) =>
  [customer?.first_name, customer?.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ")

const useColumns = ({ t, formatNumber }: CrmTranslation) =>
  useMemo(
    () => [
      columnHelper.display({
        id: "customer",
        header: t("members.column.customer"),
        cell: ({ row }) => {
          const { customer } = row.original
          if (!customer) {
            return (
              <span className="text-ui-fg-muted">{t("members.deletedCustomer")}</span>
            )
          }
          const name = customerName(customer)
          return (
            <div className="flex min-w-0 flex-col py-2">
              <span className="text-ui-fg-base truncate">{name || customer.email || customer.id}</span>
              {name && customer.email ? (
                <span className="text-ui-fg-subtle truncate">{customer.email}</span>
              ) : null}
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "tier",
        header: t("members.column.tier"),
        cell: ({ row }) =>
          row.original.tier ? (
            <Badge size="2xsmall" color="purple">
              {row.original.tier.name}
            </Badge>
          ) : (
            <span className="text-ui-fg-muted">{"\u2013"}</span>
          ),
      }),
      columnHelper.accessor("available_points", {
        header: t("members.column.available"),
        align: "right",
        cell: ({ getValue }) => (
          <span className="text-ui-fg-base tabular-nums">{formatNumber(getValue())}</span>
        ),
      }),
      columnHelper.accessor("pending_points", {
        header: t("members.column.pending"),
        align: "right",
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue())}</span>,
      }),
      columnHelper.accessor("lifetime_points", {
        header: t("members.column.lifetime"),
        align: "right",
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue())}</span>,
      }),
    ],
    [t, formatNumber]
  )

/**
 * The DataTable passes the table's row object to `onRowClick` (its type says
 * the row data); take the data from either.
 */
const rowData = (
  row: AdminLoyaltyAccountListItem | { original: AdminLoyaltyAccountListItem }
): AdminLoyaltyAccountListItem =>
  "original" in row ? row.original : row

/** The Members section: every loyalty account, searchable, filtered by tier, paged. */
export const LoyaltyMembersSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const [tierId, setTierId] = useState<string | null>(null)
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const onTierChange = useCallback((next: string | null) => {
    setTierId(next)
    setPagination((previous) => ({ ...previous, pageIndex: 0 }))
  }, [])

  const { loyalty_accounts, count, isPending, isError, error, refetch, isFetching } = useLoyaltyAccounts({
    q: search,
    tier_id: tierId ?? undefined,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const columns = useColumns(i18n)
  const table = useDataTable({
    columns,
    data: loyalty_accounts ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (account) => account.id,
    search: {
      state: search,
      onSearchChange: (q) => {
        setSearch(q)
        setPagination((previous) => ({ ...previous, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => {
      const account = rowData(row)
      // A deleted customer has no page to go to.
      if (account.customer) {
        navigate(`/customers/${encodeURIComponent(account.customer_id)}`)
      }
    },
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div className="flex flex-col gap-y-1">
            <Heading level="h2">{t("members.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("members.description")}
            </Text>
          </div>
          <div className="flex w-full flex-col gap-2 md:w-auto md:flex-row md:items-center">
            <TierFilterSelect value={tierId} onChange={onTierChange} t={t} />
            <DataTable.Search placeholder={t("members.search")} />
          </div>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !loyalty_accounts}
          loadFailedTitle={t("members.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            // The tier filter is not one of the DataTable's own filters: with
            // it set (and no search), "empty" means "nobody in this tier".
            empty: tierId
              ? {
                  heading: t("members.tierEmpty.heading"),
                  description: t("members.tierEmpty.description"),
                }
              : {
                  heading: t("members.empty.heading"),
                  description: t("members.empty.description"),
                },
            filtered: {
              heading: t("members.filtered.heading"),
              description: t("members.filtered.description"),
            },
          }}
        />
      </DataTable>
    </Container>
  )
}
