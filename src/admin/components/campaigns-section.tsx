import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  toast,
  usePrompt,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import {
  useDeleteLoyaltyCampaign,
  useLoyaltyCampaigns,
  type AdminLoyaltyCampaign,
} from "../hooks/campaigns"
import { campaignStatus, describeMemberDays, type CampaignStatus } from "../lib/campaigns"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { CampaignDrawer } from "./campaign-drawer"
import { DataTableBody } from "./data-table-body"

const PAGE_SIZE = 20

const STATUS_COLORS: Record<CampaignStatus, "green" | "blue" | "grey" | "orange"> = {
  active: "green",
  scheduled: "blue",
  ended: "grey",
  paused: "orange",
}

const columnHelper = createDataTableColumnHelper<AdminLoyaltyCampaign>()

const useColumns = (
  i18n: CrmTranslation,
  onEdit: (campaign: AdminLoyaltyCampaign) => void,
  onDelete: (campaign: AdminLoyaltyCampaign) => void
) => {
  const { t, locale, formatNumber, formatDateTime } = i18n

  return useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("campaigns.column.name"),
        cell: ({ getValue }) => <span className="text-ui-fg-base">{getValue()}</span>,
      }),
      columnHelper.accessor("multiplier", {
        header: t("campaigns.column.multiplier"),
        cell: ({ getValue }) => (
          <span className="tabular-nums">
            {t("campaigns.multiplier", { multiplier: formatNumber(getValue()) })}
          </span>
        ),
      }),
      columnHelper.display({
        id: "window",
        header: t("campaigns.column.window"),
        cell: ({ row }) => (
          <div className="flex flex-col py-2">
            <time dateTime={row.original.starts_at}>{formatDateTime(row.original.starts_at)}</time>
            <span className="text-ui-fg-subtle">
              {t("campaigns.until", { date: formatDateTime(row.original.ends_at) })}
            </span>
          </div>
        ),
      }),
      columnHelper.display({
        id: "member_days",
        header: t("campaigns.column.memberDays"),
        cell: ({ row }) => (
          <div className="flex flex-col py-2">
            {describeMemberDays(row.original, { t, locale }).map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>
        ),
      }),
      columnHelper.display({
        id: "status",
        header: t("campaigns.column.status"),
        cell: ({ row }) => {
          const status = campaignStatus(row.original)
          return (
            <StatusBadge color={STATUS_COLORS[status]}>
              {t(`campaigns.status.${status}`)}
            </StatusBadge>
          )
        },
      }),
      columnHelper.action({
        actions: [
          {
            label: t("campaigns.action.edit"),
            icon: <PencilSquare />,
            onClick: ({ row }) => onEdit(row.original),
          },
          {
            label: t("campaigns.action.delete"),
            icon: <Trash />,
            onClick: ({ row }) => onDelete(row.original),
          },
        ],
      }),
    ],
    [t, locale, formatNumber, formatDateTime, onEdit, onDelete]
  )
}

/**
 * The Campaigns section of the Loyalty page: points multipliers for a period
 * or for member days, with create, edit and delete.
 */
export const CampaignsSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  // `usePrompt` returns a new function on every render; a ref keeps the
  // columns (and so the table) from being rebuilt each time.
  const latestPrompt = usePrompt()
  const prompt = useRef(latestPrompt)
  prompt.current = latestPrompt
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const [drawer, setDrawer] = useState<{ open: boolean; campaign: AdminLoyaltyCampaign | null }>({
    open: false,
    campaign: null,
  })

  const { campaigns, count, isPending, isError, error, refetch, isFetching } = useLoyaltyCampaigns({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const { mutateAsync: deleteCampaign } = useDeleteLoyaltyCampaign()

  // Deleting the last row of the last page leaves that page empty: go back one.
  useEffect(() => {
    if (campaigns && !campaigns.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [campaigns, count, pagination.pageIndex])

  const onEdit = useCallback(
    (campaign: AdminLoyaltyCampaign) => setDrawer({ open: true, campaign }),
    []
  )
  const onDelete = useCallback(
    async (campaign: AdminLoyaltyCampaign) => {
      const confirmed = await prompt.current({
        title: t("campaigns.delete.title"),
        description: t("campaigns.delete.description", { name: campaign.name }),
        confirmText: t("campaigns.delete.confirm"),
        cancelText: t("campaigns.delete.cancel"),
      })
      if (!confirmed) {
        return
      }
      try {
        await deleteCampaign(campaign.id)
      } catch (e) {
        toast.error(t("campaigns.deleteFailed"), {
          description: e instanceof Error ? e.message : undefined,
        })
        return
      }
      toast.success(t("campaigns.deleted", { name: campaign.name }))
    },
    [t, deleteCampaign]
  )

  const columns = useColumns(i18n, onEdit, onDelete)
  const table = useDataTable({
    columns,
    data: campaigns ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (campaign) => campaign.id,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div className="flex flex-col gap-y-1">
            <Heading level="h2">{t("campaigns.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("campaigns.description")}
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            onClick={() => setDrawer({ open: true, campaign: null })}
          >
            {t("campaigns.create")}
          </Button>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !campaigns}
          loadFailedTitle={t("campaigns.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: {
              heading: t("campaigns.empty.heading"),
              description: t("campaigns.empty.description"),
            },
          }}
        />
      </DataTable>
      <CampaignDrawer
        open={drawer.open}
        campaign={drawer.campaign}
        onOpenChange={(open) => setDrawer((previous) => ({ ...previous, open }))}
        i18n={i18n}
      />
    </Container>
  )
}
