import { DataTable, type DataTableEmptyStateProps } from "@medusajs/ui"
import type { CrmTranslation } from "../lib/i18n"
import { paginationTranslations } from "../lib/pagination-translations"
import { LoadError } from "./load-error"

/**
 * Below a DataTable's toolbar: the rows and the pagination bar, or, when the
 * first page could not be loaded, the load error with a retry in their place.
 * `paginated={false}` for a table given every row at once (no `pagination`
 * passed to `useDataTable`): no pagination bar then.
 */
export const DataTableBody = ({
  t,
  paginated = true,
  loadFailed,
  loadFailedTitle,
  error,
  retrying,
  onRetry,
  emptyState,
}: {
  t: CrmTranslation["t"]
  paginated?: boolean
  loadFailed: boolean
  loadFailedTitle: string
  error?: { message?: string } | null
  retrying: boolean
  onRetry: () => void
  emptyState: DataTableEmptyStateProps
}) =>
  loadFailed ? (
    <LoadError
      className="border-t"
      title={loadFailedTitle}
      error={error}
      retryLabel={t("loyalty.retry")}
      retrying={retrying}
      onRetry={onRetry}
    />
  ) : (
    <>
      <DataTable.Table emptyState={emptyState} />
      {paginated ? <DataTable.Pagination translations={paginationTranslations(t)} /> : null}
    </>
  )
