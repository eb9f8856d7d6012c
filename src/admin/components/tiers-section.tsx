import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  createDataTableColumnHelper,
  toast,
  usePrompt,
  useDataTable,
} from "@medusajs/ui"
import { useCallback, useMemo, useRef, useState } from "react"
import type { TierMeasure } from "../../types"
import { useLoyaltySettings } from "../hooks/loyalty"
import { useStoreCurrencies } from "../hooks/store-currencies"
import {
  useDeleteLoyaltyTier,
  useLoyaltyTiers,
  type AdminLoyaltyTier,
} from "../hooks/tiers"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { defaultCurrencyCode, formatMeasure } from "../lib/tiers"
import { DataTableBody } from "./data-table-body"
import { EvaluateTiersButton } from "./evaluate-tiers-button"
import { SupportPriorityBadge } from "./support-priority-badge"
import { TierDrawer } from "./tier-drawer"
import { TierRuleSummary } from "./tier-rule-summary"

const columnHelper = createDataTableColumnHelper<AdminLoyaltyTier>()

type RowHandlers = {
  onEdit: (tier: AdminLoyaltyTier) => void
  onDelete: (tier: AdminLoyaltyTier) => void
}

// No "move up/down": thresholds rise strictly with rank, so a tier changes
// place only together with its threshold, in the edit drawer.
const useColumns = (
  i18n: CrmTranslation,
  measure: TierMeasure | null,
  currencyCode: string | null,
  { onEdit, onDelete }: RowHandlers
) => {
  const { t, locale, formatNumber } = i18n

  return useMemo(
    () => [
      columnHelper.accessor("rank", {
        header: t("tiers.column.rank"),
        cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue())}</span>,
      }),
      columnHelper.accessor("name", {
        header: t("tiers.column.name"),
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col py-2">
            <span className="text-ui-fg-base truncate">{row.original.name}</span>
            {row.original.description ? (
              <span className="text-ui-fg-subtle truncate">{row.original.description}</span>
            ) : null}
          </div>
        ),
      }),
      columnHelper.accessor("threshold", {
        header: t("tiers.column.threshold"),
        align: "right",
        cell: ({ getValue }) => (
          <span className="tabular-nums">
            {measure
              ? formatMeasure(getValue(), measure, currencyCode, { t, locale, formatNumber })
              : formatNumber(Number(getValue()))}
          </span>
        ),
      }),
      columnHelper.accessor("multiplier", {
        header: t("tiers.column.multiplier"),
        align: "right",
        cell: ({ getValue }) => (
          <span className="tabular-nums">
            {t("tiers.multiplier", { multiplier: formatNumber(getValue()) })}
          </span>
        ),
      }),
      columnHelper.accessor("discount_percent", {
        header: t("tiers.column.discount"),
        align: "right",
        cell: ({ getValue }) =>
          getValue() > 0 ? (
            <span className="tabular-nums">{t("tiers.percent", { percent: formatNumber(getValue()) })}</span>
          ) : (
            <span className="text-ui-fg-muted">{"\u2013"}</span>
          ),
      }),
      columnHelper.accessor("free_shipping", {
        header: t("tiers.column.freeShipping"),
        cell: ({ getValue }) =>
          getValue() ? (
            <span>{t("tiers.yes")}</span>
          ) : (
            <span className="text-ui-fg-muted">{t("tiers.no")}</span>
          ),
      }),
      columnHelper.accessor("birthday_bonus_points", {
        header: t("tiers.column.birthdayBonus"),
        align: "right",
        cell: ({ getValue }) => {
          const points = getValue()
          return points == null ? (
            <span className="text-ui-fg-muted">{t("tiers.birthdayDefault")}</span>
          ) : (
            <span className="tabular-nums">{t("tiers.points", { points: formatNumber(points) })}</span>
          )
        },
      }),
      columnHelper.accessor("support_priority", {
        header: t("tiers.column.priority"),
        cell: ({ getValue }) => <SupportPriorityBadge priority={getValue()} t={t} />,
      }),
      columnHelper.accessor("member_count", {
        header: t("tiers.column.members"),
        align: "right",
        cell: ({ getValue }) => (
          <span className="text-ui-fg-base tabular-nums">{formatNumber(getValue() ?? 0)}</span>
        ),
      }),
      columnHelper.action({
        actions: ({ row }) => {
          return [
            [
              {
                label: t("tiers.action.edit"),
                icon: <PencilSquare />,
                onClick: () => onEdit(row.original),
              },
            ],
            [
              {
                label: t("tiers.action.delete"),
                icon: <Trash />,
                onClick: () => onDelete(row.original),
              },
            ],
          ]
        },
      }),
    ],
    [t, locale, formatNumber, measure, currencyCode, onEdit, onDelete]
  )
}

