import { FlagMini, XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Container,
  DataTable,
  Heading,
  IconButton,
  Label,
  Select,
  Switch,
  Tabs,
  createDataTableColumnHelper,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import type { TicketCategory, TicketOrder, TicketPriority } from "../../types"
import { useTicketStaff, useTickets, type AdminTicket, type TicketStaffUser } from "../hooks/tickets"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import { customerName } from "../lib/reviews"
import {
  DEFAULT_TICKET_ORDER,
  DEFAULT_TICKET_VIEW,
  TICKET_CATEGORY_OPTIONS,
  TICKET_ORDER_OPTIONS,
  TICKET_PRIORITY_OPTIONS,
  TICKET_VIEWS,
  isTicketCategory,
  isTicketOrder,
  isTicketPriority,
  isTicketView,
  staffName,
  ticketCategoryLabel,
  ticketNumber,
  ticketOrderLabel,
  ticketPriorityLabel,
  ticketViewLabel,
  viewCount,
  viewStatuses,
  type TicketView,
} from "../lib/tickets"
import { DataTableBody } from "./data-table-body"
import { SupportPriorityBadge } from "./support-priority-badge"
import { TicketDue, useNow } from "./ticket-due"
import { TicketStatusBadge } from "./ticket-status-badge"

const PAGE_SIZE = 20

/** Radix's Select has no empty value: this one stands for "no filter". */
const ALL = "__all__"

/**
 * The inbox's filters, kept in the address (`/tickets?view=all&assignee=me`)
 * so a filtered inbox can be linked to and back/forward work.
 */
type TicketFilters = {
  view: TicketView
  priority: TicketPriority | null
  category: TicketCategory | null
  /** A user id, "none" or "me"; null: anyone. */
  assignee: string | null
  overdue: boolean
  q: string
  order: TicketOrder
  /** From the customer and order widgets' links. */
  customerId: string | null
  orderId: string | null
}

const readFilters = (params: URLSearchParams): TicketFilters => {
  const view = params.get("view")
  const priority = params.get("priority")
  const category = params.get("category")
  const order = params.get("order")
  return {
    view: isTicketView(view) ? view : DEFAULT_TICKET_VIEW,
    priority: isTicketPriority(priority) ? priority : null,
    category: isTicketCategory(category) ? category : null,
    assignee: params.get("assignee") || null,
    overdue: params.get("overdue") === "true",
    q: params.get("q") ?? "",
    order: isTicketOrder(order) ? order : DEFAULT_TICKET_ORDER,
    customerId: params.get("customer_id")?.trim() || null,
    orderId: params.get("order_id")?.trim() || null,
  }
}

const writeFilters = (filters: TicketFilters) => {
  const params = new URLSearchParams()
  if (filters.view !== DEFAULT_TICKET_VIEW) params.set("view", filters.view)
  if (filters.priority) params.set("priority", filters.priority)
  if (filters.category) params.set("category", filters.category)
  if (filters.assignee) params.set("assignee", filters.assignee)
  if (filters.overdue) params.set("overdue", "true")
  if (filters.q) params.set("q", filters.q)
  if (filters.order !== DEFAULT_TICKET_ORDER) params.set("order", filters.order)
  if (filters.customerId) params.set("customer_id", filters.customerId)
  if (filters.orderId) params.set("order_id", filters.orderId)
  return params
}

const useTicketFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => readFilters(params), [params])
  const latest = useRef(filters)
  latest.current = filters

  const update = useCallback(
    (changes: Partial<TicketFilters>) => {
      const next = { ...latest.current, ...changes }
      latest.current = next
      setParams(writeFilters(next), { replace: true })
    },
    [setParams]
  )

  return [filters, update] as const
}

const columnHelper = createDataTableColumnHelper<AdminTicket>()

