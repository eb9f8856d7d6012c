import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  DataTable,
  Heading,
  createDataTableColumnHelper,
  toast,
  useDataTable,
  usePrompt,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useDeleteTicketMacro, useTicketMacros, type TicketMacroDTO } from "../hooks/tickets"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { excerpt } from "../lib/reviews"
import { ticketCategoryLabel } from "../lib/tickets"
import { DataTableBody } from "./data-table-body"
import { TicketMacroDrawer } from "./ticket-macro-drawer"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<TicketMacroDTO>()

type RowHandlers = {
  onEdit: (macro: TicketMacroDTO) => void
  onDelete: (macro: TicketMacroDTO) => void
}

const useColumns = ({ t, formatDate }: CrmTranslation, { onEdit, onDelete }: RowHandlers) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("ticketMacros.column.name"),
        cell: ({ getValue }) => <span className="text-ui-fg-base block max-w-[240px] truncate">{getValue()}</span>,
      }),
      columnHelper.accessor("category", {
        header: t("ticketMacros.column.category"),
        cell: ({ getValue }) => {
          const category = getValue()
          return category ? (
            <span className="whitespace-nowrap">{ticketCategoryLabel(category, t)}</span>
          ) : (
            <span className="text-ui-fg-muted whitespace-nowrap">{t("ticketMacros.anyCategory")}</span>
          )
        },
      }),
      columnHelper.accessor("body", {
        header: t("ticketMacros.column.body"),
        cell: ({ getValue }) => (
          <span className="text-ui-fg-subtle block w-[260px] truncate xl:w-[420px]">{excerpt(getValue(), 140)}</span>
        ),
      }),
      columnHelper.accessor("updated_at", {
        header: t("ticketMacros.column.updated"),
        cell: ({ getValue }) => <time dateTime={String(getValue())}>{formatDate(getValue())}</time>,
      }),
      columnHelper.action({
        actions: ({ row }) => [
          [{ label: t("ticketMacros.edit"), icon: <PencilSquare />, onClick: () => onEdit(row.original) }],
          [{ label: t("ticketMacros.delete"), icon: <Trash />, onClick: () => onDelete(row.original) }],
        ],
      }),
    ],
    [t, formatDate, onEdit, onDelete]
  )

/** The case library: every canned response (searchable), a create/edit drawer and delete (with a confirmation). */
export const TicketMacrosSection = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  // `usePrompt` returns a new function on every render; a ref keeps the
  // columns (and so the table) from being rebuilt each time.
  const latestPrompt = usePrompt()
  const prompt = useRef(latestPrompt)
  prompt.current = latestPrompt
  const [drawer, setDrawer] = useState<{ open: boolean; macro: TicketMacroDTO | null }>({ open: false, macro: null })
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [q, setQ] = useState("")

  const { ticket_macros, count, isPending, isError, error, refetch, isFetching } = useTicketMacros({
    ...(q.trim() ? { q: q.trim() } : {}),
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })
  const { mutateAsync: deleteMacro } = useDeleteTicketMacro()

  // Deleting the last row of the last page leaves it empty: go back one.
  useEffect(() => {
    if (ticket_macros && !ticket_macros.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [ticket_macros, count, pagination.pageIndex])

  const onEdit = useCallback((macro: TicketMacroDTO) => setDrawer({ open: true, macro }), [])

  const onDelete = useCallback(
    async (macro: TicketMacroDTO) => {
      const confirmed = await prompt.current({
        title: t("ticketMacros.deleteTitle"),
        description: t("ticketMacros.deleteDescription", { name: macro.name }),
        confirmText: t("ticketMacros.delete"),
        cancelText: t("ticket.cancel"),
      })
      if (!confirmed) {
        return
      }
      try {
        await deleteMacro(macro.id)
      } catch (e) {
        toast.error(t("ticketMacros.deleteFailed"), { description: e instanceof Error ? e.message : undefined })
        return
      }
      toast.success(t("ticketMacros.deleted", { name: macro.name }))
    },
    [t, deleteMacro]
  )

  const columns = useColumns(i18n, { onEdit, onDelete })
  const table = useDataTable({
    columns,
    data: ticket_macros ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (macro) => macro.id,
    search: {
      state: q,
      onSearchChange: (next) => {
        setQ(next)
        setPagination((previous) => ({ ...previous, pageIndex: 0 }))
      },
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => onEdit("original" in row ? (row as { original: TicketMacroDTO }).original : row),
  })

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Heading level="h2">{t("ticketMacros.list")}</Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder={t("ticketMacros.search")} />
            <Button size="small" variant="secondary" onClick={() => setDrawer({ open: true, macro: null })}>
              {t("ticketMacros.create")}
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTableBody
          t={t}
          loadFailed={isError && !ticket_macros}
          loadFailedTitle={t("ticketMacros.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty: { heading: t("ticketMacros.empty.heading"), description: t("ticketMacros.empty.description") },
            filtered: { heading: t("ticketMacros.filtered.heading"), description: t("ticketMacros.filtered.description") },
          }}
        />
      </DataTable>
      <TicketMacroDrawer
        open={drawer.open}
        macro={drawer.macro}
        onOpenChange={(open) => setDrawer((previous) => ({ ...previous, open }))}
        i18n={i18n}
      />
    </Container>
  )
}