/**
 * The tier ladder: every tier, lowest rank first, with its threshold,
 * benefits and members; create, edit, reorder, delete, and re-score every
 * member now.
 */
export const TiersSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  // `usePrompt` returns a new function on every render; a ref keeps the
  // columns (and so the table) from being rebuilt each time.
  const latestPrompt = usePrompt()
  const prompt = useRef(latestPrompt)
  prompt.current = latestPrompt
  const [drawer, setDrawer] = useState<{ open: boolean; tier: AdminLoyaltyTier | null }>({
    open: false,
    tier: null,
  })

  const { tiers, isPending, isError, error, refetch, isFetching } = useLoyaltyTiers()
  const { settings } = useLoyaltySettings()
  const { data: currencies } = useStoreCurrencies()
  const { mutateAsync: deleteTier } = useDeleteLoyaltyTier()

  // The server answers in rank order; sort anyway.
  const rows = useMemo(() => [...(tiers ?? [])].sort((a, b) => a.rank - b.rank), [tiers])

  const measure = settings?.tier_measure ?? null
  const currencyCode = defaultCurrencyCode(currencies)

  const onEdit = useCallback((tier: AdminLoyaltyTier) => setDrawer({ open: true, tier }), [])

  const onDelete = useCallback(
    async (tier: AdminLoyaltyTier) => {
      const confirmed = await prompt.current({
        title: t("tiers.delete.title"),
        description: t(
          tier.member_count ? "tiers.delete.descriptionMembers" : "tiers.delete.description",
          { name: tier.name, count: tier.member_count ?? 0 }
        ),
        confirmText: t("tiers.delete.confirm"),
        cancelText: t("tiers.delete.cancel"),
      })
      if (!confirmed) {
        return
      }
      try {
        await deleteTier(tier.id)
      } catch (e) {
        toast.error(t("tiers.deleteFailed"), {
          description: e instanceof Error ? e.message : undefined,
        })
        return
      }
      toast.success(t("tiers.deleted", { name: tier.name }))
    },
    [t, deleteTier]
  )

  const columns = useColumns(i18n, measure, currencyCode, { onEdit, onDelete })
  const table = useDataTable({
    columns,
    data: rows,
    rowCount: rows.length,
    isLoading: isPending,
    getRowId: (tier) => tier.id,
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div className="flex flex-col gap-y-1">
            <Heading level="h2">{t("tiers.ladder")}</Heading>
            <TierRuleSummary i18n={i18n} />
          </div>
          <div className="flex items-center gap-x-2">
            <EvaluateTiersButton i18n={i18n} />
            <Button
              size="small"
              variant="secondary"
              onClick={() => setDrawer({ open: true, tier: null })}
            >
              {t("tiers.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          paginated={false}
          loadFailed={isError && !tiers}
          loadFailedTitle={t("tiers.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: {
              heading: t("tiers.empty.heading"),
              description: t("tiers.empty.description"),
            },
          }}
        />
      </DataTable>
      <TierDrawer
        open={drawer.open}
        tier={drawer.tier}
        measure={measure}
        currencyCode={currencyCode}
        onOpenChange={(open) => setDrawer((previous) => ({ ...previous, open }))}
        i18n={i18n}
      />
    </Container>
  )
}
