/**
 * Reviews: shared by the module, the routes, the admin and the client.
 * The admin imports these with `import type` only.
 */
export const REVIEW_STATUSES = ["pending", "approved", "rejected", "flagged"] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** What a moderator (or the pipeline) can do to a review's status. */
export const MODERATION_ACTIONS = ["approve", "reject", "flag"] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export const STATUS_OF_ACTION: Record<ModerationAction, ReviewStatus> = {
  approve: "approved",
  reject: "rejected",
  flag: "flagged",
}

/** The entries of a review's moderation history. */
export const MODERATION_EVENTS = [
  "submitted",
  "edited",
  "approved",
  "rejected",
  "flagged",
  "responded",
  "response_removed",
  "deleted",
] as const
export type ModerationEvent = (typeof MODERATION_EVENTS)[number]

export type ModerationActorType = "customer" | "user" | "system"

/** What one auto-moderation rule said about a submission. */
export type RuleVerdict = {
  rule: ModerationRuleName
  /** pass: nothing found; pending/reject: found, and the rule's action; approve: an auto-approve rule applied; off: disabled. */
  verdict: "pass" | "pending" | "reject" | "approve" | "off"
  detail?: string
}

export const MODERATION_RULES = [
  "blocked_words",
  "links",
  "all_caps",
  "too_short",
  "repeated_characters",
  "duplicate_text",
  "rating_only",
  "verified_only",
] as const
export type ModerationRuleName = (typeof MODERATION_RULES)[number]

/** What a rule does when it finds something. */
export const RULE_ACTIONS = ["off", "pending", "reject"] as const
export type RuleAction = (typeof RULE_ACTIONS)[number]

export const AUTO_APPROVE_POLICIES = ["all", "verified", "none"] as const
export type AutoApprovePolicy = (typeof AUTO_APPROVE_POLICIES)[number]

export const REVIEW_SETTINGS_ID = "revset_default"

export type ReviewSettingsDTO = {
  id: string
  /** Only customers with a fulfilled or delivered order of the product may review it. */
  require_verified_purchase: boolean
  /** A review that passes every rule: approved for everyone, only when verified, or never (pending). */
  auto_approve: AutoApprovePolicy
  /** A rating without title or text is approved at once (when no rule objects). */
  auto_approve_rating_only: boolean
  blocked_words: string[]
  blocked_words_action: RuleAction
  links_action: RuleAction
  all_caps_action: RuleAction
  /** Text shorter than this (characters, when there is text) is "too short". */
  min_content_length: number
  too_short_action: RuleAction
  /** A run of this many identical characters ("!!!!!!", "sooooo") is "repeated". */
  repeated_characters_run: number
  repeated_characters_action: RuleAction
  duplicate_text_action: RuleAction
  /** At most this many reviews per customer in the window; 0: no limit. */
  rate_limit_count: number
  rate_limit_window_minutes: number
  /** A review at or below this rating emits `crm.review.low_rating` (tickets open a complaint); null: never. */
  complaint_max_rating: number | null
  /** E-mail the author when the store replies to their review (once per review). */
  reply_email: boolean
}

export type UpdateReviewSettings = Partial<Omit<ReviewSettingsDTO, "id">>

export const SUB_RATINGS = ["quality_rating", "logistics_rating", "service_rating"] as const

export type ReviewDTO = {
  id: string
  product_id: string
  customer_id: string
  order_id: string | null
  order_line_item_id: string | null
  rating: number
  title: string | null
  content: string
  quality_rating: number | null
  logistics_rating: number | null
  service_rating: number | null
  images: string[]
  author_name: string
  verified_purchase: boolean
  status: ReviewStatus
  status_reason: string | null
  auto_moderation: RuleVerdict[]
  response: string | null
  responded_at: Date | string | null
  responded_by: string | null
  helpful_count: number
  created_at: Date | string
  updated_at: Date | string
}

