import { model } from "@medusajs/framework/utils"
import { AUTO_APPROVE_POLICIES, RULE_ACTIONS } from "../../../types/reviews"

const ruleAction = (initial: (typeof RULE_ACTIONS)[number]) => model.enum([...RULE_ACTIONS]).default(initial)

/**
 * The store's review moderation settings: one row (`revset_default`),
 * created with these defaults on first read. Anything doubtful waits for a
 * moderator; only the merchant's blocked words reject outright.
 */
const ReviewSettings = model.define(
  { name: "ReviewSettings", tableName: "crm_review_settings" },
  {
    id: model.id({ prefix: "revset" }).primaryKey(),
    require_verified_purchase: model.boolean().default(false),
    auto_approve: model.enum([...AUTO_APPROVE_POLICIES]).default("verified"),
    auto_approve_rating_only: model.boolean().default(true),
    blocked_words: model.json().default([] as unknown as Record<string, unknown>),
    blocked_words_action: ruleAction("reject"),
    links_action: ruleAction("pending"),
    all_caps_action: ruleAction("pending"),
    min_content_length: model.number().default(10),
    too_short_action: ruleAction("pending"),
    repeated_characters_run: model.number().default(6),
    repeated_characters_action: ruleAction("pending"),
    duplicate_text_action: ruleAction("pending"),
    rate_limit_count: model.number().default(5),
    rate_limit_window_minutes: model.number().default(60),
    complaint_max_rating: model.number().default(2).nullable(),
    /** E-mail the author when the store replies to their review (once per review). */
    reply_email: model.boolean().default(true),
  }
)

export default ReviewSettings
