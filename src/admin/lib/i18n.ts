import { useMemo, useSyncExternalStore } from "react"

/**
 * The plugin's admin texts, in the dashboard's current language.
 *
 * The dashboard (i18next + i18next-browser-languagedetector) keeps the chosen
 * language in the `lng` cookie and the `lng` localStorage entry, with codes
 * such as "en" and "zhCN", and writes the resolved one to
 * `<html lang="zh-CN">` (its I18nProvider). We read the same places, in the
 * order that reflects what is on screen right now, and follow changes.
 */

export type CrmLocale = "en" | "zh-CN"

export const CRM_DEFAULT_LOCALE: CrmLocale = "en"

const en = {
  "loyalty.title": "Loyalty",
  "loyalty.availablePoints": "Available points",
  "loyalty.pendingPoints": "Pending points",
  "loyalty.heldPoints": "Held points",
  "loyalty.lifetimePoints": "Lifetime points",
  "loyalty.tier": "Tier",
  "loyalty.noTier": "No tier yet",
  "loyalty.toNextTier": "{points} points to {tier}",
  "loyalty.memberSince": "Member since",
  "loyalty.expiring": "{points} points expire on {date}",
  "loyalty.noPointsYet": "No points earned yet.",
  "loyalty.noAccount": "No loyalty account for this customer yet.",
  "loyalty.loading": "Loading loyalty account",
  "loyalty.errorTitle": "Couldn't load the loyalty account",
  "loyalty.retry": "Try again",
  "loyalty.referralCode": "Referral code",
  "loyalty.copyReferralCode": "Copy referral code",
  "loyalty.referredBy": "Referred by",

  "page.description":
    "How customers earn and spend points, and who has them.",

  "settings.title": "Settings",
  "settings.description": "How customers earn, spend and lose points.",
  "settings.section.earning": "Earning",
  "settings.section.redemption": "Redemption",
  "settings.section.expiry": "Expiry",
  "settings.section.reversal": "Cancellations and returns",
  "settings.earnRate.label": "Points per 1 unit of currency",
  "settings.earnRate.hint":
    "Points earned for each 1 unit spent (e.g. 1 point per 1 EUR), in every currency without its own rate. Rounded down per order.",
  "settings.earnRates.label": "Earn rate per currency",
  "settings.earnRates.hint":
    "For currencies whose unit is worth much more or less, e.g. 0.01 points per 1 JPY.",
  "settings.includeShipping.label": "Earn points on shipping",
  "settings.includeShipping.hint":
    "Shipping costs count towards the amount points are earned on.",
  "settings.includeTax.label": "Earn points on tax",
  "settings.includeTax.hint":
    "Taxes count towards the amount points are earned on.",
  "settings.activation.label": "Earned points become available",
  "settings.activation.hint":
    "Until then they are pending and cannot be spent, so a return can still cancel them.",
  "settings.activation.delivery_or_days":
    "On delivery or after the waiting period, whichever comes first",
  "settings.activation.delivery": "On delivery",
  "settings.activation.days": "After the waiting period",
  "settings.pendingDays.label": "Waiting period (days)",
  "settings.pendingDays.hint":
    "Days after the order before its points become available.",
  "settings.pendingDays.unused":
    "Not used while points become available on delivery only.",
  "settings.pointValue.label": "Value of 1 point",
  "settings.pointValue.hint":
    "What one point pays at checkout, in the cart's currency, for every currency without its own value (0.01 = 100 points pay 1 EUR).",
  "settings.pointValues.label": "Point value per currency",
  "settings.pointValues.hint":
    "The value of one point in specific currencies, e.g. 1 for JPY.",
  "settings.maxRedeemPercent.label": "Largest share of a cart paid with points (%)",
  "settings.maxRedeemPercent.hint":
    "50 means points can pay at most half of a cart.",
  "settings.minRedeemPoints.label": "Fewest points per redemption",
  "settings.minRedeemPoints.hint":
    "The smallest number of points a customer can apply to a cart.",
  "settings.holdMinutes.label": "Hold time (minutes)",
  "settings.holdMinutes.hint":
    "How long a cart keeps the points applied to it before they are released. 1440 = 1 day.",
  "settings.neverExpire.label": "Points never expire",
  "settings.neverExpire.hint":
    "Turn off to let points expire a number of months after they were earned, oldest first.",
  "settings.expiryMonths.label": "Points expire after (months)",
  "settings.expiryMonths.hint": "Counted from the day the points were earned.",
  "settings.reminderDays.label": "Reminder before expiry (days)",
  "settings.reminderDays.hint":
    "Customers get an e-mail this many days before their points expire. 0 sends no reminder.",
  "settings.overdraft.label": "When a reversal is larger than the balance",
  "settings.overdraft.hint":
    "A customer may already have spent the points of an order that is then canceled or returned.",
  "settings.overdraft.clamp": "Deduct what is left: the balance stops at 0",
  "settings.overdraft.arrears": "Deduct it all: the balance may go below 0",
  "settings.section.bonuses": "Bonuses",
  "settings.signup_bonus_points.label": "Sign-up bonus (points)",
  "settings.signup_bonus_points.hint":
    "Given when a customer creates an account. 0 turns it off.",
  "settings.birthday_bonus_points.label": "Birthday bonus (points)",
  "settings.birthday_bonus_points.hint":
    "Given on the customer's birthday, once a year. 0 turns it off.",
  "settings.referrer_bonus_points.label": "Referral bonus for the referrer (points)",
  "settings.referrer_bonus_points.hint":
    "For the customer whose code was used. Paid to both once the referred customer's first order is no longer pending and can no longer be canceled. 0 turns it off.",
  "settings.referee_bonus_points.label": "Referral bonus for the new customer (points)",
  "settings.referee_bonus_points.hint":
    "For the customer who signed up with a code, paid at the same time as the referrer's. 0 turns it off.",
  "settings.review_bonus_points.label": "Review bonus (points)",
  "settings.review_bonus_points.hint": "Given for a product review. 0 turns it off.",
  "settings.survey_bonus_points.label": "Survey bonus (points)",
  "settings.survey_bonus_points.hint": "Given for an answered survey. 0 turns it off.",
  "settings.overrides.currency": "Currency",
  "settings.overrides.value": "Value",
  "settings.overrides.add": "Add currency",
  "settings.overrides.remove": "Remove {currency}",
  "settings.overrides.empty": "None: every currency uses the default.",
  "settings.overrides.choose": "Choose",
  "settings.save": "Save",
  "settings.discard": "Discard changes",
  "settings.saved": "Loyalty settings saved",
  "settings.saveFailed": "Couldn't save the settings",
  "settings.unsaved": "Unsaved changes",
  "settings.loadFailed": "Couldn't load the loyalty settings",
  "settings.fixErrors": "Check the highlighted fields.",

  "validation.number": "Enter a number.",
  "validation.atLeast": "Enter {min} or more.",
  "validation.greaterThan": "Enter a number greater than {min}.",
  "validation.wholeRange": "Enter a whole number from {min} to {max}.",
  "validation.percent": "Enter a percentage greater than 0, at most 100.",
  "validation.currency": "Choose a currency.",
  "validation.duplicateCurrency": "{currency} is listed twice.",

  "members.title": "Members",
  "members.description": "Customers with a loyalty account, largest balance first.",
  "members.search": "Search by name or e-mail",
  "members.column.customer": "Customer",
  "members.column.available": "Available",
  "members.column.pending": "Pending",
  "members.column.lifetime": "Lifetime",
  "members.deletedCustomer": "Deleted customer",
  "members.empty.heading": "No members yet",
  "members.empty.description":
    "Customers get a loyalty account when they sign up or first earn points.",
  "members.filtered.heading": "No matching members",
  "members.filtered.description": "Try another name or e-mail.",
  "members.loadFailed": "Couldn't load the members",
  "pagination.of": "of",
  "pagination.results": "results",
  "pagination.pages": "pages",
  "pagination.prev": "Prev",
  "pagination.next": "Next",

  "activity.title": "Activity",
  "activity.empty": "No activity yet.",
  "activity.loading": "Loading activity",
  "activity.loadFailed": "Couldn't load the activity",
  "activity.type.earn": "Earned",
  "activity.type.bonus": "Bonus",
  "activity.type.adjust": "Adjustment",
  "activity.type.redeem": "Redeemed",
  "activity.type.reverse": "Reversed",
  "activity.type.expire": "Expired",
  "activity.type.hold": "Held",
  "activity.type.release": "Released",
  "activity.type.activate": "Became available",
  "activity.status.pending": "Pending",
  "activity.status.available": "Available",
  "activity.status.expired": "Expired",
  "activity.status.exhausted": "Used",
  "activity.status.reversed": "Reversed",
  "activity.reason.order": "Order",
  "activity.reason.order_canceled": "Order canceled",
  "activity.reason.order_returned": "Order returned",
  "activity.reason.order_points_vested": "Points of an order became available",
  "activity.reason.points_vested": "Points became available",
  "activity.reason.admin_adjustment": "Adjusted by staff",
  "activity.reason.compensation": "Correction",
  "activity.reason.signup_bonus": "Sign-up bonus",
  "activity.reason.birthday_bonus": "Birthday bonus",
  "activity.reason.referral_referrer_bonus": "Referral bonus: referred a customer",
  "activity.reason.referral_referee_bonus": "Referral bonus: signed up with a code",
  "activity.reason.order_canceled_points_restored": "Order canceled: points given back",
  "activity.reason.cart_redemption": "Applied to a cart",
  "activity.reason.removed_by_customer": "Removed from the cart",
  "activity.reason.hold_expired": "Cart hold expired",
  "activity.reason.points_expired": "Points expired",
  "activity.viewOrder": "View order",
  "activity.viewCustomer": "View customer",
  "activity.expires": "Expires {date}",

  "adjust.button": "Adjust points",
  "adjust.title": "Adjust points",
  "adjust.description":
    "Add points, or deduct them with a negative number. Every adjustment is recorded with its reason.",
  "adjust.points.label": "Points",
  "adjust.points.hint": "E.g. 500 to add, -200 to deduct.",
  "adjust.reason.label": "Reason",
  "adjust.reason.hint":
    "Required. Kept in the customer's history and the audit log.",
  "adjust.reason.placeholder": "E.g. Goodwill for a late delivery",
  "adjust.reason.count": "{count}/{max}",
  "adjust.preview": "Available after this adjustment: {points}",
  "adjust.exceeds": "This deducts more than the {points} points available.",
  "adjust.cancel": "Cancel",
  "adjust.submit": "Save adjustment",
  "adjust.added": "{points} points added",
  "adjust.deducted": "{points} points deducted",
  "adjust.failed": "Couldn't adjust the points",
  "adjust.validation.points":
    "Enter a whole number other than 0, from -1,000,000 to 1,000,000.",
  "adjust.validation.reason": "Say why, in 3 to 500 characters.",

  "campaigns.title": "Campaigns",
  "campaigns.description":
    "Multiply the points orders earn for a while, or on member days. Campaigns don't add up: an order gets the highest multiplier that applies.",
  "campaigns.create": "Create",
  "campaigns.column.name": "Name",
  "campaigns.column.multiplier": "Multiplier",
  "campaigns.column.window": "Runs",
  "campaigns.column.memberDays": "Member days",
  "campaigns.column.status": "Status",
  "campaigns.multiplier": "\u00d7{multiplier}",
  "campaigns.until": "until {date}",
  "campaigns.everyDay": "Every day",
  "campaigns.dayOfMonth": "Day {days} of each month",
  "campaigns.daysOfMonth": "Days {days} of each month",
  "campaigns.listSeparator": ", ",
  "campaigns.status.active": "Active",
  "campaigns.status.scheduled": "Scheduled",
  "campaigns.status.ended": "Ended",
  "campaigns.status.paused": "Paused",
  "campaigns.action.edit": "Edit",
  "campaigns.action.delete": "Delete",
  "campaigns.delete.title": "Delete campaign?",
  "campaigns.delete.description":
    "\"{name}\" will be deleted. Orders placed from now on no longer earn its multiplier; points already earned stay.",
  "campaigns.delete.confirm": "Delete",
  "campaigns.delete.cancel": "Cancel",
  "campaigns.deleted": "Campaign \"{name}\" deleted",
  "campaigns.deleteFailed": "Couldn't delete the campaign",
  "campaigns.empty.heading": "No campaigns yet",
  "campaigns.empty.description":
    "Create one to give extra points for a while, e.g. double points on member days.",
  "campaigns.loadFailed": "Couldn't load the campaigns",

  "campaignForm.createTitle": "Create campaign",
  "campaignForm.editTitle": "Edit campaign",
  "campaignForm.description":
    "Orders placed while the campaign runs earn their points times the multiplier.",
  "campaignForm.name.label": "Name",
  "campaignForm.name.placeholder": "E.g. Double points week",
  "campaignForm.multiplier.label": "Multiplier",
  "campaignForm.multiplier.hint": "2 doubles the points, 1.5 adds half. Greater than 0, at most 10.",
  "campaignForm.startsAt.label": "Starts",
  "campaignForm.endsAt.label": "Ends",
  "campaignForm.window.hint": "In your time zone. The campaign stops just before the end.",
  "campaignForm.weekdays.label": "Weekdays",
  "campaignForm.weekdays.hint": "Only on these days. None selected: every day.",
  "campaignForm.daysOfMonth.label": "Days of the month",
  "campaignForm.daysOfMonth.hint": "Only on these days, from 1 to 31. Empty: every day.",
  "campaignForm.daysOfMonth.placeholder": "E.g. 1, 15, 28",
  "campaignForm.memberDays.hint":
    "Weekdays and days of the month are counted in UTC. With both set, a day must match both.",
  "campaignForm.active.label": "Active",
  "campaignForm.active.hint": "Switch off to pause the campaign without deleting it.",
  "campaignForm.audienceKept":
    "This campaign is limited to some tiers or segments. Saving here keeps that.",
  "campaignForm.cancel": "Cancel",
  "campaignForm.save": "Save",
  "campaignForm.create": "Create",
  "campaignForm.created": "Campaign created",
  "campaignForm.saved": "Campaign saved",
  "campaignForm.createFailed": "Couldn't create the campaign",
  "campaignForm.saveFailed": "Couldn't save the campaign",
  "campaignForm.validation.name": "Enter a name, at most {max} characters.",
  "campaignForm.validation.multiplier": "Enter a number greater than 0, at most {max}.",
  "campaignForm.validation.date": "Choose a date and time.",
  "campaignForm.validation.endsAfter": "Choose a time after the start.",
  "campaignForm.validation.days": "Enter days from 1 to 31, separated by commas.",

  "loyalty.tierSince": "since {date}",
  "loyalty.tierProgress": "Progress to {tier}",
  "loyalty.tierPercent": "{percent}%",
  "loyalty.toNextTierAmount": "{amount} to {tier}",
  "loyalty.topTier": "Highest tier",
  "loyalty.tierGrace":
    "No longer qualifies: keeps {tier} until {date} unless they qualify again.",

  "page.tiersLink": "Tiers",

  "settings.section.tiers": "Tiers",
  "settings.tierMeasure.label": "Members qualify by",
  "settings.tierMeasure.hint":
    "What a tier's threshold counts. Changing it changes what every threshold means: check the tiers after.",
  "settings.tierMeasure.spend": "Spend (in the default currency)",
  "settings.tierMeasure.points": "Points earned",
  "settings.tierPeriod.label": "Counted over",
  "settings.tierPeriod.hint": "Which orders count towards the threshold.",
  "settings.tierPeriod.rolling": "The last months (rolling)",
  "settings.tierPeriod.calendar_year": "This calendar year",
  "settings.tierPeriod.lifetime": "All time",
  "settings.tierWindowMonths.label": "Rolling window (months)",
  "settings.tierWindowMonths.hint": "Orders placed within this many months count.",
  "settings.tierGraceDays.label": "Grace period (days)",
  "settings.tierGraceDays.hint":
    "How long members keep a tier after they stop qualifying for it. 0 moves them down at once.",
  "settings.tierUpgradeEmail.label": "E-mail members when they move up",
  "settings.tierUpgradeEmail.hint": "Sends the tier upgrade e-mail when a member reaches a higher tier.",
  "settings.exchangeRates.label": "Exchange rates for spend",
  "settings.exchangeRates.hint":
    "Units of the default currency per 1 unit of another currency, to count orders in that currency towards a spend threshold.",
  "settings.exchangeRates.hintIn":
    "{currency} per 1 unit of another currency, to count orders in that currency towards a spend threshold (e.g. 0.92 for USD).",

  "members.column.tier": "Tier",
  "members.tierFilter.label": "Filter by tier",
  "members.tierFilter.all": "All tiers",
  "members.tierEmpty.heading": "No members in this tier",
  "members.tierEmpty.description": "Choose another tier, or re-evaluate the tiers on the Tiers page.",

  "tiers.title": "Tiers",
  "tiers.description":
    "Members move up the ladder as they qualify and get the benefits of their tier.",
  "tiers.ladder": "Ladder",
  "tiers.rule.spend.rolling": "Spend over the last {months} months",
  "tiers.rule.spend.calendar_year": "Spend this calendar year",
  "tiers.rule.spend.lifetime": "Lifetime spend",
  "tiers.rule.points.rolling": "Points earned over the last {months} months",
  "tiers.rule.points.calendar_year": "Points earned this calendar year",
  "tiers.rule.points.lifetime": "Lifetime points earned",
  "tiers.rule.grace": "{days} days grace",
  "tiers.rule.noGrace": "no grace period",
  "tiers.rule.separator": ", ",
  "tiers.rule.change": "Change in settings",
  "tiers.create": "Create tier",
  "tiers.column.rank": "Rank",
  "tiers.column.name": "Name",
  "tiers.column.threshold": "Qualifies at",
  "tiers.column.multiplier": "Points",
  "tiers.column.discount": "Discount",
  "tiers.column.freeShipping": "Free shipping",
  "tiers.column.birthdayBonus": "Birthday bonus",
  "tiers.column.priority": "Support",
  "tiers.column.members": "Members",
  "tiers.multiplier": "\u00d7{multiplier}",
  "tiers.percent": "{percent}%",
  "tiers.points": "{points} points",
  "tiers.yes": "Yes",
  "tiers.no": "No",
  "tiers.birthdayDefault": "Default",
  "tiers.priority.low": "Low",
  "tiers.priority.normal": "Normal",
  "tiers.priority.high": "High",
  "tiers.priority.urgent": "Urgent",
  "tiers.action.edit": "Edit",
  "tiers.action.delete": "Delete",
  "tiers.delete.title": "Delete tier?",
  "tiers.delete.description": "\"{name}\" will be deleted. It has no members.",
  "tiers.delete.descriptionMembers":
    "\"{name}\" will be deleted. Its {count} members move to the next lower tier (or to no tier if this is the lowest).",
  "tiers.delete.confirm": "Delete",
  "tiers.delete.cancel": "Cancel",
  "tiers.deleted": "Tier \"{name}\" deleted",
  "tiers.deleteFailed": "Couldn't delete the tier",
  "tiers.empty.heading": "No tiers yet",
  "tiers.empty.description": "Create a tier to reward members who spend or earn more.",
  "tiers.loadFailed": "Couldn't load the tiers",
  "tiers.evaluate.button": "Re-evaluate now",
  "tiers.evaluate.done": "Tiers re-evaluated",
  "tiers.evaluate.counts":
    "{upgraded} moved up, {downgraded} moved down, {graceStarted} entered their grace period, {graceCleared} qualify again.",
  "tiers.evaluate.failed": "Couldn't re-evaluate the tiers",

  "tierForm.createTitle": "Create tier",
  "tierForm.editTitle": "Edit tier",
  "tierForm.description":
    "Members whose qualifying measure reaches the threshold get the tier and its benefits. Thresholds must rise with the rank.",
  "tierForm.name.label": "Name",
  "tierForm.name.placeholder": "E.g. Gold",
  "tierForm.descriptionField.label": "Description",
  "tierForm.descriptionField.hint": "Optional. Shown to customers with the tier.",
  "tierForm.threshold.spend": "Threshold (spend)",
  "tierForm.threshold.spendIn": "Threshold (spend in {currency})",
  "tierForm.threshold.points": "Threshold (points)",
  "tierForm.threshold.hint": "Must be higher than the tier ranked below and lower than the one above.",
  "tierForm.rank.label": "Rank",
  "tierForm.rank.createHint": "0 is the lowest. Empty: above the highest tier.",
  "tierForm.rank.editHint": "0 is the lowest. A new rank moves the tier and shifts the others.",
  "tierForm.rank.placeholder": "Above the highest",
  "tierForm.multiplier.label": "Points multiplier",
  "tierForm.multiplier.hint": "Points earned are multiplied by this. From 1 to 10.",
  "tierForm.discount.label": "Discount (%)",
  "tierForm.discount.hint": "An automatic discount on every order, 0 to 100. 0: none.",
  "tierForm.birthdayBonus.label": "Birthday bonus (points)",
  "tierForm.birthdayBonus.hint": "Replaces the settings' birthday bonus for members. Empty: the settings' value.",
  "tierForm.birthdayBonus.placeholder": "Settings' value",
  "tierForm.priority.label": "Support priority",
  "tierForm.priority.hint": "Members' tickets start at this priority.",
  "tierForm.freeShipping.label": "Free shipping",
  "tierForm.freeShipping.hint": "Members' orders ship for free.",
  "tierForm.cancel": "Cancel",
  "tierForm.save": "Save",
  "tierForm.create": "Create",
  "tierForm.created": "Tier \"{name}\" created",
  "tierForm.saved": "Tier \"{name}\" saved",
  "tierForm.createFailed": "Couldn't create the tier",
  "tierForm.saveFailed": "Couldn't save the tier",
  "tierForm.validation.name": "Enter a name, at most {max} characters.",
  "tierForm.validation.description": "At most {max} characters.",
  "tierForm.validation.rank": "Enter a whole number, 0 or more, or leave it empty.",
  "tierForm.validation.discount": "Enter a percentage from 0 to 100.",
  "tierForm.validation.multiplier": "Enter a number from 1 to {max}.",
} as const

