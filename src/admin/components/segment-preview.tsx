import { Spinner } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useSegmentPreview } from "../hooks/segments"
import type { CrmTranslation } from "../lib/i18n"
import { memberName, type SegmentRule } from "../lib/segments"

/** How long the rule must stay unchanged before it is counted: typing a number asks once, not per key. */
export const PREVIEW_DELAY_MS = 500

const useDebounced = <T,>(value: T, delay: number) => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return debounced
}

/**
 * Who the rule matches right now (`POST /admin/segments/preview`), asked
 * again once the rule stops changing. An incomplete rule asks nothing; a
 * rule the server refuses shows the server's 400 message, which names the
 * field, op or value.
 */
export const SegmentPreview = ({
  rule,
  incomplete,
  i18n,
}: {
  rule: SegmentRule | null
  incomplete: boolean
  i18n: CrmTranslation
}) => {
  const { t, formatNumber } = i18n
  const serialized = useDebounced(rule ? JSON.stringify(rule) : "", PREVIEW_DELAY_MS)
  const debounced = useMemo(() => (serialized ? (JSON.parse(serialized) as SegmentRule) : null), [serialized])
  const { count, sample, isFetching, isError, error } = useSegmentPreview(incomplete ? null : debounced)
  const waiting = !incomplete && (isFetching || serialized !== (rule ? JSON.stringify(rule) : ""))

  return (
    <section aria-live="polite" aria-labelledby="crm-segment-preview-title" className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-2">
        <Text id="crm-segment-preview-title" size="small" weight="plus" leading="compact">
          {t("segmentPreview.title")}
        </Text>
        {waiting ? <Spinner className="text-ui-fg-muted animate-spin" aria-label={t("segmentPreview.loading")} /> : null}
      </div>
      {incomplete ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("segmentPreview.incomplete")}
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error break-words" role="alert">
          {error?.message || t("segmentPreview.failed")}
        </Text>
      ) : count !== undefined ? (
        <>
          <Text size="xlarge" weight="plus" className="tabular-nums">
            {count === 1 ? t("segmentPreview.countOne") : t("segmentPreview.count", { count: formatNumber(count) })}
          </Text>
          {sample?.length ? (
            <ul className="flex flex-col gap-y-1">
              {sample.map((customer) => (
                <li key={customer.id}>
                  <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="txt-small text-ui-fg-interactive hover:underline">
                    {memberName(customer) || customer.email}
                  </Link>
                  {memberName(customer) ? (
                    <Text as="span" size="small" className="text-ui-fg-muted">{` ${customer.email}`}</Text>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
