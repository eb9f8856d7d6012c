import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { LoadError } from "../components/load-error"
import { ReviewList, ReviewListSkeleton } from "../components/review-list"
import { useReviews } from "../hooks/reviews"
import { useCrmTranslation } from "../lib/i18n"

/** More than any order has lines worth reviewing, in one request. */
const LIMIT = 50

/**
 * The reviews written from this order, on the order page's side column:
 * each with its rating, status and product, and a link to it on the Reviews
 * page. Text is rendered as React children (escaped), never as HTML.
 */
const OrderReviewsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const orderId = order?.id ?? ""
  const { reviews, isPending, isError, error, refetch, isFetching } = useReviews(
    { order_id: orderId, limit: LIMIT, offset: 0 },
    // Another order's reviews are never shown while this one's load.
    { enabled: !!orderId, placeholderData: undefined }
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("orderReviews.title")}</Heading>
      </div>
      {isPending ? (
        <ReviewListSkeleton label={t("orderReviews.loading")} rows={1} />
      ) : isError && !reviews ? (
        <LoadError
          title={t("reviews.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : reviews?.length ? (
        <ReviewList reviews={reviews} showProduct i18n={i18n} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("orderReviews.empty")}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-order-reviews",
})

export default OrderReviewsWidget
