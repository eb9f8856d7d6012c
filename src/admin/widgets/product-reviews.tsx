import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { LoadError } from "../components/load-error"
import { RatingSummary } from "../components/rating-summary"
import { ReviewList, ReviewListSkeleton, productReviewsLink } from "../components/review-list"
import { useReviews } from "../hooks/reviews"
import { useCrmTranslation } from "../lib/i18n"

const LATEST = 5

/**
 * The product's reviews on the product page: its approved-review summary
 * (average, count, a bar per rating) and the latest reviews of any status,
 * each a link to it on the Reviews page. Text is rendered as React children
 * (escaped), never as HTML.
 */
const ProductReviewsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const productId = product?.id ?? ""
  const { reviews, count, summary, isPending, isError, error, refetch, isFetching } = useReviews(
    { product_id: productId, limit: LATEST, offset: 0 },
    // Another product's reviews are never shown while this one's load.
    { enabled: !!productId, placeholderData: undefined }
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("productReviews.title")}</Heading>
        {productId && (count ?? 0) > 0 ? (
          <Link
            to={productReviewsLink(productId)}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg txt-compact-small"
          >
            {t("productReviews.viewAll")}
          </Link>
        ) : null}
      </div>

      {isPending ? (
        <ReviewListSkeleton label={t("productReviews.loading")} />
      ) : isError && !reviews ? (
        <LoadError
          title={t("reviews.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        <>
          {summary ? (
            <div className="px-6 py-4">
              <RatingSummary summary={summary} i18n={i18n} />
            </div>
          ) : null}
          {reviews?.length ? (
            <section aria-labelledby="crm-product-reviews-latest">
              <Text
                id="crm-product-reviews-latest"
                size="small"
                weight="plus"
                leading="compact"
                className="text-ui-fg-base px-6 pb-2 pt-4"
              >
                {t("productReviews.latest")}
              </Text>
              <ReviewList reviews={reviews} i18n={i18n} />
            </section>
          ) : (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {t("productReviews.empty")}
              </Text>
            </div>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
  // Explicit, plugin-prefixed id: the derived one is a short hash of the file
  // path and is what the dashboard keys layout customisations on.
  id: "crm-product-reviews",
})

export default ProductReviewsWidget
