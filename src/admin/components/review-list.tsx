import { Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminReview } from "../hooks/reviews"
import type { CrmTranslation } from "../lib/i18n"
import { excerpt } from "../lib/reviews"
import { ReviewStars } from "./review-stars"
import { ReviewStatusBadge } from "./review-status-badge"

/** The Reviews page with one review open in its drawer (any status, so the queue's filter never hides it). */
export const reviewLink = (reviewId: string) =>
  `/reviews?${new URLSearchParams({ status: "all", review: reviewId })}`

/** The Reviews page listing one product's reviews, every status. */
export const productReviewsLink = (productId: string) =>
  `/reviews?${new URLSearchParams({ status: "all", product_id: productId })}`

/**
 * Reviews as a short list for the widgets: stars, status, title or text,
 * author and date, each a link to the review on the Reviews page. Text is
 * rendered as React children (escaped), never as HTML.
 */
export const ReviewList = ({
  reviews,
  showProduct,
  i18n,
}: {
  reviews: AdminReview[]
  /** The product's title under each review (the order widget: an order has several). */
  showProduct?: boolean
  i18n: CrmTranslation
}) => {
  const { t, formatDate } = i18n

  return (
    <ul className="divide-y">
      {reviews.map((review) => {
        const title = excerpt(review.title, 80)
        const content = excerpt(review.content, 140)
        return (
          <li key={review.id}>
            <Link
              to={reviewLink(review.id)}
              className="hover:bg-ui-bg-base-hover transition-fg flex flex-col gap-y-1 px-6 py-3 outline-none focus-visible:bg-ui-bg-base-hover"
            >
              <div className="flex items-center justify-between gap-x-2">
                <ReviewStars rating={review.rating} t={t} />
                <ReviewStatusBadge status={review.status} t={t} className="txt-compact-xsmall" />
              </div>
              {showProduct ? (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                  {review.product?.title ?? t("reviews.deletedProduct")}
                </Text>
              ) : null}
              {title ? (
                <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base break-words">
                  {title}
                </Text>
              ) : null}
              {content ? (
                <Text size="small" leading="compact" className="text-ui-fg-subtle break-words">
                  {content}
                </Text>
              ) : !title ? (
                <Text size="small" leading="compact" className="text-ui-fg-muted">
                  {t("reviews.ratingOnly")}
                </Text>
              ) : null}
              <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap items-center gap-x-1.5">
                <span className="truncate">{review.author_name}</span>
                <span aria-hidden>{"\u00b7"}</span>
                <time dateTime={review.created_at}>{formatDate(review.created_at)}</time>
                {review.verified_purchase ? (
                  <>
                    <span aria-hidden>{"\u00b7"}</span>
                    <span>{t("reviews.verified")}</span>
                  </>
                ) : null}
              </div>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

export const ReviewListSkeleton = ({ label, rows = 3 }: { label: string; rows?: number }) => (
  <div className="divide-y" role="status" aria-busy="true" aria-label={label}>
    {Array.from({ length: rows }, (_, row) => (
      <div key={row} className="flex flex-col gap-y-2 px-6 py-3">
        <div className="flex items-center justify-between">
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 w-16" />
        </div>
        <Skeleton className="h-4 w-48" />
      </div>
    ))}
  </div>
)
