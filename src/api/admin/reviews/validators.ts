import { z } from "@medusajs/framework/zod"
import { AUTO_APPROVE_POLICIES, REVIEW_ORDERS, REVIEW_STATUSES, RULE_ACTIONS } from "../../../types/reviews"
import { listParams } from "../../utils/list-params"
import { plainText } from "../../../modules/reviews/moderation/text"
import { MAX_CONTENT_LENGTH } from "../../store/reviews/validators"

export const AdminGetReviewsParams = z
  .object({
    ...listParams,
    status: z.enum(REVIEW_STATUSES).optional(),
    product_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    order_id: z.string().min(1).optional(),
    rating: z.coerce.number().int().min(1).max(5).optional(),
    verified: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
    q: z.string().trim().min(1).max(200).optional(),
    order: z.enum(REVIEW_ORDERS).default("-created_at"),
  })
  .strict()

export type AdminGetReviewsParamsType = z.infer<typeof AdminGetReviewsParams>

const reason = z.string().trim().max(1000, "reason is at most 1000 characters").transform((text) => plainText(text) || null)

export const AdminModerateReview = z.object({ reason: reason.nullish() }).strict()

export type AdminModerateReviewType = z.infer<typeof AdminModerateReview>

/** At most this many reviews per batch call. */
export const MAX_BATCH = 500

const ids = z.array(z.string().min(1)).max(MAX_BATCH, `At most ${MAX_BATCH} reviews per batch`)

export const AdminBatchModerateReviews = z
  .object({ approve: ids.optional(), reject: ids.optional(), flag: ids.optional(), reason: reason.nullish() })
  .strict()
  .refine((batch) => [batch.approve, batch.reject, batch.flag].some((list) => list?.length), {
    message: "Nothing to do: give review ids in approve, reject or flag",
  })
  .refine(
    (batch) => {
      const all = [...(batch.approve ?? []), ...(batch.reject ?? []), ...(batch.flag ?? [])]
      return new Set(all).size === all.length
    },
    { message: "A review id appears twice (in approve, reject or flag)" }
  )

export type AdminBatchModerateReviewsType = z.infer<typeof AdminBatchModerateReviews>

export const AdminRespondToReview = z
  .object({
    content: z
      .string()
      .max(MAX_CONTENT_LENGTH, `content is at most ${MAX_CONTENT_LENGTH} characters`)
      .transform(plainText)
      .refine((text) => text.length > 0, { message: "content is required" }),
  })
  .strict()

export type AdminRespondToReviewType = z.infer<typeof AdminRespondToReview>

const ruleAction = z.enum(RULE_ACTIONS)

export const AdminUpdateReviewSettings = z
  .object({
    require_verified_purchase: z.boolean(),
    auto_approve: z.enum(AUTO_APPROVE_POLICIES),
    auto_approve_rating_only: z.boolean(),
    blocked_words: z
      .array(z.string().trim().min(1, "A blocked word cannot be empty").max(100))
      .max(1000, "At most 1000 blocked words"),
    blocked_words_action: ruleAction,
    links_action: ruleAction,
    all_caps_action: ruleAction,
    min_content_length: z.number().int().min(0).max(1000),
    too_short_action: ruleAction,
    repeated_characters_run: z.number().int().min(2, "repeated_characters_run must be at least 2").max(50),
    repeated_characters_action: ruleAction,
    duplicate_text_action: ruleAction,
    rate_limit_count: z.number().int().min(0).max(1000),
    rate_limit_window_minutes: z.number().int().min(1).max(60 * 24 * 30),
    complaint_max_rating: z.number().int().min(1).max(5).nullable(),
    reply_email: z.boolean(),
  })
  .partial()
  .strict()

export type AdminUpdateReviewSettingsType = z.infer<typeof AdminUpdateReviewSettings>
