import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { LoadError } from "../../../components/load-error"
import { SegmentEditor } from "../../../components/segment-editor"
import { SegmentHeader } from "../../../components/segment-header"
import { SegmentMembers } from "../../../components/segment-members"
import { SegmentPromotions } from "../../../components/segment-promotions"
import { SettingsSkeleton } from "../../../components/settings-skeleton"
import { useSegment } from "../../../hooks/segments"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * One segment (`/segments/:id`): its header with the actions (refresh,
 * create promotion, delete), its rules in the builder with the live preview,
 * its members and its promotions. Not in the sidebar: reached from the list
 * and the customer widget.
 */
const SegmentPage = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n
  const { id = "" } = useParams()
  const { segment, isPending, isError, error, refetch, isFetching } = useSegment(id)

  if (isPending) {
    return (
      <Container className="p-0">
        <SettingsSkeleton />
      </Container>
    )
  }
  if (isError || !segment) {
    return (
      <Container className="p-0">
        <LoadError
          title={t("segmentDetail.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <SegmentHeader segment={segment} i18n={i18n} />
      {/* Another segment starts from its own values. */}
      <SegmentEditor key={segment.id} segment={segment} i18n={i18n} />
      <SegmentMembers segmentId={segment.id} i18n={i18n} />
      <SegmentPromotions promotions={segment.promotions ?? []} i18n={i18n} />
    </div>
  )
}

/** The segment's name in the dashboard's breadcrumbs, from the segment the page loads (the same cache entry). */
const SegmentBreadcrumb = ({ id }: { id: string }) => {
  const { t } = useCrmTranslation()
  const { segment } = useSegment(id)
  return <span>{segment ? segment.name : t("segmentDetail.breadcrumb")}</span>
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => <SegmentBreadcrumb id={match.params.id ?? ""} />,
}

export default SegmentPage
