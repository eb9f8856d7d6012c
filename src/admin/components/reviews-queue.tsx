import { XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Container,
  DataTable,
  Heading,
  IconButton,
  Input,
  Select,
  Text,
  createDataTableColumnHelper,
  createDataTableCommandHelper,
  toast,
  useDataTable,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
} from "@medusajs/ui"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useSearchParams } from "react-router-dom"
import type { AdminReviewBatchResponse, ReviewOrder, ReviewStatus } from "../../types"
import {
  useBatchModerateReviews,
  useReviews,
  type AdminBatchModerateReviews,
  type AdminReview,
} from "../hooks/reviews"
import { useCrmTranslation, type CrmTranslation } from "../lib/i18n"
import {
  DEFAULT_REVIEW_ORDER,
  RATINGS,
  REVIEW_ORDER_OPTIONS,
  REVIEW_STATUS_OPTIONS,
  customerName,
  excerpt,
  isReviewOrder,
  isReviewStatus,
  reviewOrderLabel,
  reviewStatusLabel,
} from "../lib/reviews"
import { DataTableBody } from "./data-table-body"
import { RatingSummary } from "./rating-summary"
import { ReviewDrawer } from "./review-drawer"
import { useReasonPrompt, type ReasonAction } from "./review-reason-prompt"
import { ReviewStars } from "./review-stars"
import { ReviewStatusBadge } from "./review-status-badge"

const PAGE_SIZE = 20

/** Radix's Select has no empty value: this one stands for "no filter". */
const ALL = "__all__"

/** The queue opens on the reviews waiting for a moderator. */
const DEFAULT_STATUS: ReviewStatus = "pending"

/**
 * The page's filters, kept in the address (`/reviews?status=all&product_id=…`)
 * so the product and order widgets can link to a filtered queue, a review
 * can be opened from a link (`review=`), and back/forward work.
 */
type ReviewFilters = {
  /** null: every status. */
  status: ReviewStatus | null
  rating: number | null
  verified: boolean | null
  productId: string
  q: string
  order: ReviewOrder
  /** The review open in the drawer. */
  reviewId: string | null
}

const readFilters = (params: URLSearchParams): ReviewFilters => {
  const status = params.get("status")
  const rating = Number(params.get("rating"))
  const verified = params.get("verified")
  const order = params.get("order")
  return {
    status: status === "all" ? null : isReviewStatus(status) ? status : DEFAULT_STATUS,
    rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null,
    verified: verified === "true" ? true : verified === "false" ? false : null,
    productId: params.get("product_id")?.trim() ?? "",
    q: params.get("q") ?? "",
    order: isReviewOrder(order) ? order : DEFAULT_REVIEW_ORDER,
    reviewId: params.get("review") || null,
  }
}

const writeFilters = (filters: ReviewFilters) => {
  const params = new URLSearchParams()
  if (filters.status !== DEFAULT_STATUS) params.set("status", filters.status ?? "all")
  if (filters.rating) params.set("rating", String(filters.rating))
  if (filters.verified !== null) params.set("verified", String(filters.verified))
  if (filters.productId) params.set("product_id", filters.productId)
  if (filters.q) params.set("q", filters.q)
  if (filters.order !== DEFAULT_REVIEW_ORDER) params.set("order", filters.order)
  if (filters.reviewId) params.set("review", filters.reviewId)
  return params
}

const useReviewFilters = () => {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => readFilters(params), [params])
  const latest = useRef(filters)
  latest.current = filters

  const update = useCallback(
    (changes: Partial<ReviewFilters>) => {
      // Two changes in one event (a filter, then closing the drawer) build
      // on each other, not on the address as it was before both.
      const next = { ...latest.current, ...changes }
      latest.current = next
      setParams(writeFilters(next), { replace: true })
    },
    [setParams]
  )

  return [filters, update] as const
}

const columnHelper = createDataTableColumnHelper<AdminReview>()

