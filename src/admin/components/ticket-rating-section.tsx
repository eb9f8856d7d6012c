import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminTicketDetail } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { MAX_RATING } from "../lib/reviews"
import { ReviewStars } from "./review-stars"

/** The customer's rating of the handling (CSAT, 1 to 5) and their comment, once they rated. */
export const TicketRatingSection = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t, formatDateTime } = i18n
  if (ticket.rating_score == null) {
    return null
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("ticket.rating.title")}</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <ReviewStars rating={ticket.rating_score} t={t} className="txt-large" />
          <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
            {`${ticket.rating_score}/${MAX_RATING}`}
          </Text>
        </div>
        {ticket.rating_comment ? (
          <Text size="small" className="text-ui-fg-base whitespace-pre-wrap break-words">
            {ticket.rating_comment}
          </Text>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("ticket.rating.noComment")}
          </Text>
        )}
        {ticket.rated_at ? (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("ticket.rating.ratedAt", { date: formatDateTime(ticket.rated_at) })}
          </Text>
        ) : null}
      </div>
    </Container>
  )
}