export type CrmMessageKey = keyof typeof en
export type CrmMessages = Record<CrmMessageKey, string>

const zhCN: CrmMessages = {
  "loyalty.title": "会员积分",
  "loyalty.availablePoints": "可用积分",
  "loyalty.pendingPoints": "待入账积分",
  "loyalty.heldPoints": "冻结积分",
  "loyalty.lifetimePoints": "累计积分",
  "loyalty.tier": "会员等级",
  "loyalty.noTier": "暂无等级",
  "loyalty.toNextTier": "再获得 {points} 积分升级为 {tier}",
  "loyalty.memberSince": "入会时间",
  "loyalty.expiring": "{points} 积分将于 {date} 过期",
  "loyalty.noPointsYet": "尚未获得积分。",
  "loyalty.noAccount": "该客户还没有会员积分账户。",
  "loyalty.loading": "正在加载会员积分账户",
  "loyalty.errorTitle": "无法加载会员积分账户",
  "loyalty.retry": "重试",
  "loyalty.referralCode": "推荐码",
  "loyalty.copyReferralCode": "复制推荐码",
  "loyalty.referredBy": "推荐人",

  "page.description": "设置顾客如何获得和使用积分，并查看积分会员。",

  "settings.title": "设置",
  "settings.description": "顾客如何获得、使用和失去积分。",
  "settings.section.earning": "获得积分",
  "settings.section.redemption": "积分抵扣",
  "settings.section.expiry": "积分过期",
  "settings.section.reversal": "取消与退货",
  "settings.earnRate.label": "每 1 单位货币获得的积分",
  "settings.earnRate.hint":
    "顾客每消费 1 单位货币获得的积分（例如每 1 欧元 1 积分），适用于所有未单独设置的货币。每笔订单向下取整。",
  "settings.earnRates.label": "按货币设置积分比例",
  "settings.earnRates.hint": "适用于单位价值差异很大的货币，例如每 1 日元 0.01 积分。",
  "settings.includeShipping.label": "运费计入积分",
  "settings.includeShipping.hint": "运费计入获得积分的金额。",
  "settings.includeTax.label": "税费计入积分",
  "settings.includeTax.hint": "税费计入获得积分的金额。",
  "settings.activation.label": "获得的积分何时可用",
  "settings.activation.hint": "在此之前积分处于待入账状态，不能使用，退货仍可将其取消。",
  "settings.activation.delivery_or_days": "送达时或等待期结束时，以先到者为准",
  "settings.activation.delivery": "送达时",
  "settings.activation.days": "等待期结束后",
  "settings.pendingDays.label": "等待期（天）",
  "settings.pendingDays.hint": "下单后经过多少天，订单积分变为可用。",
  "settings.pendingDays.unused": "仅在送达时入账时不使用此项。",
  "settings.pointValue.label": "1 积分的价值",
  "settings.pointValue.hint":
    "结账时 1 积分可抵扣的金额（按购物车货币计），适用于所有未单独设置的货币（0.01 = 100 积分抵 1 欧元）。",
  "settings.pointValues.label": "按货币设置积分价值",
  "settings.pointValues.hint": "特定货币中 1 积分的价值，例如日元为 1。",
  "settings.maxRedeemPercent.label": "积分最多可抵扣购物车金额的比例（%）",
  "settings.maxRedeemPercent.hint": "50 表示积分最多抵扣购物车金额的一半。",
  "settings.minRedeemPoints.label": "单次最少使用积分",
  "settings.minRedeemPoints.hint": "顾客一次在购物车中最少可使用的积分数。",
  "settings.holdMinutes.label": "冻结时长（分钟）",
  "settings.holdMinutes.hint": "购物车占用已使用积分的时长，到期后积分退回。1440 = 1 天。",
  "settings.neverExpire.label": "积分永不过期",
  "settings.neverExpire.hint": "关闭后，积分在获得若干个月后过期，先获得的先过期。",
  "settings.expiryMonths.label": "积分有效期（月）",
  "settings.expiryMonths.hint": "从获得积分之日起计算。",
  "settings.reminderDays.label": "过期前提醒（天）",
  "settings.reminderDays.hint": "在积分过期前这么多天向顾客发送提醒邮件。0 表示不提醒。",
  "settings.overdraft.label": "冲回积分超过余额时",
  "settings.overdraft.hint": "订单取消或退货时，顾客可能已经用掉了该订单获得的积分。",
  "settings.overdraft.clamp": "扣除剩余积分：余额最低为 0",
  "settings.overdraft.arrears": "全部扣除：余额可以为负",
  "settings.section.bonuses": "奖励积分",
  "settings.signup_bonus_points.label": "注册奖励（积分）",
  "settings.signup_bonus_points.hint": "顾客注册账户时发放。0 表示关闭。",
  "settings.birthday_bonus_points.label": "生日奖励（积分）",
  "settings.birthday_bonus_points.hint": "在顾客生日当天发放，每年一次。0 表示关闭。",
  "settings.referrer_bonus_points.label": "推荐人奖励（积分）",
  "settings.referrer_bonus_points.hint":
    "发给推荐码被使用的顾客。被推荐顾客的首笔订单不再处于待入账状态、也不能再取消后，双方同时获得奖励。0 表示关闭。",
  "settings.referee_bonus_points.label": "新顾客推荐奖励（积分）",
  "settings.referee_bonus_points.hint": "发给使用推荐码注册的顾客，与推荐人奖励同时发放。0 表示关闭。",
  "settings.review_bonus_points.label": "评价奖励（积分）",
  "settings.review_bonus_points.hint": "顾客发表商品评价时发放。0 表示关闭。",
  "settings.survey_bonus_points.label": "问卷奖励（积分）",
  "settings.survey_bonus_points.hint": "顾客完成问卷时发放。0 表示关闭。",
  "settings.overrides.currency": "货币",
  "settings.overrides.value": "数值",
  "settings.overrides.add": "添加货币",
  "settings.overrides.remove": "移除 {currency}",
  "settings.overrides.empty": "无：所有货币使用默认值。",
  "settings.overrides.choose": "选择",
  "settings.save": "保存",
  "settings.discard": "放弃更改",
  "settings.saved": "会员积分设置已保存",
  "settings.saveFailed": "无法保存设置",
  "settings.unsaved": "有未保存的更改",
  "settings.loadFailed": "无法加载会员积分设置",
  "settings.fixErrors": "请检查标出的字段。",

  "validation.number": "请输入数字。",
  "validation.atLeast": "请输入不小于 {min} 的数。",
  "validation.greaterThan": "请输入大于 {min} 的数。",
  "validation.wholeRange": "请输入 {min} 到 {max} 之间的整数。",
  "validation.percent": "请输入大于 0 且不超过 100 的百分比。",
  "validation.currency": "请选择货币。",
  "validation.duplicateCurrency": "{currency} 重复出现。",

  "members.title": "会员",
  "members.description": "拥有积分账户的顾客，按余额从高到低排列。",
  "members.search": "按姓名或邮箱搜索",
  "members.column.customer": "顾客",
  "members.column.available": "可用",
  "members.column.pending": "待入账",
  "members.column.lifetime": "累计",
  "members.deletedCustomer": "已删除的顾客",
  "members.empty.heading": "暂无会员",
  "members.empty.description": "顾客注册或首次获得积分时会开通积分账户。",
  "members.filtered.heading": "没有匹配的会员",
  "members.filtered.description": "请尝试其他姓名或邮箱。",
  "members.loadFailed": "无法加载会员",
  "pagination.of": "/",
  "pagination.results": "条结果",
  "pagination.pages": "页",
  "pagination.prev": "上一页",
  "pagination.next": "下一页",

  "activity.title": "积分记录",
  "activity.empty": "暂无记录。",
  "activity.loading": "正在加载积分记录",
  "activity.loadFailed": "无法加载积分记录",
  "activity.type.earn": "获得",
  "activity.type.bonus": "奖励",
  "activity.type.adjust": "调整",
  "activity.type.redeem": "使用",
  "activity.type.reverse": "冲回",
  "activity.type.expire": "过期",
  "activity.type.hold": "冻结",
  "activity.type.release": "解冻",
  "activity.type.activate": "已入账",
  "activity.status.pending": "待入账",
  "activity.status.available": "可用",
  "activity.status.expired": "已过期",
  "activity.status.exhausted": "已用完",
  "activity.status.reversed": "已冲回",
  "activity.reason.order": "订单",
  "activity.reason.order_canceled": "订单已取消",
  "activity.reason.order_returned": "订单已退货",
  "activity.reason.order_points_vested": "订单积分已入账",
  "activity.reason.points_vested": "积分已入账",
  "activity.reason.admin_adjustment": "由员工调整",
  "activity.reason.compensation": "更正",
  "activity.reason.signup_bonus": "注册奖励",
  "activity.reason.birthday_bonus": "生日奖励",
  "activity.reason.referral_referrer_bonus": "推荐奖励：推荐了新顾客",
  "activity.reason.referral_referee_bonus": "推荐奖励：使用推荐码注册",
  "activity.reason.order_canceled_points_restored": "订单已取消：积分已退回",
  "activity.reason.cart_redemption": "用于购物车",
  "activity.reason.removed_by_customer": "已从购物车移除",
  "activity.reason.hold_expired": "购物车冻结已到期",
  "activity.reason.points_expired": "积分已过期",
  "activity.viewOrder": "查看订单",
  "activity.viewCustomer": "查看顾客",
  "activity.expires": "{date} 过期",

  "adjust.button": "调整积分",
  "adjust.title": "调整积分",
  "adjust.description": "增加积分，或输入负数扣除积分。每次调整都会连同原因一起记录。",
  "adjust.points.label": "积分",
  "adjust.points.hint": "例如 500 表示增加，-200 表示扣除。",
  "adjust.reason.label": "原因",
  "adjust.reason.hint": "必填。会保存在顾客的积分记录和审计日志中。",
  "adjust.reason.placeholder": "例如：配送延误的补偿",
  "adjust.reason.count": "{count}/{max}",
  "adjust.preview": "调整后可用积分：{points}",
  "adjust.exceeds": "扣除的积分超过了可用的 {points} 积分。",
  "adjust.cancel": "取消",
  "adjust.submit": "保存调整",
  "adjust.added": "已增加 {points} 积分",
  "adjust.deducted": "已扣除 {points} 积分",
  "adjust.failed": "无法调整积分",
  "adjust.validation.points": "请输入 -1,000,000 到 1,000,000 之间且不为 0 的整数。",
  "adjust.validation.reason": "请填写原因，3 到 500 个字符。",

  "campaigns.title": "积分活动",
  "campaigns.description":
    "在一段时间内或会员日按倍数发放订单积分。活动不叠加：订单按适用活动中最高的倍数计算。",
  "campaigns.create": "创建",
  "campaigns.column.name": "名称",
  "campaigns.column.multiplier": "倍数",
  "campaigns.column.window": "时间",
  "campaigns.column.memberDays": "会员日",
  "campaigns.column.status": "状态",
  "campaigns.multiplier": "\u00d7{multiplier}",
  "campaigns.until": "至 {date}",
  "campaigns.everyDay": "每天",
  "campaigns.dayOfMonth": "每月 {days} 日",
  "campaigns.daysOfMonth": "每月 {days} 日",
  "campaigns.listSeparator": "、",
  "campaigns.status.active": "进行中",
  "campaigns.status.scheduled": "未开始",
  "campaigns.status.ended": "已结束",
  "campaigns.status.paused": "已暂停",
  "campaigns.action.edit": "编辑",
  "campaigns.action.delete": "删除",
  "campaigns.delete.title": "删除活动？",
  "campaigns.delete.description":
    "将删除“{name}”。此后的订单不再按其倍数获得积分；已获得的积分保留。",
  "campaigns.delete.confirm": "删除",
  "campaigns.delete.cancel": "取消",
  "campaigns.deleted": "已删除活动“{name}”",
  "campaigns.deleteFailed": "无法删除活动",
  "campaigns.empty.heading": "暂无活动",
  "campaigns.empty.description": "创建活动，在一段时间内发放更多积分，例如会员日双倍积分。",
  "campaigns.loadFailed": "无法加载活动",

  "campaignForm.createTitle": "创建活动",
  "campaignForm.editTitle": "编辑活动",
  "campaignForm.description": "活动期间下的订单，获得的积分乘以倍数。",
  "campaignForm.name.label": "名称",
  "campaignForm.name.placeholder": "例如：双倍积分周",
  "campaignForm.multiplier.label": "倍数",
  "campaignForm.multiplier.hint": "2 表示双倍积分，1.5 表示多得一半。须大于 0，最多 10。",
  "campaignForm.startsAt.label": "开始时间",
  "campaignForm.endsAt.label": "结束时间",
  "campaignForm.window.hint": "按您所在的时区。活动在结束时间之前停止。",
  "campaignForm.weekdays.label": "星期",
  "campaignForm.weekdays.hint": "仅在这些日子生效。不选表示每天。",
  "campaignForm.daysOfMonth.label": "每月日期",
  "campaignForm.daysOfMonth.hint": "仅在这些日期生效，1 到 31。留空表示每天。",
  "campaignForm.daysOfMonth.placeholder": "例如：1, 15, 28",
  "campaignForm.memberDays.hint": "星期和日期均按 UTC 计算。两者都设置时，须同时满足。",
  "campaignForm.active.label": "启用",
  "campaignForm.active.hint": "关闭即可暂停活动，无需删除。",
  "campaignForm.audienceKept": "此活动仅适用于部分等级或分群。在此保存会保留该限制。",
  "campaignForm.cancel": "取消",
  "campaignForm.save": "保存",
  "campaignForm.create": "创建",
  "campaignForm.created": "活动已创建",
  "campaignForm.saved": "活动已保存",
  "campaignForm.createFailed": "无法创建活动",
  "campaignForm.saveFailed": "无法保存活动",
  "campaignForm.validation.name": "请输入名称，最多 {max} 个字符。",
  "campaignForm.validation.multiplier": "请输入大于 0 且不超过 {max} 的数。",
  "campaignForm.validation.date": "请选择日期和时间。",
  "campaignForm.validation.endsAfter": "请选择晚于开始时间的时间。",
  "campaignForm.validation.days": "请输入 1 到 31 之间的日期，用逗号分隔。",

  "loyalty.tierSince": "自 {date} 起",
  "loyalty.tierProgress": "升级到 {tier} 的进度",
  "loyalty.tierPercent": "{percent}%",
  "loyalty.toNextTierAmount": "再消费 {amount} 升级为 {tier}",
  "loyalty.topTier": "已是最高等级",
  "loyalty.tierGrace": "已不满足条件：除非再次达标，将保留 {tier} 至 {date}。",

  "page.tiersLink": "会员等级",

  "settings.section.tiers": "会员等级",
  "settings.tierMeasure.label": "定级依据",
  "settings.tierMeasure.hint": "等级门槛所统计的内容。修改后每个门槛的含义都会改变，请随后检查各等级。",
  "settings.tierMeasure.spend": "消费金额（默认货币）",
  "settings.tierMeasure.points": "获得的积分",
  "settings.tierPeriod.label": "统计周期",
  "settings.tierPeriod.hint": "哪些订单计入门槛。",
  "settings.tierPeriod.rolling": "最近若干个月（滚动）",
  "settings.tierPeriod.calendar_year": "本自然年",
  "settings.tierPeriod.lifetime": "全部时间",
  "settings.tierWindowMonths.label": "滚动周期（月）",
  "settings.tierWindowMonths.hint": "在此月数内下的订单计入。",
  "settings.tierGraceDays.label": "宽限期（天）",
  "settings.tierGraceDays.hint": "会员不再满足条件后保留等级的天数。0 表示立即降级。",
  "settings.tierUpgradeEmail.label": "会员升级时发送邮件",
  "settings.tierUpgradeEmail.hint": "会员升到更高等级时发送升级邮件。",
  "settings.exchangeRates.label": "消费金额汇率",
  "settings.exchangeRates.hint": "每 1 单位其他货币折合的默认货币数，用于将该货币的订单计入消费门槛。",
  "settings.exchangeRates.hintIn":
    "每 1 单位其他货币折合的 {currency} 数，用于将该货币的订单计入消费门槛（例如 USD 填 0.92）。",

  "members.column.tier": "等级",
  "members.tierFilter.label": "按等级筛选",
  "members.tierFilter.all": "全部等级",
  "members.tierEmpty.heading": "该等级暂无会员",
  "members.tierEmpty.description": "请选择其他等级，或在会员等级页面重新评估。",

  "tiers.title": "会员等级",
  "tiers.description": "会员达到条件后逐级晋升，并享受所在等级的权益。",
  "tiers.ladder": "等级阶梯",
  "tiers.rule.spend.rolling": "最近 {months} 个月的消费金额",
  "tiers.rule.spend.calendar_year": "本自然年的消费金额",
  "tiers.rule.spend.lifetime": "累计消费金额",
  "tiers.rule.points.rolling": "最近 {months} 个月获得的积分",
  "tiers.rule.points.calendar_year": "本自然年获得的积分",
  "tiers.rule.points.lifetime": "累计获得的积分",
  "tiers.rule.grace": "宽限期 {days} 天",
  "tiers.rule.noGrace": "无宽限期",
  "tiers.rule.separator": "，",
  "tiers.rule.change": "在设置中修改",
  "tiers.create": "创建等级",
  "tiers.column.rank": "排序",
  "tiers.column.name": "名称",
  "tiers.column.threshold": "门槛",
  "tiers.column.multiplier": "积分",
  "tiers.column.discount": "折扣",
  "tiers.column.freeShipping": "免运费",
  "tiers.column.birthdayBonus": "生日奖励",
  "tiers.column.priority": "客服",
  "tiers.column.members": "会员数",
  "tiers.multiplier": "\u00d7{multiplier}",
  "tiers.percent": "{percent}%",
  "tiers.points": "{points} 积分",
  "tiers.yes": "是",
  "tiers.no": "否",
  "tiers.birthdayDefault": "默认",
  "tiers.priority.low": "低",
  "tiers.priority.normal": "普通",
  "tiers.priority.high": "高",
  "tiers.priority.urgent": "紧急",
  "tiers.action.edit": "编辑",
  "tiers.action.delete": "删除",
  "tiers.delete.title": "删除等级？",
  "tiers.delete.description": "将删除“{name}”。该等级没有会员。",
  "tiers.delete.descriptionMembers":
    "将删除“{name}”。其 {count} 名会员将移至低一级的等级（若这是最低等级，则不再有等级）。",
  "tiers.delete.confirm": "删除",
  "tiers.delete.cancel": "取消",
  "tiers.deleted": "等级“{name}”已删除",
  "tiers.deleteFailed": "无法删除等级",
  "tiers.empty.heading": "暂无等级",
  "tiers.empty.description": "创建等级，奖励消费更多或获得更多积分的会员。",
  "tiers.loadFailed": "无法加载会员等级",
  "tiers.evaluate.button": "立即重新评估",
  "tiers.evaluate.done": "已重新评估会员等级",
  "tiers.evaluate.counts":
    "{upgraded} 人升级，{downgraded} 人降级，{graceStarted} 人进入宽限期，{graceCleared} 人重新达标。",
  "tiers.evaluate.failed": "无法重新评估会员等级",

  "tierForm.createTitle": "创建等级",
  "tierForm.editTitle": "编辑等级",
  "tierForm.description": "定级依据达到门槛的会员获得该等级及其权益。门槛须随排序递增。",
  "tierForm.name.label": "名称",
  "tierForm.name.placeholder": "例如：黄金",
  "tierForm.descriptionField.label": "描述",
  "tierForm.descriptionField.hint": "可选。与等级一同展示给顾客。",
  "tierForm.threshold.spend": "门槛（消费金额）",
  "tierForm.threshold.spendIn": "门槛（{currency} 消费金额）",
  "tierForm.threshold.points": "门槛（积分）",
  "tierForm.threshold.hint": "须高于下一级的门槛，低于上一级的门槛。",
  "tierForm.rank.label": "排序",
  "tierForm.rank.createHint": "0 为最低。留空：排在最高等级之上。",
  "tierForm.rank.editHint": "0 为最低。修改排序会移动该等级，其他等级随之调整。",
  "tierForm.rank.placeholder": "排在最高等级之上",
  "tierForm.multiplier.label": "积分倍数",
  "tierForm.multiplier.hint": "获得的积分乘以此倍数，1 到 10。",
  "tierForm.discount.label": "折扣（%）",
  "tierForm.discount.hint": "每笔订单自动享受的折扣，0 到 100。0 表示无折扣。",
  "tierForm.birthdayBonus.label": "生日奖励（积分）",
  "tierForm.birthdayBonus.hint": "替代设置中的生日奖励。留空：使用设置中的值。",
  "tierForm.birthdayBonus.placeholder": "设置中的值",
  "tierForm.priority.label": "客服优先级",
  "tierForm.priority.hint": "会员的工单从此优先级开始。",
  "tierForm.freeShipping.label": "免运费",
  "tierForm.freeShipping.hint": "会员的订单免运费。",
  "tierForm.cancel": "取消",
  "tierForm.save": "保存",
  "tierForm.create": "创建",
  "tierForm.created": "等级“{name}”已创建",
  "tierForm.saved": "等级“{name}”已保存",
  "tierForm.createFailed": "无法创建等级",
  "tierForm.saveFailed": "无法保存等级",
  "tierForm.validation.name": "请输入名称，最多 {max} 个字符。",
  "tierForm.validation.description": "最多 {max} 个字符。",
  "tierForm.validation.rank": "请输入不小于 0 的整数，或留空。",
  "tierForm.validation.discount": "请输入 0 到 100 之间的百分比。",
  "tierForm.validation.multiplier": "请输入 1 到 {max} 之间的数。",
}

