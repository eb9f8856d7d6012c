import { Badge, Button, Drawer, Hint, Label, Skeleton, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from "react"
import { Link } from "react-router-dom"
import type { ModerationAction, ReviewStatus } from "../../types"
import {
  useModerateReview,
  useRemoveReviewResponse,
  useRespondToReview,
  useReview,
  useStaffUsers,
  type AdminReviewDetail,
  type StaffUser,
} from "../hooks/reviews"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import {
  SUB_RATING_FIELDS,
  actorLabel,
  customerName,
  eventLabel,
  reviewStatusLabel,
  ruleLabel,
  safeHttpUrl,
  verdictColor,
  verdictLabel,
} from "../lib/reviews"
import { LoadError } from "./load-error"
import { ReviewStars } from "./review-stars"
import { ReviewStatusBadge } from "./review-status-badge"
import { useReasonPrompt } from "./review-reason-prompt"
import { SectionRow } from "./section-row"

/** The public reply's bound. */
const RESPONSE_MAX = 5000

const LINK_CLASS = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

const ACTION_TOASTS: Record<ModerationAction, CrmMessageKey> = {
  approve: "reviewDetail.approved",
  reject: "reviewDetail.rejected",
  flag: "reviewDetail.flagged",
}

/** The status each action leads to: that action is pointless on a review already there. */
const ACTION_STATUS: Record<ModerationAction, ReviewStatus> = {
  approve: "approved",
  reject: "rejected",
  flag: "flagged",
}

type ReviewDrawerProps = {
  /** The review to show, or null while closed. */
  reviewId: string | null
  onOpenChange: (open: boolean) => void
  /** Narrows the page's list to the review's product. */
  onShowProductReviews?: (productId: string) => void
  i18n: CrmTranslation
}

/**
 * One review in full, in a drawer opened from the moderation queue: the
 * text, ratings and images, the automatic checks, the moderation history,
 * the moderator's actions and the public reply. Everything the customer
 * wrote is rendered as React text children (escaped): never as HTML, and
 * image addresses are links (http and https only), never loaded.
 */
export const ReviewDrawer = ({ reviewId, onOpenChange, onShowProductReviews, i18n }: ReviewDrawerProps) => {
  const { t } = i18n
  const reasons = useReasonPrompt(i18n)
  const [busy, setBusy] = useState(false)

  return (
    <Drawer
      open={!!reviewId}
      onOpenChange={(open) => (busy || reasons.isOpen() ? undefined : onOpenChange(open))}
    >
      <Drawer.Content aria-busy={busy || undefined}>
        <Drawer.Header>
          <Drawer.Title>{t("reviewDetail.title")}</Drawer.Title>
        </Drawer.Header>
        {reviewId ? (
          <ReviewDetails
            key={reviewId}
            reviewId={reviewId}
            onBusyChange={setBusy}
            askReason={reasons.ask}
            onShowProductReviews={
              onShowProductReviews
                ? (productId) => {
                    onShowProductReviews(productId)
                    onOpenChange(false)
                  }
                : undefined
            }
            i18n={i18n}
          />
        ) : null}
      </Drawer.Content>
      {reasons.prompt}
    </Drawer>
  )
}

const ReviewDetails = ({
  reviewId,
  onBusyChange,
  askReason,
  onShowProductReviews,
  i18n,
}: {
  reviewId: string
  onBusyChange: (busy: boolean) => void
  askReason: ReturnType<typeof useReasonPrompt>["ask"]
  onShowProductReviews?: (productId: string) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const { review, isPending, isError, error, refetch, isFetching } = useReview(reviewId)
  const moderate = useModerateReview()
  // A double click moderates twice before `isPending` re-renders; this does not.
  const inFlight = useRef(false)
  const [running, setRunning] = useState<ModerationAction | null>(null)

  const staffIds = useMemo(
    () =>
      review
        ? [
            ...review.moderation
              .filter((entry) => entry.actor_type === "user" && entry.actor_id)
              .map((entry) => entry.actor_id!),
            ...(review.responded_by ? [review.responded_by] : []),
          ]
        : [],
    [review]
  )
  const { data: staff } = useStaffUsers(staffIds)

  const run = async (action: ModerationAction) => {
    if (inFlight.current || !review) {
      return
    }
    inFlight.current = true
    try {
      let reason: string | undefined
      if (action !== "approve") {
        const answer = await askReason({ action, count: 1 })
        if (answer === null) {
          return
        }
        reason = answer || undefined
      }
      setRunning(action)
      onBusyChange(true)
      await moderate.mutateAsync({ id: review.id, action, reason })
      toast.success(t(ACTION_TOASTS[action]))
    } catch (e) {
      toast.error(t("reviewDetail.actionFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    } finally {
      inFlight.current = false
      setRunning(null)
      onBusyChange(false)
    }
  }

  if (isPending) {
    return <DetailsSkeleton label={t("reviewDetail.loading")} />
  }
  if (isError || !review) {
    return (
      <Drawer.Body className="p-0">
        <LoadError
          title={t("reviewDetail.loadFailed")}
          error={error}
          retryLabel={t("loyalty.retry")}
          retrying={isFetching}
          onRetry={() => refetch()}
        />
      </Drawer.Body>
    )
  }

  return (
    <>
      <Drawer.Body className="flex flex-col divide-y overflow-y-auto p-0">
        <Drawer.Description className="sr-only">{t("reviewDetail.description")}</Drawer.Description>
        <ReviewText review={review} i18n={i18n} />
        <ReviewFacts review={review} onShowProductReviews={onShowProductReviews} i18n={i18n} />
        <AutoModeration review={review} i18n={i18n} />
        <ModerationHistory review={review} staff={staff} i18n={i18n} />
        <ResponseEditor
          key={`${review.id}:${review.response ?? ""}`}
          review={review}
          staff={staff}
          onBusyChange={onBusyChange}
          i18n={i18n}
        />
      </Drawer.Body>
      <Drawer.Footer className="justify-between">
        <ReviewStatusBadge status={review.status} t={t} />
        <div className="flex items-center gap-x-2">
          <Button
            size="small"
            variant="secondary"
            disabled={!!running || review.status === ACTION_STATUS.flag}
            isLoading={running === "flag"}
            onClick={() => run("flag")}
          >
            {t("reviewDetail.flag")}
          </Button>
          <Button
            size="small"
            variant="danger"
            disabled={!!running || review.status === ACTION_STATUS.reject}
            isLoading={running === "reject"}
            onClick={() => run("reject")}
          >
            {t("reviewDetail.reject")}
          </Button>
          <Button
            size="small"
            disabled={!!running || review.status === ACTION_STATUS.approve}
            isLoading={running === "approve"}
            onClick={() => run("approve")}
          >
            {t("reviewDetail.approve")}
          </Button>
        </div>
      </Drawer.Footer>
    </>
  )
}

/** The rating, the title, the text (line breaks kept) and the image addresses. */
const ReviewText = ({ review, i18n }: { review: AdminReviewDetail; i18n: CrmTranslation }) => {
  const { t } = i18n
  const title = review.title?.trim()
  const content = review.content?.trim()

  return (
    <section className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center gap-x-2">
        <ReviewStars rating={review.rating} t={t} className="txt-large" />
        <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
          {`${review.rating}/5`}
        </Text>
      </div>
      {title ? (
        <Text size="base" weight="plus" className="text-ui-fg-base whitespace-pre-wrap break-words">
          {title}
        </Text>
      ) : null}
      {content ? (
        <Text size="small" className="text-ui-fg-base whitespace-pre-wrap break-words">
          {content}
        </Text>
      ) : !title ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("reviewDetail.noText")}
        </Text>
      ) : null}
      {review.images?.length ? (
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" leading="compact" className="text-ui-fg-subtle">
            {t("reviewDetail.images")}
          </Text>
          <ul className="flex flex-col gap-y-1">
            {review.images.map((image, index) => {
              const href = safeHttpUrl(image)
              return (
                <li key={`${index}:${image}`} className="txt-compact-small min-w-0 break-all">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer" className={LINK_CLASS}>
                      {`${t("reviewDetail.image", { index: index + 1 })}: ${image}`}
                    </a>
                  ) : (
                    <span className="text-ui-fg-subtle">
                      {`${t("reviewDetail.image", { index: index + 1 })}: ${image} (${t("reviewDetail.imageNotLinked")})`}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

/** Who wrote it, about what, from which order, and where it stands. */
const ReviewFacts = ({
  review,
  onShowProductReviews,
  i18n,
}: {
  review: AdminReviewDetail
  onShowProductReviews?: (productId: string) => void
  i18n: CrmTranslation
}) => {
  const { t, formatNumber, formatDateTime } = i18n
  const name = customerName(review.customer)

  return (
    <section className="flex flex-col">
      {SUB_RATING_FIELDS.map((field) =>
        review[field] != null ? (
          <SectionRow
            key={field}
            title={t(`reviewDetail.${field}` as CrmMessageKey)}
            value={<ReviewStars rating={review[field]!} t={t} />}
          />
        ) : null
      )}
      <SectionRow
        title={t("reviewDetail.product")}
        value={
          <div className="flex min-w-0 flex-col gap-y-0.5">
            {review.product ? (
              <Link to={`/products/${encodeURIComponent(review.product_id)}`} className={LINK_CLASS}>
                {review.product.title}
              </Link>
            ) : (
              <span className="text-ui-fg-muted">{`${t("reviews.deletedProduct")} (${review.product_id})`}</span>
            )}
            {onShowProductReviews ? (
              <button
                type="button"
                className={`${LINK_CLASS} txt-compact-xsmall text-left`}
                onClick={() => onShowProductReviews(review.product_id)}
              >
                {t("reviewDetail.productReviews")}
              </button>
            ) : null}
          </div>
        }
      />
      <SectionRow
        title={t("reviewDetail.customer")}
        value={
          review.customer ? (
            <Link
              to={`/customers/${encodeURIComponent(review.customer_id)}`}
              className={`${LINK_CLASS} break-all`}
            >
              {name ? `${name} (${review.customer.email})` : review.customer.email}
            </Link>
          ) : (
            <span className="text-ui-fg-muted">{t("reviews.deletedCustomer")}</span>
          )
        }
      />
      <SectionRow title={t("reviewDetail.author")} value={review.author_name} />
      {review.order_id ? (
        <SectionRow
          title={t("reviewDetail.order")}
          value={
            <Link to={`/orders/${encodeURIComponent(review.order_id)}`} className={LINK_CLASS}>
              {t("reviewDetail.viewOrder")}
            </Link>
          }
        />
      ) : null}
      <SectionRow
        title={t("reviewDetail.verified")}
        value={
          review.verified_purchase ? (
            <Badge size="2xsmall" color="green">
              {t("reviews.verified")}
            </Badge>
          ) : (
            t("reviewDetail.no")
          )
        }
      />
      <SectionRow
        title={t("reviewDetail.helpful")}
        value={t("reviewDetail.helpfulCount", { count: formatNumber(review.helpful_count) })}
      />
      <SectionRow title={t("reviewDetail.submitted")} value={formatDateTime(review.created_at)} />
      {review.updated_at && review.updated_at !== review.created_at ? (
        <SectionRow title={t("reviewDetail.updated")} value={formatDateTime(review.updated_at)} />
      ) : null}
      <SectionRow title={t("reviewDetail.status")} value={<ReviewStatusBadge status={review.status} t={t} />} />
      {review.status_reason ? (
        <SectionRow title={t("reviewDetail.statusReason")} value={review.status_reason} />
      ) : null}
    </section>
  )
}

const SectionTitle = ({ id, children }: { id: string; children: ReactNode }) => (
  <Text id={id} size="small" weight="plus" leading="compact" className="text-ui-fg-base">
    {children}
  </Text>
)

/** Each rule's verdict at the last submission or edit, with what it found. */
const AutoModeration = ({ review, i18n }: { review: AdminReviewDetail; i18n: CrmTranslation }) => {
  const { t } = i18n
  const verdicts = review.auto_moderation ?? []

  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-labelledby="crm-review-checks">
      <SectionTitle id="crm-review-checks">{t("reviewDetail.checks")}</SectionTitle>
      {verdicts.length ? (
        <ul className="flex flex-col gap-y-2">
          {verdicts.map((verdict, index) => (
            <li key={`${verdict.rule}:${index}`} className="flex flex-col gap-y-0.5">
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  {ruleLabel(verdict.rule, t)}
                </Text>
                <Badge size="2xsmall" color={verdictColor(verdict.verdict)}>
                  {verdictLabel(verdict.verdict, t)}
                </Badge>
              </div>
              {verdict.detail ? (
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted whitespace-pre-wrap break-words">
                  {verdict.detail}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("reviewDetail.checksEmpty")}
        </Text>
      )}
    </section>
  )
}

/** "Staff: Jane Doe", "Customer", "Automatic moderation": who did it. */
const actorText = (
  actorType: string,
  actorId: string | null,
  staff: Map<string, StaffUser> | undefined,
  t: CrmTranslation["t"]
) => {
  const label = actorLabel(actorType, t)
  if (actorType !== "user" || !actorId) {
    return label
  }
  const user = staff?.get(actorId)
  return `${label}: ${user ? user.name || user.email : actorId}`
}

/** Every change to the review, oldest first: what, who, when, from which status to which, and why. */
const ModerationHistory = ({
  review,
  staff,
  i18n,
}: {
  review: AdminReviewDetail
  staff: Map<string, StaffUser> | undefined
  i18n: CrmTranslation
}) => {
  const { t, formatDateTime } = i18n
  const entries = review.moderation ?? []

  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" aria-labelledby="crm-review-history">
      <SectionTitle id="crm-review-history">{t("reviewDetail.history")}</SectionTitle>
      {entries.length ? (
        <ol className="flex flex-col gap-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className="border-ui-border-base flex flex-col gap-y-0.5 border-l-2 pl-3">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
                  {eventLabel(entry.event, t)}
                </Text>
                {entry.from_status && entry.to_status && entry.from_status !== entry.to_status ? (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    {t("reviewDetail.transition", {
                      from: reviewStatusLabel(entry.from_status, t),
                      to: reviewStatusLabel(entry.to_status, t),
                    })}
                  </Text>
                ) : entry.to_status && !entry.from_status ? (
                  <ReviewStatusBadge status={entry.to_status} t={t} className="txt-compact-xsmall" />
                ) : null}
              </div>
              <div className="text-ui-fg-muted txt-compact-xsmall flex flex-wrap items-center gap-x-1.5">
                <span className="break-all">{actorText(entry.actor_type, entry.actor_id, staff, t)}</span>
                <span aria-hidden>{"\u00b7"}</span>
                <time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>
              </div>
              {entry.reason ? (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle whitespace-pre-wrap break-words">
                  {entry.reason}
                </Text>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("reviewDetail.historyEmpty")}
        </Text>
      )}
    </section>
  )
}

/** The store's public reply: write, change or remove it. */
const ResponseEditor = ({
  review,
  staff,
  onBusyChange,
  i18n,
}: {
  review: AdminReviewDetail
  staff: Map<string, StaffUser> | undefined
  onBusyChange: (busy: boolean) => void
  i18n: CrmTranslation
}) => {
  const { t, formatDateTime } = i18n
  const [text, setText] = useState(review.response ?? "")
  const [showErrors, setShowErrors] = useState(false)
  const inFlight = useRef(false)
  const respond = useRespondToReview()
  const remove = useRemoveReviewResponse()
  // `usePrompt` returns a new function on every render; a ref keeps the latest.
  const latestPrompt = usePrompt()
  const prompt = useRef(latestPrompt)
  prompt.current = latestPrompt

  const trimmed = text.trim()
  const length = [...trimmed].length
  const tooLong = length > RESPONSE_MAX
  const unchanged = trimmed === (review.response ?? "").trim()
  const isPending = respond.isPending || remove.isPending
  const responder = review.responded_by ? staff?.get(review.responded_by) : undefined

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) {
      return
    }
    setShowErrors(true)
    if (!trimmed || tooLong || unchanged) {
      return
    }
    inFlight.current = true
    onBusyChange(true)
    try {
      await respond.mutateAsync({ id: review.id, content: trimmed })
      toast.success(t("reviewDetail.responseSaved"))
    } catch (e) {
      toast.error(t("reviewDetail.responseSaveFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
  }

  const onRemove = async () => {
    if (inFlight.current) {
      return
    }
    inFlight.current = true
    try {
      const confirmed = await prompt.current({
        title: t("reviewDetail.removeResponseTitle"),
        description: t("reviewDetail.removeResponseDescription"),
        confirmText: t("reviewDetail.removeResponseConfirm"),
        cancelText: t("reviewDetail.cancel"),
      })
      if (!confirmed) {
        return
      }
      onBusyChange(true)
      await remove.mutateAsync(review.id)
      toast.success(t("reviewDetail.responseRemoved"))
    } catch (e) {
      toast.error(t("reviewDetail.responseRemoveFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
  }

  const error = showErrors && (tooLong || !trimmed)

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex items-baseline justify-between gap-x-2">
        <Label htmlFor="crm-review-response" size="small" weight="plus">
          {t("reviewDetail.response")}
        </Label>
        <Text
          size="xsmall"
          leading="compact"
          className={tooLong ? "text-ui-fg-error tabular-nums" : "text-ui-fg-muted tabular-nums"}
        >
          {t("reviewDetail.responseCount", { count: length, max: RESPONSE_MAX })}
        </Text>
      </div>
      <Textarea
        id="crm-review-response"
        rows={4}
        value={text}
        disabled={isPending}
        placeholder={t("reviewDetail.responsePlaceholder")}
        aria-invalid={error || undefined}
        aria-describedby="crm-review-response-hint"
        onChange={(event) => {
          setText(event.target.value)
          if (respond.error) {
            respond.reset()
          }
        }}
      />
      <Hint id="crm-review-response-hint" variant={error ? "error" : "info"}>
        {showErrors && tooLong
          ? t("reviewDetail.responseTooLong", { max: RESPONSE_MAX })
          : showErrors && !trimmed
            ? t("reviewDetail.responseEmpty")
            : t("reviewDetail.responseHint")}
      </Hint>
      {review.response && review.responded_at ? (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
          {t("reviewDetail.respondedAt", { date: formatDateTime(review.responded_at) })}
          {responder ? ` \u00b7 ${responder.name || responder.email}` : ""}
        </Text>
      ) : null}
      <div className="flex items-center justify-end gap-x-2">
        {review.response ? (
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={isPending}
            isLoading={remove.isPending}
            onClick={onRemove}
          >
            {t("reviewDetail.removeResponse")}
          </Button>
        ) : null}
        <Button
          type="submit"
          size="small"
          variant="secondary"
          disabled={isPending || unchanged || (showErrors && (tooLong || !trimmed))}
          isLoading={respond.isPending}
        >
          {t("reviewDetail.saveResponse")}
        </Button>
      </div>
    </form>
  )
}

const DetailsSkeleton = ({ label }: { label: string }) => (
  <Drawer.Body className="flex flex-col gap-y-4" role="status" aria-busy="true" aria-label={label}>
    <Skeleton className="h-5 w-24" />
    <Skeleton className="h-5 w-2/3" />
    <Skeleton className="h-16 w-full" />
    {[0, 1, 2, 3].map((row) => (
      <div key={row} className="grid grid-cols-2 gap-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-32" />
      </div>
    ))}
  </Drawer.Body>
)