const useColumns = (i18n: CrmTranslation, staff: TicketStaffUser[] | undefined, now: number) => {
  const { t } = i18n

  return useMemo(
    () => [
      columnHelper.accessor("display_id", {
        header: t("tickets.column.number"),
        cell: ({ row }) => (
          <div className="flex items-center gap-x-1">
            <span className="text-ui-fg-base tabular-nums">{ticketNumber(row.original)}</span>
            {row.original.flagged ? (
              <span className="text-ui-fg-error" title={t("tickets.flagged")} aria-label={t("tickets.flagged")}>
                <FlagMini />
              </span>
            ) : null}
          </div>
        ),
      }),
      columnHelper.accessor("subject", {
        header: t("tickets.column.subject"),
        cell: ({ row }) => (
          <span className="text-ui-fg-base block w-[220px] truncate xl:w-[320px]">{row.original.subject}</span>
        ),
      }),
      columnHelper.display({
        id: "customer",
        header: t("tickets.column.customer"),
        cell: ({ row }) => {
          const { customer } = row.original
          const name = customerName(customer)
          return customer ? (
            <div className="flex min-w-0 max-w-[200px] flex-col py-2">
              <span className="text-ui-fg-base truncate">{name || customer.email || "-"}</span>
              {name && customer.email ? <span className="text-ui-fg-subtle truncate">{customer.email}</span> : null}
            </div>
          ) : (
            <span className="text-ui-fg-muted">{t("tickets.deletedCustomer")}</span>
          )
        },
      }),
      columnHelper.accessor("category", {
        header: t("tickets.column.category"),
        cell: ({ getValue }) => <span className="whitespace-nowrap">{ticketCategoryLabel(getValue(), t)}</span>,
      }),
      columnHelper.accessor("priority", {
        header: t("tickets.column.priority"),
        cell: ({ getValue }) => <SupportPriorityBadge priority={getValue()} t={t} />,
      }),
      columnHelper.accessor("status", {
        header: t("tickets.column.status"),
        cell: ({ getValue }) => <TicketStatusBadge status={getValue()} t={t} />,
      }),
      columnHelper.accessor("assignee_id", {
        header: t("tickets.column.assignee"),
        cell: ({ getValue }) => {
          const id = getValue()
          return id ? (
            <span className="block max-w-[160px] truncate">{staffName(id, staff)}</span>
          ) : (
            <span className="text-ui-fg-muted">{t("tickets.unassigned")}</span>
          )
        },
      }),
      columnHelper.display({
        id: "due",
        header: t("tickets.column.due"),
        cell: ({ row }) => <TicketDue ticket={row.original} now={now} i18n={i18n} />,
      }),
    ],
    [t, i18n, staff, now]
  )
}

/**
 * The DataTable passes the table's row object to `onRowClick` (its type says
 * the row data); take the data from either.
 */
const rowData = (row: AdminTicket | { original: AdminTicket }): AdminTicket =>
  "original" in row ? row.original : row

/**
 * The ticket inbox: tabs per status with their counts (the open work first),
 * filters for priority, category, assignee and overdue, a search over
 * subjects and ticket numbers, most urgent first unless sorted otherwise;
 * a row opens the ticket.
 */
