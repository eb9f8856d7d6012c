import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import type { SegmentPromotionSummary } from "../lib/segments"

const STATUS_COLORS: Record<string, "green" | "grey" | "orange"> = { active: "green", draft: "grey", inactive: "orange" }

/** The promotions made for this segment (the segment's `promotions`), each linking to the dashboard's promotion page. */
export const SegmentPromotions = ({
  promotions,
  i18n: { t },
}: {
  promotions: SegmentPromotionSummary[]
  i18n: CrmTranslation
}) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">{t("segmentPromotions.title")}</Heading>
    </div>
    {promotions.length ? (
      <ul className="divide-y">
        {promotions.map((promotion) => (
          <li key={promotion.id} className="flex items-center justify-between gap-x-2 px-6 py-3">
            <Link
              to={`/promotions/${encodeURIComponent(promotion.id)}`}
              className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline"
            >
              {promotion.code}
            </Link>
            <div className="flex items-center gap-x-2">
              <Text size="xsmall" className="text-ui-fg-muted">
                {promotion.is_automatic ? t("segmentPromotions.automatic") : t("segmentPromotions.withCode")}
              </Text>
              <Badge size="2xsmall" color={STATUS_COLORS[promotion.status] ?? "grey"}>
                {["active", "draft", "inactive"].includes(promotion.status)
                  ? t(`segmentPromotions.status.${promotion.status}` as CrmMessageKey)
                  : promotion.status}
              </Badge>
            </div>
          </li>
        ))}
      </ul>
    ) : (
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          {t("segmentPromotions.empty")}
        </Text>
      </div>
    )}
  </Container>
)
