import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text, toast } from "@medusajs/ui"
import { useRescoreRfm, useRfmDistribution } from "../hooks/segments"
import type { CrmTranslation } from "../lib/i18n"
import { RFM_GROUP_FILLS, formatShare, rfmBarHeights, type RfmGroupShare } from "../lib/segments"
import { LoadError } from "./load-error"

/**
 * How the customers spread over the ten RFM groups (`GET /admin/crm/rfm`),
 * as columns (customers, and their share below), with when they were scored
 * and "Rescore now".
 */
export const RfmDistribution = ({ i18n }: { i18n: CrmTranslation }) => {
  const { t, formatNumber, formatDateTime } = i18n
  const { groups, customers, scored_at, isPending, isError, error, refetch, isFetching } = useRfmDistribution()
  const rescore = useRescoreRfm()

  const onRescore = async () => {
    try {
      const answer = await rescore.mutateAsync()
      toast.success(t("rfm.rescored", { count: formatNumber(answer.customers) }))
    } catch (e) {
      toast.error(t("rfm.rescoreFailed"), { description: e instanceof Error ? e.message : undefined })
    }
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{t("rfm.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {groups
              ? scored_at
                ? t("rfm.scoredAt", { at: formatDateTime(scored_at), count: formatNumber(customers ?? 0) })
                : t("rfm.neverScored")
              : t("rfm.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={rescore.isPending} onClick={onRescore}>
          <ArrowPath />
          {t("rfm.rescore")}
        </Button>
      </div>
      {isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : isError || !groups ? (
        <LoadError
          className="px-0"
          title={t("rfm.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      ) : (
        <RfmChart groups={groups} i18n={i18n} />
      )}
    </Container>
  )
}

/** Columns as tall as their group's share of the largest group; the numbers are in a table for screen readers too. */
export const RfmChart = ({ groups, i18n: { t, locale, formatNumber } }: { groups: RfmGroupShare[]; i18n: CrmTranslation }) => {
  const heights = rfmBarHeights(groups)
  return (
    <figure className="flex flex-col gap-y-2">
      <div className="flex h-56 items-end gap-x-2" aria-hidden>
        {groups.map((group, index) => (
          <div
            key={group.name}
            className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-y-1"
            title={`${group.label}: ${formatNumber(group.customers)} (${formatShare(group.share, locale)})`}
          >
            <Text size="xsmall" leading="compact" className="text-ui-fg-base tabular-nums">
              {formatNumber(group.customers)}
            </Text>
            <div className="bg-ui-bg-component relative w-full flex-1 overflow-hidden rounded-md">
              <div
                className="absolute inset-x-0 bottom-0 rounded-md"
                style={{ height: `${heights[index] * 100}%`, background: RFM_GROUP_FILLS[group.name] ?? "var(--fg-interactive)" }}
              />
            </div>
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted tabular-nums">
              {formatShare(group.share, locale)}
            </Text>
            <Text size="xsmall" leading="compact" weight="plus" className="text-ui-fg-subtle h-8 w-full text-center [overflow-wrap:anywhere]">
              {group.label}
            </Text>
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>{t("rfm.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rfm.group")}</th>
            <th scope="col">{t("rfm.customers")}</th>
            <th scope="col">{t("rfm.share")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.name}>
              <th scope="row">{group.label}</th>
              <td>{formatNumber(group.customers)}</td>
              <td>{formatShare(group.share, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