export type ReviewModerationDTO = {
  id: string
  review_id: string
  event: ModerationEvent
  from_status: ReviewStatus | null
  to_status: ReviewStatus | null
  reason: string | null
  actor_type: ModerationActorType
  actor_id: string | null
  created_at: Date | string
}

export type RatingSummary = {
  average_rating: number
  review_count: number
  distribution: Record<"1" | "2" | "3" | "4" | "5", number>
}

/** A status change, as the module made it (for events and compensation). */
export type ReviewTransition = {
  id: string
  product_id: string
  customer_id: string
  rating: number
  from_status: ReviewStatus
  to_status: ReviewStatus
  /** The status reason before the change, for compensation. */
  from_reason: string | null
}

export const ReviewEvents = {
  CREATED: "crm.review.created",
  APPROVED: "crm.review.approved",
  REJECTED: "crm.review.rejected",
  /** A review at or below `complaint_max_rating`: the tickets capability opens a complaint from it. */
  LOW_RATING: "crm.review.low_rating",
  RESPONDED: "crm.review.responded",
  SETTINGS_UPDATED: "crm.review.settings_updated",
} as const

export const REVIEW_ORDERS = ["-created_at", "created_at", "-helpful_count", "-rating", "rating"] as const
export type ReviewOrder = (typeof REVIEW_ORDERS)[number]

/** The columns each order sorts by, for the storefront and the admin alike; each ends in `id` so that pages never overlap or skip. */
export const REVIEW_ORDER_COLUMNS: Record<ReviewOrder, [string, "asc" | "desc"][]> = {
  "-created_at": [["created_at", "desc"], ["id", "desc"]],
  created_at: [["created_at", "asc"], ["id", "asc"]],
  "-helpful_count": [["helpful_count", "desc"], ["created_at", "desc"], ["id", "desc"]],
  "-rating": [["rating", "desc"], ["created_at", "desc"], ["id", "desc"]],
  rating: [["rating", "asc"], ["created_at", "desc"], ["id", "desc"]],
}

/** What the storefront sees of a review: never the customer id, the status or the moderation. */
export const STORE_REVIEW_FIELDS = [
  "id",
  "product_id",
  "rating",
  "title",
  "content",
  "quality_rating",
  "logistics_rating",
  "service_rating",
  "images",
  "author_name",
  "verified_purchase",
  "response",
  "responded_at",
  "helpful_count",
  "created_at",
] as const

/** A review as the storefront sees it (approved reviews only); `response` is the store's public reply. */
export type StoreReview = Omit<Pick<ReviewDTO, (typeof STORE_REVIEW_FIELDS)[number]>, "responded_at" | "created_at"> & {
  responded_at: string | null
  created_at: string
}

export type StoreProductReviewsResponse = {
  reviews: StoreReview[]
  count: number
  offset: number
  limit: number
  summary: RatingSummary
}

/** The customer's own review, whatever its status. */
export type StoreCustomerReview = StoreReview & {
  status: ReviewStatus
  status_reason: string | null
  order_id: string | null
  product: { id: string; title: string; handle: string; thumbnail: string | null } | null
}

export type AdminReview = Omit<ReviewDTO, "responded_at" | "created_at" | "updated_at"> & {
  responded_at: string | null
  created_at: string
  updated_at: string
  product: { id: string; title: string; handle: string; thumbnail: string | null } | null
  customer: { id: string; email: string; first_name: string | null; last_name: string | null } | null
}

export type AdminReviewDetail = AdminReview & {
  /** Oldest first. */
  moderation: (Omit<ReviewModerationDTO, "created_at"> & { created_at: string })[]
}

export type AdminReviewsResponse = {
  reviews: AdminReview[]
  count: number
  offset: number
  limit: number
  /** Only when the list is filtered by one `product_id`. */
  summary?: RatingSummary
}

export type AdminReviewResponse = { review: AdminReviewDetail }

export type AdminReviewBatchResponse = { approved: string[]; rejected: string[]; flagged: string[] }

export type AdminReviewSettingsResponse = { settings: ReviewSettingsDTO }
