import { ArrowPath, ArrowUturnLeft, EllipsisHorizontal, Trash } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import { useDeleteSegment, useRefreshSegment, useSegmentFields } from "../hooks/segments"
import type { CrmTranslation } from "../lib/i18n"
import { refreshModeLabel, ruleSummary, type AdminSegment } from "../lib/segments"
import { SegmentPromotionDrawer } from "./segment-promotion-drawer"

/**
 * The segment's name, rules in words and membership numbers, and its
 * actions: refresh now (says who joined and left), create a promotion for
 * its members, delete (after a confirmation; its customer group goes too).
 */
export const SegmentHeader = ({ segment, i18n }: { segment: AdminSegment; i18n: CrmTranslation }) => {
  const { t, formatNumber, formatDateTime } = i18n
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { fields } = useSegmentFields()
  const refresh = useRefreshSegment()
  const remove = useDeleteSegment()

  const onRefresh = async () => {
    try {
      const { joined, left, segment: refreshed } = await refresh.mutateAsync(segment.id)
      toast.success(t("segmentDetail.refreshed", { joined: formatNumber(joined), left: formatNumber(left) }), {
        description: t("segmentForm.members", { count: formatNumber(refreshed.member_count) }),
      })
    } catch (e) {
      toast.error(t("segmentDetail.refreshFailed"), { description: e instanceof Error ? e.message : undefined })
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: t("segmentDetail.deleteTitle"),
      description: t("segmentDetail.deleteDescription", { name: segment.name }),
      confirmText: t("segmentDetail.delete"),
      cancelText: t("ticket.cancel"),
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(segment.id)
    } catch (e) {
      toast.error(t("segmentDetail.deleteFailed"), { description: e instanceof Error ? e.message : undefined })
      return
    }
    toast.success(t("segmentDetail.deleted", { name: segment.name }))
    navigate("/segments", { replace: true })
  }

  const facts = [
    t("segmentForm.members", { count: formatNumber(segment.member_count) }),
    segment.refreshed_at
      ? t("segmentDetail.refreshedAt", { at: formatDateTime(segment.refreshed_at) })
      : t("segmentDetail.neverRefreshed"),
    segment.refreshed_at
      ? t("segmentDetail.lastChange", { joined: formatNumber(segment.last_joined), left: formatNumber(segment.last_left) })
      : null,
  ].filter(Boolean)

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex flex-col items-start justify-between gap-3 md:flex-row">
        <div className="flex min-w-0 flex-col gap-y-2">
          <Heading level="h1" className="break-words">
            {segment.name}
          </Heading>
          <div className="flex flex-wrap items-center gap-2">
            <Badge size="2xsmall" color={segment.refresh === "manual" ? "grey" : "blue"}>
              {refreshModeLabel(segment.refresh, t)}
            </Badge>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/segments">
              <ArrowUturnLeft />
              {t("segmentDetail.back")}
            </Link>
          </Button>
          <Button size="small" variant="secondary" isLoading={refresh.isPending} onClick={onRefresh}>
            <ArrowPath />
            {t("segmentDetail.refresh")}
          </Button>
          <SegmentPromotionDrawer segment={segment} i18n={i18n} />
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("segmentDetail.more")}>
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item onClick={onDelete} className="text-ui-fg-error gap-x-2" disabled={remove.isPending}>
                <Trash />
                {t("segmentDetail.delete")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
      </div>
      {segment.description ? (
        <Text size="small" className="text-ui-fg-subtle break-words">
          {segment.description}
        </Text>
      ) : null}
      <Text size="small" leading="compact" className="text-ui-fg-base break-words">
        {ruleSummary(segment.rules, fields ?? [], i18n)}
      </Text>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {facts.join(" \u00b7 ")}
      </Text>
    </Container>
  )
}
