import { model } from "@medusajs/framework/utils"
import { TIER_MEASURES, TIER_PERIODS } from "../../../types/tiers"

/**
 * The store's loyalty settings: one row (id `lpset_default`), created with
 * the defaults below on first read, edited in the admin.
 */
const LoyaltySettings = model.define(
  { name: "LoyaltySettings", tableName: "crm_loyalty_settings" },
  {
    id: model.id({ prefix: "lpset" }).primaryKey(),
    /** Points per 1 unit of the order's currency (e.g. 1 point per 1 EUR). */
    earn_rate: model.float().default(1),
    /** Per-currency overrides of `earn_rate`: `{ "usd": 1, "jpy": 0.01 }`. */
    earn_rates: model.json().default({}),
    /** Worth of one point in the cart's currency when redeemed. */
    point_value: model.float().default(0.01),
    /** Per-currency overrides of `point_value`. */
    point_values: model.json().default({}),
    /** When earned points become available. */
    activation: model.enum(["delivery_or_days", "delivery", "days"]).default("delivery_or_days"),
    /** Days after the order before pending points become available. */
    pending_days: model.number().default(14),
    /** Months after which earned points expire; null: never. */
    expiry_months: model.number().default(12).nullable(),
    /** Days before expiry that the reminder e-mail goes out. */
    expiry_reminder_days: model.number().default(14),
    /** Largest share of a cart that points may pay (0-1). */
    max_redeem_ratio: model.float().default(0.5),
    /** Fewest points a customer may redeem at once. */
    min_redeem_points: model.number().default(100),
    /** Minutes a cart holds redeemed points before they are released. */
    hold_minutes: model.number().default(1440),
    /** A reversal the balance cannot cover: clamp at zero, or arrears. */
    reversal_overdraft: model.enum(["clamp", "arrears"]).default("clamp"),
    /** Whether shipping counts towards the eligible amount. */
    include_shipping: model.boolean().default(false),
    /** Whether tax counts towards the eligible amount. */
    include_tax: model.boolean().default(false),
    /** Bonus points, each 0 (off) or the points awarded. */
    signup_bonus_points: model.number().default(0),
    birthday_bonus_points: model.number().default(0),
    referrer_bonus_points: model.number().default(0),
    referee_bonus_points: model.number().default(0),
    review_bonus_points: model.number().default(0),
    survey_bonus_points: model.number().default(0),
    /** What qualifies for a tier: net spend (default currency) or points earned. */
    tier_measure: model.enum([...TIER_MEASURES]).default("spend"),
    /** Over which orders: the last `tier_window_months`, this calendar year, or all time. */
    tier_period: model.enum([...TIER_PERIODS]).default("rolling"),
    tier_window_months: model.number().default(12),
    /** Days a member keeps a tier after they stop qualifying for it. */
    tier_grace_days: model.number().default(30),
    tier_upgrade_email: model.boolean().default(true),
    /** Units of the store's default currency per unit of another: `{ "usd": 0.92 }`. */
    exchange_rates: model.json().default({}),
  }
)

export default LoyaltySettings
