import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { SegmentEditor } from "../../../components/segment-editor"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * A new segment (`/segments/new`): the builder with its live preview; saving
 * creates the segment (and its customer group), refreshes it once and opens it.
 */
const NewSegmentPage = () => {
  const i18n = useCrmTranslation()
  const { t } = i18n

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("segmentForm.createTitle")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("segmentForm.createDescription")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/segments">
            <ArrowUturnLeft />
            {t("segmentDetail.back")}
          </Link>
        </Button>
      </div>
      <SegmentEditor segment={null} i18n={i18n} />
    </div>
  )
}

export const handle = {
  breadcrumb: () => <NewSegmentBreadcrumb />,
}

const NewSegmentBreadcrumb = () => {
  const { t } = useCrmTranslation()
  return <span>{t("segmentForm.createTitle")}</span>
}

export default NewSegmentPage