export const crmMessages: Record<CrmLocale, CrmMessages> = {
  en,
  "zh-CN": zhCN,
}

/**
 * Maps a dashboard language code ("zhCN", "zh-CN", "en", "enGB", ...) to one
 * the plugin has texts for. Every Chinese variant gets Simplified Chinese
 * (closer to a Chinese reader than English); anything else gets English.
 */
export function resolveCrmLocale(code: string | null | undefined): CrmLocale {
  const normalized = (code ?? "").trim().toLowerCase()
  if (normalized.startsWith("zh")) {
    return "zh-CN"
  }
  return CRM_DEFAULT_LOCALE
}

const LANGUAGE_KEY = "lng"

function readCookie(name: string): string | null {
  const prefix = `${name}=`
  for (const part of document.cookie.split(";")) {
    const entry = part.trim()
    if (entry.startsWith(prefix)) {
      try {
        return decodeURIComponent(entry.slice(prefix.length))
      } catch {
        return null
      }
    }
  }
  return null
}

function readLocalStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    // Storage can be blocked (privacy settings, sandboxed frames).
    return null
  }
}

/** The dashboard's current language code, or null outside a browser. */
export function readDashboardLanguage(): string | null {
  if (typeof document === "undefined") {
    return null
  }
  return (
    document.documentElement.getAttribute("lang") ||
    readLocalStorage(LANGUAGE_KEY) ||
    readCookie(LANGUAGE_KEY) ||
    null
  )
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined") {
    return () => {}
  }
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["lang"],
  })
  window.addEventListener("storage", onChange)
  return () => {
    observer.disconnect()
    window.removeEventListener("storage", onChange)
  }
}