export const TicketInbox = () => {
  const i18n = useCrmTranslation()
  const { t, formatNumber } = i18n
  const navigate = useNavigate()
  const now = useNow()
  const [filters, setFilters] = useTicketFilters()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data: staff } = useTicketStaff()

  /** A new filter: back to the first page. */
  const changeFilters = useCallback(
    (changes: Partial<TicketFilters>) => {
      setFilters(changes)
      setPagination((previous) => ({ ...previous, pageIndex: 0 }))
    },
    [setFilters]
  )

  const { tickets, count, status_counts, overdue_count, isPending, isError, error, refetch, isFetching } = useTickets({
    status: viewStatuses(filters.view),
    priority: filters.priority ?? undefined,
    category: filters.category ?? undefined,
    assignee_id: filters.assignee ?? undefined,
    overdue: filters.overdue || undefined,
    customer_id: filters.customerId ?? undefined,
    order_id: filters.orderId ?? undefined,
    q: filters.q,
    order: filters.order,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  // A page emptied by changes elsewhere (tickets resolved, closed): go back one.
  useEffect(() => {
    if (tickets && !tickets.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [tickets, count, pagination.pageIndex])

  const columns = useColumns(i18n, staff, now)
  const table = useDataTable({
    columns,
    data: tickets ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (ticket) => ticket.id,
    search: { state: filters.q, onSearchChange: (q) => changeFilters({ q }) },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => navigate(`/tickets/${encodeURIComponent(rowData(row).id)}`),
  })

  const otherFilters =
    !!filters.priority ||
    !!filters.category ||
    !!filters.assignee ||
    filters.overdue ||
    !!filters.customerId ||
    !!filters.orderId
  // The widgets' links filter by customer or order: the inbox has no control for those, so name them.
  const customer = filters.customerId ? tickets?.find((ticket) => ticket.customer_id === filters.customerId)?.customer : null
  const order = filters.orderId ? tickets?.find((ticket) => ticket.order_id === filters.orderId)?.order : null

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{t("tickets.inbox")}</Heading>
          <div className="flex w-full flex-col gap-2 md:w-auto md:flex-row md:flex-wrap md:items-center md:justify-end">
            <OverdueToggle
              checked={filters.overdue}
              count={overdue_count}
              onChange={(overdue) => changeFilters({ overdue })}
              i18n={i18n}
            />
            <FilterSelect
              label={t("tickets.filter.priority")}
              allLabel={t("tickets.filter.allPriorities")}
              value={filters.priority}
              options={TICKET_PRIORITY_OPTIONS.map((priority) => ({
                value: priority,
                label: ticketPriorityLabel(priority, t),
              }))}
              onChange={(priority) => changeFilters({ priority: isTicketPriority(priority) ? priority : null })}
            />
            <FilterSelect
              label={t("tickets.filter.category")}
              allLabel={t("tickets.filter.allCategories")}
              value={filters.category}
              options={TICKET_CATEGORY_OPTIONS.map((category) => ({
                value: category,
                label: ticketCategoryLabel(category, t),
              }))}
              onChange={(category) => changeFilters({ category: isTicketCategory(category) ? category : null })}
              className="md:w-44"
            />
            <FilterSelect
              label={t("tickets.filter.assignee")}
              allLabel={t("tickets.filter.allAssignees")}
              value={filters.assignee}
              options={[
                { value: "me", label: t("tickets.filter.me") },
                { value: "none", label: t("tickets.unassigned") },
                ...(staff ?? []).map((user) => ({ value: user.id, label: user.name || user.email })),
                // An assignee from a link who is not in the list (yet).
                ...(filters.assignee &&
                filters.assignee !== "me" &&
                filters.assignee !== "none" &&
                !staff?.some((user) => user.id === filters.assignee)
                  ? [{ value: filters.assignee, label: filters.assignee }]
                  : []),
              ]}
              onChange={(assignee) => changeFilters({ assignee })}
              className="md:w-44"
            />
            <Select
              size="small"
              value={filters.order}
              onValueChange={(next) => changeFilters({ order: isTicketOrder(next) ? next : DEFAULT_TICKET_ORDER })}
            >
              <Select.Trigger aria-label={t("tickets.filter.order")} className="w-full md:w-48">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {TICKET_ORDER_OPTIONS.map((order) => (
                  <Select.Item key={order} value={order}>
                    {ticketOrderLabel(order, t)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <DataTable.Search placeholder={t("tickets.search")} />
          </div>
        </DataTable.Toolbar>
        {filters.customerId || filters.orderId ? (
          <div className="flex flex-wrap items-center gap-2 border-t px-6 py-3">
            {filters.customerId ? (
              <RemovableFilter
                label={t("tickets.filter.customerIs", {
                  customer: customerName(customer) || customer?.email || filters.customerId,
                })}
                removeLabel={t("tickets.filter.remove")}
                onRemove={() => changeFilters({ customerId: null })}
              />
            ) : null}
            {filters.orderId ? (
              <RemovableFilter
                label={t("tickets.filter.orderIs", {
                  order: order?.display_id != null ? `#${order.display_id}` : filters.orderId,
                })}
                removeLabel={t("tickets.filter.remove")}
                onRemove={() => changeFilters({ orderId: null })}
              />
            ) : null}
          </div>
        ) : null}
        <Tabs value={filters.view} onValueChange={(view) => changeFilters({ view: isTicketView(view) ? view : DEFAULT_TICKET_VIEW })}>
          <Tabs.List className="overflow-x-auto border-t px-6 py-3" aria-label={t("tickets.filter.status")}>
            {TICKET_VIEWS.map((view) => {
              const total = viewCount(view, status_counts)
              return (
                <Tabs.Trigger key={view} value={view} className="gap-x-1.5 whitespace-nowrap">
                  {ticketViewLabel(view, t)}
                  {total !== null ? (
                    <Badge size="2xsmall" className="tabular-nums">
                      {formatNumber(total)}
                    </Badge>
                  ) : null}
                </Tabs.Trigger>
              )
            })}
          </Tabs.List>
        </Tabs>
        <DataTableBody
          t={t}
          loadFailed={isError && !tickets}
          loadFailedTitle={t("tickets.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            empty:
              otherFilters || filters.view !== DEFAULT_TICKET_VIEW
                ? { heading: t("tickets.filtered.heading"), description: t("tickets.filtered.description") }
                : { heading: t("tickets.empty.heading"), description: t("tickets.empty.description") },
            filtered: { heading: t("tickets.filtered.heading"), description: t("tickets.filtered.description") },
          }}
        />
      </DataTable>
    </Container>
  )
}

const FilterSelect = ({
  label,
  allLabel,
  value,
  options,
  onChange,
  className = "md:w-36",
}: {
  label: string
  allLabel: string
  value: string | null
  options: { value: string; label: string }[]
  onChange: (value: string | null) => void
  className?: string
}) => (
  <Select size="small" value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? null : next)}>
    <Select.Trigger aria-label={label} className={`w-full ${className}`}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{allLabel}</Select.Item>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** A filter set from a link, shown as a badge with a × to drop it. */
const RemovableFilter = ({ label, removeLabel, onRemove }: { label: string; removeLabel: string; onRemove: () => void }) => (
  <Badge size="small" className="gap-x-1 pr-1">
    <span className="max-w-[280px] truncate">{label}</span>
    <IconButton size="2xsmall" variant="transparent" type="button" aria-label={`${removeLabel}: ${label}`} onClick={onRemove}>
      <XMarkMini />
    </IconButton>
  </Badge>
)

/** "Overdue only", with how many of the filtered tickets are overdue. */
const OverdueToggle = ({
  checked,
  count,
  onChange,
  i18n: { t, formatNumber },
}: {
  checked: boolean
  count: number | undefined
  onChange: (checked: boolean) => void
  i18n: CrmTranslation
}) => (
  <div className="flex items-center gap-x-2 md:pr-2">
    <Switch id="crm-tickets-overdue" size="small" checked={checked} onCheckedChange={onChange} />
    <Label htmlFor="crm-tickets-overdue" size="small" className="whitespace-nowrap">
      {t("tickets.filter.overdue")}
    </Label>
    {count ? (
      <Badge size="2xsmall" color="red" className="tabular-nums">
        {formatNumber(count)}
      </Badge>
    ) : null}
  </div>
)