const useColumns = ({ t, formatDate }: CrmTranslation) =>
  useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("rating", {
        header: t("reviews.column.rating"),
        cell: ({ getValue }) => <ReviewStars rating={getValue()} t={t} />,
      }),
      columnHelper.display({
        id: "review",
        header: t("reviews.column.review"),
        cell: ({ row }) => {
          const title = excerpt(row.original.title, 60)
          const content = excerpt(row.original.content, 90)
          return (
            <div className="flex w-[260px] min-w-0 flex-col py-2 xl:w-[360px]">
              {title ? <span className="text-ui-fg-base truncate">{title}</span> : null}
              {content ? (
                <span className="text-ui-fg-subtle truncate">{content}</span>
              ) : !title ? (
                <span className="text-ui-fg-muted">{t("reviews.ratingOnly")}</span>
              ) : null}
            </div>
          )
        },
      }),
      columnHelper.display({
        id: "product",
        header: t("reviews.column.product"),
        cell: ({ row }) =>
          row.original.product ? (
            <span className="block max-w-[200px] truncate">{row.original.product.title}</span>
          ) : (
            <span className="text-ui-fg-muted">{t("reviews.deletedProduct")}</span>
          ),
      }),
      columnHelper.display({
        id: "author",
        header: t("reviews.column.author"),
        cell: ({ row }) => {
          const { customer, author_name } = row.original
          const name = author_name || customerName(customer)
          return (
            <div className="flex min-w-0 max-w-[220px] flex-col py-2">
              <span className="text-ui-fg-base truncate">{name || customer?.email || "-"}</span>
              {customer?.email ? (
                <span className="text-ui-fg-subtle truncate">{customer.email}</span>
              ) : !customer ? (
                <span className="text-ui-fg-muted truncate">{t("reviews.deletedCustomer")}</span>
              ) : null}
            </div>
          )
        },
      }),
      columnHelper.accessor("verified_purchase", {
        header: t("reviews.column.verified"),
        cell: ({ getValue }) =>
          getValue() ? (
            <Badge size="2xsmall" color="green">
              {t("reviews.verified")}
            </Badge>
          ) : (
            <span className="text-ui-fg-muted">{t("reviews.notVerified")}</span>
          ),
      }),
      columnHelper.accessor("status", {
        header: t("reviews.column.status"),
        cell: ({ getValue }) => <ReviewStatusBadge status={getValue()} t={t} />,
      }),
      columnHelper.accessor("created_at", {
        header: t("reviews.column.created"),
        cell: ({ getValue }) => <time dateTime={getValue()}>{formatDate(getValue())}</time>,
      }),
    ],
    [t, formatDate]
  )

/**
 * The DataTable passes the table's row object to `onRowClick` (its type says
 * the row data); take the data from either.
 */
const rowData = (row: AdminReview | { original: AdminReview }): AdminReview =>
  "original" in row ? row.original : row

const commandHelper = createDataTableCommandHelper()

/** What a batch changed, as a toast: "Reviews rejected: 3", and how many were left as they were. */
const batchToast = (
  action: "approve" | ReasonAction,
  requested: number,
  result: AdminReviewBatchResponse,
  { t, formatNumber }: CrmTranslation
) => {
  const changed =
    action === "approve"
      ? result.approved.length
      : action === "reject"
        ? result.rejected.length
        : result.flagged.length
  const title =
    action === "approve"
      ? t("reviews.bulk.approved", { count: formatNumber(changed) })
      : action === "reject"
        ? t("reviews.bulk.rejected", { count: formatNumber(changed) })
        : t("reviews.bulk.flagged", { count: formatNumber(changed) })
  const unchanged = requested - changed
  toast.success(title, {
    description:
      unchanged > 0 ? t("reviews.bulk.unchanged", { count: formatNumber(unchanged) }) : undefined,
  })
}

/**
 * The moderation queue: reviews filtered by status (pending first), rating,
 * verified purchase, product and text, a page at a time; select rows to
 * approve, reject or flag them together; click one to open it in full.
 */