const getSnapshot = (): CrmLocale => resolveCrmLocale(readDashboardLanguage())
const getServerSnapshot = (): CrmLocale => CRM_DEFAULT_LOCALE

export type TranslateValues = Record<string, string | number>

/**
 * Looks a key up and fills `{name}` placeholders. The result is plain text:
 * render it as a React child, never as HTML.
 */
export function translate(
  locale: CrmLocale,
  key: CrmMessageKey,
  values?: TranslateValues
): string {
  const template = crmMessages[locale][key] ?? crmMessages.en[key]
  if (!values) {
    return template
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name)
      ? String(values[name])
      : match
  )
}

export type CrmTranslation = {
  locale: CrmLocale
  t: (key: CrmMessageKey, values?: TranslateValues) => string
  formatNumber: (value: number) => string
  formatDate: (value: string | Date) => string
  formatDateTime: (value: string | Date) => string
}

/** The plugin's `t()` plus number and date formatting in the same language. */
export function useCrmTranslation(): CrmTranslation {
  const locale = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)

  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale)
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" })
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
    })
    const toDate = (value: string | Date) =>
      value instanceof Date ? value : new Date(value)
    return {
      locale,
      t: (key, values) => translate(locale, key, values),
      formatNumber: (value) => numberFormat.format(value),
      formatDate: (value) => {
        const date = toDate(value)
        return Number.isNaN(date.getTime()) ? "-" : dateFormat.format(date)
      },
      formatDateTime: (value) => {
        const date = toDate(value)
        return Number.isNaN(date.getTime()) ? "-" : dateTimeFormat.format(date)
      },
    }
  }, [locale])
}
