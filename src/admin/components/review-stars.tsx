import { clx } from "@medusajs/ui"
import type { CrmTranslation } from "../lib/i18n"
import { stars } from "../lib/reviews"

/**
 * A rating as five text stars ("★★★★☆"), read out by screen readers as
 * "4 out of 5 stars".
 */
export const ReviewStars = ({
  rating,
  t,
  className,
}: {
  rating: number
  t: CrmTranslation["t"]
  className?: string
}) => (
  <span
    role="img"
    aria-label={t("reviews.rating.aria", { rating })}
    title={t("reviews.rating.aria", { rating })}
    className={clx("text-ui-tag-orange-icon whitespace-nowrap tracking-tight", className)}
  >
    {stars(rating)}
  </span>
)
