import { StatusBadge } from "@medusajs/ui"
import type { CrmTranslation } from "../lib/i18n"
import { REVIEW_STATUS_COLORS, isReviewStatus, reviewStatusLabel } from "../lib/reviews"

/** A review's status: pending (orange), approved (green), rejected (red), flagged (purple). */
export const ReviewStatusBadge = ({
  status,
  t,
  className,
}: {
  status: string
  t: CrmTranslation["t"]
  className?: string
}) => (
  <StatusBadge
    color={isReviewStatus(status) ? REVIEW_STATUS_COLORS[status] : "grey"}
    className={className}
  >
    {reviewStatusLabel(status, t)}
  </StatusBadge>
)