export const ReviewsQueue = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const [filters, setFilters] = useReviewFilters()
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })
  const [rowSelection, setRowSelection] = useState<DataTableRowSelectionState>({})
  const { ask: askReason, isOpen: reasonOpen, prompt: reasonPrompt } = useReasonPrompt(i18n)
  const { mutateAsync: batch } = useBatchModerateReviews()
  // The command bar's shortcuts listen on the whole document: no batch while
  // one runs, a reason is asked for, or a review is open in the drawer.
  const inFlight = useRef(false)
  const drawerOpen = useRef(false)
  drawerOpen.current = !!filters.reviewId

  /** A new filter: back to the first page, and nothing selected that is no longer listed. */
  const changeFilters = useCallback(
    (changes: Parameters<typeof setFilters>[0]) => {
      setFilters(changes)
      setPagination((previous) => ({ ...previous, pageIndex: 0 }))
      setRowSelection({})
    },
    [setFilters]
  )

  const { reviews, count, summary, isPending, isError, error, refetch, isFetching } = useReviews({
    status: filters.status ?? undefined,
    rating: filters.rating ?? undefined,
    verified: filters.verified ?? undefined,
    product_id: filters.productId || undefined,
    q: filters.q,
    order: filters.order,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  // Moderating the last rows of the last page leaves that page empty: go back one.
  useEffect(() => {
    if (reviews && !reviews.length && pagination.pageIndex > 0 && (count ?? 0) > 0) {
      setPagination((previous) => ({ ...previous, pageIndex: previous.pageIndex - 1 }))
    }
  }, [reviews, count, pagination.pageIndex])

  const runBatch = useCallback(
    async (action: "approve" | ReasonAction, selection: DataTableRowSelectionState) => {
      const ids = Object.keys(selection).filter((id) => selection[id])
      if (!ids.length || inFlight.current || drawerOpen.current || reasonOpen()) {
        return
      }
      inFlight.current = true
      try {
        let reason: string | undefined
        if (action !== "approve") {
          const answer = await askReason({ action, count: ids.length })
          if (answer === null) {
            return
          }
          reason = answer || undefined
        }
        const body: AdminBatchModerateReviews = {
          ...(action === "approve" ? { approve: ids } : action === "reject" ? { reject: ids } : { flag: ids }),
          ...(reason ? { reason } : {}),
        }
        const result = await batch(body)
        setRowSelection({})
        batchToast(action, ids.length, result, i18n)
      } catch (e) {
        toast.error(t("reviews.bulk.failed"), {
          description: e instanceof Error ? e.message : undefined,
        })
      } finally {
        inFlight.current = false
      }
    },
    [batch, askReason, reasonOpen, i18n, t]
  )

  const commands = useMemo(
    () => [
      commandHelper.command({
        label: t("reviews.bulk.approve"),
        shortcut: "a",
        action: (selection) => runBatch("approve", selection),
      }),
      commandHelper.command({
        label: t("reviews.bulk.reject"),
        shortcut: "r",
        action: (selection) => runBatch("reject", selection),
      }),
      commandHelper.command({
        label: t("reviews.bulk.flag"),
        shortcut: "f",
        action: (selection) => runBatch("flag", selection),
      }),
    ],
    [t, runBatch]
  )

  const columns = useColumns(i18n)
  const table = useDataTable({
    columns,
    data: reviews ?? [],
    rowCount: count ?? 0,
    isLoading: isPending,
    getRowId: (review) => review.id,
    commands,
    rowSelection: { state: rowSelection, onRowSelectionChange: setRowSelection },
    search: {
      state: filters.q,
      onSearchChange: (q) => changeFilters({ q }),
    },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => setFilters({ reviewId: rowData(row).id }),
  })

  const otherFilters =
    filters.rating !== null || filters.verified !== null || !!filters.productId
  const productTitle = filters.productId
    ? reviews?.find((review) => review.product_id === filters.productId)?.product?.title
    : undefined

  return (
    <Container className="overflow-hidden p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <Heading level="h2">{t("reviews.queue")}</Heading>
          <div className="flex w-full flex-col gap-2 md:w-auto md:flex-row md:flex-wrap md:items-center md:justify-end">
            <StatusFilter value={filters.status} onChange={(status) => changeFilters({ status })} t={t} />
            <RatingFilter value={filters.rating} onChange={(rating) => changeFilters({ rating })} t={t} />
            <VerifiedFilter value={filters.verified} onChange={(verified) => changeFilters({ verified })} t={t} />
            <OrderSelect value={filters.order} onChange={(order) => changeFilters({ order })} t={t} />
            <ProductFilter value={filters.productId} onChange={(productId) => changeFilters({ productId })} t={t} />
            <DataTable.Search placeholder={t("reviews.search")} />
          </div>
        </DataTable.Toolbar>
        {filters.productId && summary ? (
          <div className="flex flex-col gap-y-3 border-t px-6 py-4">
            {productTitle ? (
              <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
                {productTitle}
              </Text>
            ) : null}
            <RatingSummary summary={summary} i18n={i18n} />
          </div>
        ) : null}
        <DataTableBody
          t={t}
          loadFailed={isError && !reviews}
          loadFailedTitle={t("reviews.loadFailed")}
          error={error}
          retrying={isFetching}
          onRetry={() => refetch()}
          emptyState={{
            // The filters are not the DataTable's own: with one set (and no
            // search), "empty" means "nothing matches".
            empty: otherFilters
              ? {
                  heading: t("reviews.filtered.heading"),
                  description: t("reviews.filtered.description"),
                }
              : filters.status === "pending"
                ? {
                    heading: t("reviews.pendingEmpty.heading"),
                    description: t("reviews.pendingEmpty.description"),
                  }
                : filters.status
                  ? {
                      heading: t("reviews.filtered.heading"),
                      description: t("reviews.filtered.description"),
                    }
                  : {
                      heading: t("reviews.empty.heading"),
                      description: t("reviews.empty.description"),
                    },
            filtered: {
              heading: t("reviews.filtered.heading"),
              description: t("reviews.filtered.description"),
            },
          }}
        />
        <DataTable.CommandBar selectedLabel={(selected) => t("reviews.selected", { count: selected })} />
      </DataTable>
      <ReviewDrawer
        reviewId={filters.reviewId}
        onOpenChange={(open) => (open ? undefined : setFilters({ reviewId: null }))}
        onShowProductReviews={(productId) => changeFilters({ productId, status: null, reviewId: null })}
        i18n={i18n}
      />
      {reasonPrompt}
    </Container>
  )
}

const StatusFilter = ({
  value,
  onChange,
  t,
}: {
  value: ReviewStatus | null
  onChange: (status: ReviewStatus | null) => void
  t: CrmTranslation["t"]
}) => (
  <Select size="small" value={value ?? ALL} onValueChange={(next) => onChange(isReviewStatus(next) ? next : null)}>
    <Select.Trigger aria-label={t("reviews.filter.status")} className="w-full md:w-36">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{t("reviews.filter.allStatuses")}</Select.Item>
      {REVIEW_STATUS_OPTIONS.map((status) => (
        <Select.Item key={status} value={status}>
          {reviewStatusLabel(status, t)}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

const RatingFilter = ({
  value,
  onChange,
  t,
}: {
  value: number | null
  onChange: (rating: number | null) => void
  t: CrmTranslation["t"]
}) => (
  <Select
    size="small"
    value={value ? String(value) : ALL}
    onValueChange={(next) => onChange(next === ALL ? null : Number(next))}
  >
    <Select.Trigger aria-label={t("reviews.filter.rating")} className="w-full md:w-32">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{t("reviews.filter.allRatings")}</Select.Item>
      {RATINGS.map((rating) => (
        <Select.Item key={rating} value={String(rating)}>
          {rating === 1 ? t("reviews.rating.one") : t("reviews.rating.other", { rating })}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

const VerifiedFilter = ({
  value,
  onChange,
  t,
}: {
  value: boolean | null
  onChange: (verified: boolean | null) => void
  t: CrmTranslation["t"]
}) => (
  <Select
    size="small"
    value={value === null ? ALL : String(value)}
    onValueChange={(next) => onChange(next === "true" ? true : next === "false" ? false : null)}
  >
    <Select.Trigger aria-label={t("reviews.filter.verified")} className="w-full md:w-40">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>{t("reviews.filter.allPurchases")}</Select.Item>
      <Select.Item value="true">{t("reviews.filter.verifiedOnly")}</Select.Item>
      <Select.Item value="false">{t("reviews.filter.unverifiedOnly")}</Select.Item>
    </Select.Content>
  </Select>
)

const OrderSelect = ({
  value,
  onChange,
  t,
}: {
  value: ReviewOrder
  onChange: (order: ReviewOrder) => void
  t: CrmTranslation["t"]
}) => (
  <Select size="small" value={value} onValueChange={(next) => onChange(isReviewOrder(next) ? next : DEFAULT_REVIEW_ORDER)}>
    <Select.Trigger aria-label={t("reviews.filter.order")} className="w-full md:w-44">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {REVIEW_ORDER_OPTIONS.map((order) => (
        <Select.Item key={order} value={order}>
          {reviewOrderLabel(order, t)}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** A product id, applied a moment after typing stops (or on Enter), cleared with the ×. */
const ProductFilter = ({
  value,
  onChange,
  t,
}: {
  value: string
  onChange: (productId: string) => void
  t: CrmTranslation["t"]
}) => {
  const [text, setText] = useState(value)
  const latestChange = useRef(onChange)
  latestChange.current = onChange

  // The address changed (a link, back/forward, "All reviews of this product").
  useEffect(() => setText(value), [value])

  useEffect(() => {
    const next = text.trim()
    if (next === value) {
      return
    }
    const timer = setTimeout(() => latestChange.current(next), 400)
    return () => clearTimeout(timer)
  }, [text, value])

  return (
    <div className="relative w-full md:w-48">
      <Input
        size="small"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder={t("reviews.filter.productPlaceholder")}
        aria-label={t("reviews.filter.product")}
        className={text ? "pr-8" : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault()
            latestChange.current(text.trim())
          }
        }}
      />
      {text ? (
        <IconButton
          size="2xsmall"
          variant="transparent"
          type="button"
          aria-label={t("reviews.filter.clearProduct")}
          className="absolute right-1 top-1/2 -translate-y-1/2"
          onClick={() => {
            setText("")
            latestChange.current("")
          }}
        >
          <XMarkMini />
        </IconButton>
      ) : null}
    </div>
  )
}
