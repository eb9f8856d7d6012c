import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LoadError } from "../components/load-error"
import { SectionRow } from "../components/section-row"
import { useCustomerSegments } from "../hooks/segments"
import { useCrmTranslation } from "../lib/i18n"
import { RFM_GROUP_FILLS } from "../lib/segments"

/**
 * The customer's segments (each linking to its page) and RFM group with the
 * recency, frequency and monetary scores, in the customer page's side column.
 */
const CustomerSegmentsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t, formatDate } = useCrmTranslation()
  const { segments, rfm, isPending, isError, error, refetch, isFetching } = useCustomerSegments(customer?.id ?? "")

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("customerSegments.title")}</Heading>
      </div>
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4" aria-busy aria-label={t("customerSegments.loading")}>
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : isError ? (
        <LoadError
          title={t("customerSegments.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        <>
          <SectionRow
            title={t("customerSegments.rfm")}
            value={
              rfm ? (
                <span className="flex flex-col gap-y-1">
                  <span className="flex items-center gap-x-1.5">
                    <span className="h-2 w-2 rounded-full" style={{ background: RFM_GROUP_FILLS[rfm.group] }} aria-hidden />
                    <Text size="small" leading="compact" weight="plus" className="text-ui-fg-base">
                      {rfm.label}
                    </Text>
                  </span>
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle tabular-nums">
                    {t("customerSegments.scores", { r: rfm.recency, f: rfm.frequency, m: rfm.monetary })}
                  </Text>
                </span>
              ) : (
                t("customerSegments.noRfm")
              )
            }
          />
          {segments?.length ? (
            <ul className="flex flex-col gap-y-2 px-6 py-4" aria-label={t("customerSegments.segments")}>
              {segments.map((segment) => (
                <li key={segment.id} className="flex items-center justify-between gap-x-2">
                  <Link
                    to={`/segments/${encodeURIComponent(segment.id)}`}
                    className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline"
                  >
                    {segment.name}
                  </Link>
                  <Badge size="2xsmall" color="grey" title={t("customerSegments.joined")}>
                    {formatDate(segment.joined_at)}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {t("customerSegments.empty")}
              </Text>
            </div>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-customer-segments",
})

export default CustomerSegmentsWidget
