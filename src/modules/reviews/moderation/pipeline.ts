import type { ReviewStatus, RuleVerdict } from "../../../types/reviews"
import { CHECKING_RULES, ModerationSettings, Submission, SubmissionFacts } from "./rules"

export type ModerationOutcome = {
  status: Extract<ReviewStatus, "approved" | "pending" | "rejected">
  /** The rules that decided it, for the moderator and the customer's "my reviews". */
  reason: string | null
  verdicts: RuleVerdict[]
}

const isRatingOnly = (submission: Submission) => !submission.title && !submission.content

/**
 * Auto-moderation of a submitted (or edited) review. Any rule that rejects
 * rejects it; any that holds it leaves it pending; otherwise a rating
 * without text, or a review the auto-approve policy covers, is approved.
 * Everything else waits for a moderator.
 */
export function moderateSubmission(
  submission: Submission,
  settings: ModerationSettings,
  facts: SubmissionFacts
): ModerationOutcome {
  const checks = CHECKING_RULES.map((rule) => rule(submission, settings, facts))
  const ratingOnly: RuleVerdict = !settings.auto_approve_rating_only
    ? { rule: "rating_only", verdict: "off" }
    : isRatingOnly(submission)
      ? { rule: "rating_only", verdict: "approve", detail: "A rating without text" }
      : { rule: "rating_only", verdict: "pass" }
  const verifiedOnly: RuleVerdict =
    settings.auto_approve !== "verified"
      ? { rule: "verified_only", verdict: "off" }
      : facts.verified_purchase
        ? { rule: "verified_only", verdict: "approve", detail: "Verified purchase" }
        : { rule: "verified_only", verdict: "pending", detail: "Not a verified purchase" }
  const verdicts = [...checks, ratingOnly, verifiedOnly]

  const rejecting = checks.filter((check) => check.verdict === "reject")
  if (rejecting.length) {
    return { status: "rejected", reason: rejecting.map((check) => check.detail).join("; "), verdicts }
  }
  const holding = checks.filter((check) => check.verdict === "pending")
  if (holding.length) {
    return { status: "pending", reason: holding.map((check) => check.detail).join("; "), verdicts }
  }
  if (ratingOnly.verdict === "approve" || settings.auto_approve === "all") {
    return { status: "approved", reason: null, verdicts }
  }
  if (settings.auto_approve === "verified") {
    return verifiedOnly.verdict === "approve"
      ? { status: "approved", reason: null, verdicts }
      : { status: "pending", reason: verifiedOnly.detail ?? null, verdicts }
  }
  return { status: "pending", reason: "Every review waits for a moderator", verdicts }
}
