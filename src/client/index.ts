/**
 * Typed client for the plugin's routes, built on an existing
 * `@medusajs/js-sdk` instance (so the publishable key, the session or JWT
 * and the base URL come from there).
 *
 *   import Medusa from "@medusajs/js-sdk"
 *   import { createCrmClient } from "medusa-plugin-crm/client"
 *
 *   // A storefront
 *   const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt" } })
 *   const crm = createCrmClient(sdk)
 *   const { loyalty_account } = await crm.store.loyalty.retrieveAccount()
 *
 *   // An admin tool (a user's session or JWT)
 *   const { campaigns } = await crm.admin.loyalty.listCampaigns({ limit: 20 })
 *   const { tiers } = await crm.admin.loyalty.listTiers()
 *   const { reviews } = await crm.admin.reviews.list({ status: "pending" })
 *   const { tickets } = await crm.admin.tickets.list({ overdue: true })
 *   const { results } = await crm.admin.surveys.results(surveyId, { interval: "week" })
 *
 * Only types are imported from the SDK: the client adds no runtime
 * dependency.
 */
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type { LoyaltyCampaignDTO } from "../types/ledger"
import { CrmAdminSurveys, CrmStoreSurveys } from "./surveys"
import type {
  AdminLoyaltyTransaction,
  StoreLoyaltyAccountResponse,
} from "../types/loyalty"
import type {
  AdminReviewBatchResponse,
  AdminReviewResponse,
  AdminReviewSettingsResponse,
  AdminReviewsResponse,
  ReviewOrder,
  ReviewStatus,
  StoreCustomerReview,
  StoreProductReviewsResponse,
  StoreReview,
  UpdateReviewSettings,
} from "../types/reviews"
import type {
  AdminTicketDetail,
  AdminTicketsResponse,
  StoreTicket,
  TicketCategory,
  TicketMacroDTO,
  TicketOrder,
  TicketPriority,
  TicketPromotionValueType,
  TicketSettingsDTO,
  TicketStats,
  TicketStatus,
  UpdateTicketSettings,
} from "../types/tickets"
import type {
  AdminLoyaltyTierResponse,
  AdminLoyaltyTiersResponse,
  AdminTierEvaluationResponse,
  StoreLoyaltyTiersResponse,
  SupportPriority,
} from "../types/tiers"

export type {
  AdminLoyaltyTransaction,
  ExpiringPoints,
  StoreLoyaltyAccount,
  StoreLoyaltyAccountResponse,
} from "../types/loyalty"

export type {
  AdminLoyaltyTier,
  AdminLoyaltyTierResponse,
  AdminLoyaltyTiersResponse,
  AdminTierEvaluationResponse,
  StoreLoyaltyTier,
  StoreLoyaltyTiersResponse,
  SupportPriority,
  TierBenefits,
  TierChange,
  TierEvaluationResult,
  TierMeasure,
  TierPeriod,
  TierProgress,
} from "../types/tiers"

export type {
  AdminReview,
  AdminReviewBatchResponse,
  AdminReviewDetail,
  AdminReviewResponse,
  AdminReviewSettingsResponse,
  AdminReviewsResponse,
  AutoApprovePolicy,
  ModerationActorType,
  ModerationEvent,
  ModerationRuleName,
  RatingSummary,
  ReviewOrder,
  ReviewSettingsDTO,
  ReviewStatus,
  RuleAction,
  RuleVerdict,
  StoreCustomerReview,
  StoreProductReviewsResponse,
  StoreReview,
  UpdateReviewSettings,
} from "../types/reviews"

export type {
  AdminTicket,
  AdminTicketDetail,
  AdminTicketsResponse,
  SlaPolicy,
  SlaTarget,
  StoreTicket,
  TicketAuthorType,
  TicketCategory,
  TicketCompensationDTO,
  TicketCompensationType,
  TicketMacroDTO,
  TicketMessageDTO,
  TicketOrder,
  TicketPriority,
  TicketPromotionValueType,
  TicketSettingsDTO,
  TicketSla,
  TicketSource,
  TicketStats,
  TicketStatus,
  UpdateTicketSettings,
} from "../types/tickets"

/** `limit` (1 to 100, default 20) and `offset`, as every list route takes. */
export type CrmListQuery = {
  limit?: number
  offset?: number
}

/** A points campaign as the admin routes answer it (dates as ISO strings). */
export type AdminLoyaltyCampaign = Omit<
  LoyaltyCampaignDTO,
  "starts_at" | "ends_at" | "created_at" | "updated_at"
> & {
  starts_at: string
  ends_at: string
  created_at: string
  updated_at: string
}

export type AdminLoyaltyCampaignResponse = { campaign: AdminLoyaltyCampaign }

export type AdminLoyaltyCampaignListResponse = {
  campaigns: AdminLoyaltyCampaign[]
  count: number
  offset: number
  limit: number
}

export type AdminLoyaltyCampaignDeleteResponse = {
  id: string
  object: "loyalty_campaign"
  deleted: true
}

/**
 * `POST /admin/loyalty/campaigns`. `multiplier` is greater than 0 and at most
 * 10; `ends_at` is after `starts_at`. Empty or null `weekdays` (0 = Sunday)
 * and `days_of_month` (1 to 31) mean every day; both are UTC days.
 */
export type AdminCreateLoyaltyCampaign = {
  name: string
  multiplier: number
  starts_at: string | Date
  ends_at: string | Date
  weekdays?: number[] | null
  days_of_month?: number[] | null
  tier_ids?: string[] | null
  segment_ids?: string[] | null
  /** Defaults to true. */
  active?: boolean
}

/** `POST /admin/loyalty/campaigns/:id`: any of the fields, at least one. */
export type AdminUpdateLoyaltyCampaign = Partial<AdminCreateLoyaltyCampaign>

/**
 * `POST /admin/loyalty/tiers`. `name` (at most 100 characters) is unique
 * (409 otherwise); `threshold` (0 or more) is spend in the store's default
 * currency or points, as the settings' `tier_measure` says, and thresholds
 * must rise strictly with rank (400 otherwise). `rank` defaults to just above
 * the highest tier; `multiplier` is 1 to 10 (default 1), `discount_percent`
 * 0 to 100. A null `birthday_bonus_points` means the settings' birthday
 * bonus.
 */
export type AdminCreateLoyaltyTier = {
  name: string
  threshold: number
  rank?: number
  description?: string | null
  multiplier?: number
  discount_percent?: number
  free_shipping?: boolean
  birthday_bonus_points?: number | null
  support_priority?: SupportPriority
}

/**
 * `POST /admin/loyalty/tiers/:id`: any of the fields. A new `rank` moves the
 * tier to that position and shifts the others.
 */
export type AdminUpdateLoyaltyTier = Partial<AdminCreateLoyaltyTier>

/** `DELETE /admin/loyalty/tiers/:id`: the tier's members move to the next lower tier. */
export type AdminLoyaltyTierDeleteResponse = {
  id: string
  object: "loyalty_tier"
  deleted: true
}

/** `GET /admin/customers/:id/loyalty/transactions`: every entry type, newest first. */
export type AdminCustomerLoyaltyTransactionsResponse = {
  transactions: AdminLoyaltyTransaction[]
  count: number
  offset: number
  limit: number
}

/**
 * `GET /admin/reviews`: every filter is optional (no `status`: any status);
 * `q` is a text search. With `product_id` the answer also has the product's
 * rating `summary`.
 */
export type AdminReviewsQuery = CrmListQuery & {
  status?: ReviewStatus
  product_id?: string
  customer_id?: string
  order_id?: string
  /** 1 to 5. */
  rating?: number
  verified?: boolean
  q?: string
  /** Defaults to `-created_at` (newest first). */
  order?: ReviewOrder
}

/** `POST /admin/reviews/:id/{approve,reject,flag}`: the reason is kept in the history and shown to the customer. */
export type AdminModerateReview = {
  reason?: string
}

/** `POST /admin/reviews/batch`: ids per action, one reason for all of them. */
export type AdminBatchModerateReviews = {
  approve?: string[]
  reject?: string[]
  flag?: string[]
  reason?: string
}

/** `POST /admin/reviews/:id/response`: the store's public reply, as plain text. */
export type AdminRespondToReview = {
  content: string
}

/** `GET /store/products/:id/reviews`: approved reviews only. */
export type StoreProductReviewsQuery = CrmListQuery & {
  /** `-created_at` (default), `-helpful_count`, `-rating` or `rating`. */
  order?: ReviewOrder
  /** Only reviews with this rating (1 to 5). */
  rating?: number
}

/**
 * `POST /store/products/:id/reviews` (a logged-in customer). `rating` and
 * the sub-ratings are whole numbers from 1 to 5; `images` are https URLs.
 * `order_id`: the customer's own order of the product, for a verified
 * purchase.
 */
export type StoreCreateReview = {
  rating: number
  title?: string | null
  content?: string | null
  order_id?: string | null
  quality_rating?: number | null
  logistics_rating?: number | null
  service_rating?: number | null
  images?: string[]
}

/** `POST /store/customers/me/reviews/:id`: any of the fields; the edit is moderated again. */
export type StoreUpdateReview = Partial<Omit<StoreCreateReview, "order_id">>

/** The customer's own review, as the store routes answer a write. */
export type StoreCustomerReviewResponse = { review: StoreCustomerReview }

/** `GET /store/customers/me/reviews`: the customer's reviews, every status, newest first. */
export type StoreCustomerReviewsResponse = {
  reviews: StoreCustomerReview[]
  count: number
  offset: number
  limit: number
}

/** `POST /store/reviews/:id/helpful`: the review with its new `helpful_count`. */
export type StoreReviewResponse = { review: StoreReview }

export type StoreReviewDeleteResponse = {
  id: string
  object: "review"
  deleted: true
}

/**
 * `GET /admin/tickets`: every filter is optional; `status`, `priority` and
 * `category` take one value or several. The answer also has the count per
 * status under the other filters (`status_counts`) and `overdue_count`.
 */
export type AdminTicketsQuery = CrmListQuery & {
  status?: TicketStatus | TicketStatus[]
  priority?: TicketPriority | TicketPriority[]
  category?: TicketCategory | TicketCategory[]
  /** A staff user's id, `"none"` (unassigned) or `"me"` (the caller). */
  assignee_id?: string
  /** Only tickets past a due time that is still running. */
  overdue?: boolean
  /** Only tickets an escalation flagged (or, with false, never flagged). */
  flagged?: boolean
  customer_id?: string
  order_id?: string
  /** Words of the subject, or a ticket number ("123" or "#123"). */
  q?: string
  /** Defaults to `due`: the earliest running deadline first. */
  order?: TicketOrder
}

/** One ticket with its conversation (internal notes included), compensations and the customer's standing. */
export type AdminTicketResponse = { ticket: AdminTicketDetail }

/** `POST /admin/tickets`: staff open a ticket for a customer; the message is the customer's problem as staff heard it. */
export type AdminCreateTicket = {
  customer_id: string
  subject: string
  category: TicketCategory
  message: string
  /** One of the customer's own orders. */
  order_id?: string | null
  product_id?: string | null
  /** Without it, the server's default for the customer. */
  priority?: TicketPriority | null
  assignee_id?: string | null
}

/**
 * `POST /admin/tickets/:id`: any of the fields. `status` must be one of the
 * ticket's `allowed_statuses` (400 otherwise); a null `assignee_id` unassigns.
 */
export type AdminUpdateTicket = {
  status?: TicketStatus
  priority?: TicketPriority
  category?: TicketCategory
  assignee_id?: string | null
}

/**
 * `POST /admin/tickets/:id/messages`: a public reply (e-mailed to the
 * customer) or, with `internal`, a note only staff see; `status` moves the
 * ticket with it (e.g. to `pending_customer`).
 */
export type AdminAddTicketMessage = {
  body: string
  internal?: boolean
  status?: TicketStatus
}

/** A one-time promotion for the customer: a percentage off, or a fixed amount in a currency. */
export type AdminTicketPromotionCompensation =
  | { type: Extract<TicketPromotionValueType, "percentage">; value: number }
  | { type: Extract<TicketPromotionValueType, "fixed">; value: number; currency_code: string }

/**
 * `POST /admin/tickets/:id/compensation`: points, or a one-time promotion
 * code. Each kind at most once per ticket (409 the second time).
 */
export type AdminCompensateTicket =
  | { points: number }
  | { promotion: AdminTicketPromotionCompensation }

/** `GET /admin/tickets/stats`: the period (ISO dates); the server picks a default without them. */
export type AdminTicketStatsQuery = {
  from?: string
  to?: string
}

export type AdminTicketStatsResponse = { stats: TicketStats }

/** `GET /admin/ticket-macros`: by name unless `order` says otherwise; `q` searches names and texts. */
export type AdminTicketMacrosQuery = CrmListQuery & {
  q?: string
  category?: TicketCategory
  order?: "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at"
}

export type AdminTicketMacrosResponse = {
  ticket_macros: TicketMacroDTO[]
  count: number
  offset: number
  limit: number
}

export type AdminTicketMacroResponse = { ticket_macro: TicketMacroDTO }

/**
 * `POST /admin/ticket-macros`: a canned response. `body` is a Handlebars
 * template over `customer.first_name`, `customer.last_name`,
 * `customer.email`, `order.display_id`, `ticket.display_id`,
 * `ticket.subject`, `store.name` and `agent.first_name`; a null `category`
 * suits every category.
 */
export type AdminCreateTicketMacro = {
  name: string
  body: string
  category?: TicketCategory | null
}

/** `POST /admin/ticket-macros/:id`: any of the fields. */
export type AdminUpdateTicketMacro = Partial<AdminCreateTicketMacro>

export type AdminTicketMacroDeleteResponse = {
  id: string
  object: "ticket_macro"
  deleted: true
}

/**
 * `POST /admin/ticket-macros/:id/render`: the macro filled in for one
 * ticket; `missing` names the placeholders it had no value for (rendered
 * as nothing).
 */
export type AdminRenderTicketMacroResponse = {
  rendered: { body: string; missing: string[] }
}

export type AdminTicketSettingsResponse = { settings: TicketSettingsDTO }

/** `POST /store/tickets`: `order_id` and `product_id` must be the customer's own order and a product of it. */
export type StoreCreateTicket = {
  subject: string
  category: TicketCategory
  message: string
  order_id?: string | null
  product_id?: string | null
}

/** `GET /store/tickets`: the customer's own tickets. */
export type StoreTicketsQuery = CrmListQuery & {
  status?: TicketStatus | TicketStatus[]
}

export type StoreTicketResponse = { ticket: StoreTicket }

export type StoreTicketsResponse = {
  tickets: StoreTicket[]
  count: number
  offset: number
  limit: number
}

/** `POST /store/tickets/:id/messages`: a reply reopens a resolved ticket; a closed one takes none. */
export type StoreReplyToTicket = { body: string }

/** `POST /store/tickets/:id/rating`: once, after the ticket is resolved (`can_rate`); `score` 1 to 5. */
export type StoreRateTicket = {
  score: number
  comment?: string | null
}

export class CrmStoreLoyalty {
  constructor(private readonly sdk: Medusa) {}

  /** The logged-in customer's loyalty account (`GET /store/loyalty/account`). */
  retrieveAccount(headers?: ClientHeaders): Promise<StoreLoyaltyAccountResponse> {
    return this.sdk.client.fetch<StoreLoyaltyAccountResponse>("/store/loyalty/account", {
      method: "GET",
      headers,
    })
  }

  /** Every tier with its benefits, lowest rank first (`GET /store/loyalty/tiers`, public). */
  listTiers(headers?: ClientHeaders): Promise<StoreLoyaltyTiersResponse> {
    return this.sdk.client.fetch<StoreLoyaltyTiersResponse>("/store/loyalty/tiers", {
      method: "GET",
      headers,
    })
  }
}

const productReviewsPath = (productId: string) =>
  `/store/products/${encodeURIComponent(productId)}/reviews`
const myReviewPath = (id: string) => `/store/customers/me/reviews/${encodeURIComponent(id)}`

export class CrmStoreReviews {
  constructor(private readonly sdk: Medusa) {}

  /**
   * A page of a product's approved reviews with its rating summary
   * (`GET /store/products/:id/reviews`, public).
   */
  listForProduct(
    productId: string,
    query?: StoreProductReviewsQuery,
    headers?: ClientHeaders
  ): Promise<StoreProductReviewsResponse> {
    return this.sdk.client.fetch<StoreProductReviewsResponse>(productReviewsPath(productId), {
      method: "GET",
      query,
      headers,
    })
  }

  /**
   * The logged-in customer reviews a product (`POST /store/products/:id/reviews`).
   * The review may be published at once or wait for a moderator: see its `status`.
   */
  create(productId: string, body: StoreCreateReview, headers?: ClientHeaders): Promise<StoreCustomerReviewResponse> {
    return this.sdk.client.fetch<StoreCustomerReviewResponse>(productReviewsPath(productId), {
      method: "POST",
      body,
      headers,
    })
  }

  /** The logged-in customer's own reviews, every status (`GET /store/customers/me/reviews`). */
  listMine(query?: CrmListQuery, headers?: ClientHeaders): Promise<StoreCustomerReviewsResponse> {
    return this.sdk.client.fetch<StoreCustomerReviewsResponse>("/store/customers/me/reviews", {
      method: "GET",
      query,
      headers,
    })
  }

  /** Edits the customer's own review (`POST /store/customers/me/reviews/:id`); it is moderated again. */
  update(id: string, body: StoreUpdateReview, headers?: ClientHeaders): Promise<StoreCustomerReviewResponse> {
    return this.sdk.client.fetch<StoreCustomerReviewResponse>(myReviewPath(id), {
      method: "POST",
      body,
      headers,
    })
  }

  /** Deletes the customer's own review (`DELETE /store/customers/me/reviews/:id`). */
  remove(id: string, headers?: ClientHeaders): Promise<StoreReviewDeleteResponse> {
    return this.sdk.client.fetch<StoreReviewDeleteResponse>(myReviewPath(id), {
      method: "DELETE",
      headers,
    })
  }

  /** The logged-in customer found a review helpful (`POST /store/reviews/:id/helpful`). */
  markHelpful(id: string, headers?: ClientHeaders): Promise<StoreReviewResponse> {
    return this.sdk.client.fetch<StoreReviewResponse>(`/store/reviews/${encodeURIComponent(id)}/helpful`, {
      method: "POST",
      headers,
    })
  }
}

const storeTicketPath = (id: string) => `/store/tickets/${encodeURIComponent(id)}`

export class CrmStoreTickets {
  constructor(private readonly sdk: Medusa) {}

  /** The logged-in customer opens a ticket (`POST /store/tickets`). */
  create(body: StoreCreateTicket, headers?: ClientHeaders): Promise<StoreTicketResponse> {
    return this.sdk.client.fetch<StoreTicketResponse>("/store/tickets", {
      method: "POST",
      body,
      headers,
    })
  }

  /** A page of the customer's own tickets (`GET /store/tickets`). */
  list(query?: StoreTicketsQuery, headers?: ClientHeaders): Promise<StoreTicketsResponse> {
    return this.sdk.client.fetch<StoreTicketsResponse>("/store/tickets", {
      method: "GET",
      query,
      headers,
    })
  }

  /** One of the customer's tickets with its public conversation (`GET /store/tickets/:id`). */
  retrieve(id: string, headers?: ClientHeaders): Promise<StoreTicketResponse> {
    return this.sdk.client.fetch<StoreTicketResponse>(storeTicketPath(id), {
      method: "GET",
      headers,
    })
  }

  /** The customer writes in the conversation (`POST /store/tickets/:id/messages`). */
  reply(id: string, body: StoreReplyToTicket, headers?: ClientHeaders): Promise<StoreTicketResponse> {
    return this.sdk.client.fetch<StoreTicketResponse>(`${storeTicketPath(id)}/messages`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** The customer rates the handling of a resolved ticket (`POST /store/tickets/:id/rating`). */
  rate(id: string, body: StoreRateTicket, headers?: ClientHeaders): Promise<StoreTicketResponse> {
    return this.sdk.client.fetch<StoreTicketResponse>(`${storeTicketPath(id)}/rating`, {
      method: "POST",
      body,
      headers,
    })
  }
}

export class CrmStoreClient {
  readonly loyalty: CrmStoreLoyalty
  readonly reviews: CrmStoreReviews
  readonly tickets: CrmStoreTickets
  readonly surveys: CrmStoreSurveys

  constructor(sdk: Medusa) {
    this.loyalty = new CrmStoreLoyalty(sdk)
    this.reviews = new CrmStoreReviews(sdk)
    this.tickets = new CrmStoreTickets(sdk)
    this.surveys = new CrmStoreSurveys(sdk)
  }
}

const campaignPath = (id: string) => `/admin/loyalty/campaigns/${encodeURIComponent(id)}`
const tierPath = (id: string) => `/admin/loyalty/tiers/${encodeURIComponent(id)}`

export class CrmAdminLoyalty {
  constructor(private readonly sdk: Medusa) {}

  /** A page of campaigns, the latest start first (`GET /admin/loyalty/campaigns`). */
  listCampaigns(query?: CrmListQuery, headers?: ClientHeaders): Promise<AdminLoyaltyCampaignListResponse> {
    return this.sdk.client.fetch<AdminLoyaltyCampaignListResponse>("/admin/loyalty/campaigns", {
      method: "GET",
      query,
      headers,
    })
  }

  /** `POST /admin/loyalty/campaigns`. */
  createCampaign(body: AdminCreateLoyaltyCampaign, headers?: ClientHeaders): Promise<AdminLoyaltyCampaignResponse> {
    return this.sdk.client.fetch<AdminLoyaltyCampaignResponse>("/admin/loyalty/campaigns", {
      method: "POST",
      body,
      headers,
    })
  }

  /** A partial update (`POST /admin/loyalty/campaigns/:id`). */
  updateCampaign(
    id: string,
    body: AdminUpdateLoyaltyCampaign,
    headers?: ClientHeaders
  ): Promise<AdminLoyaltyCampaignResponse> {
    return this.sdk.client.fetch<AdminLoyaltyCampaignResponse>(campaignPath(id), {
      method: "POST",
      body,
      headers,
    })
  }

  /** `DELETE /admin/loyalty/campaigns/:id`. */
  deleteCampaign(id: string, headers?: ClientHeaders): Promise<AdminLoyaltyCampaignDeleteResponse> {
    return this.sdk.client.fetch<AdminLoyaltyCampaignDeleteResponse>(campaignPath(id), {
      method: "DELETE",
      headers,
    })
  }

  /** Every tier with its member count, lowest rank first (`GET /admin/loyalty/tiers`). */
  listTiers(headers?: ClientHeaders): Promise<AdminLoyaltyTiersResponse> {
    return this.sdk.client.fetch<AdminLoyaltyTiersResponse>("/admin/loyalty/tiers", {
      method: "GET",
      headers,
    })
  }

  /** `POST /admin/loyalty/tiers`. */
  createTier(body: AdminCreateLoyaltyTier, headers?: ClientHeaders): Promise<AdminLoyaltyTierResponse> {
    return this.sdk.client.fetch<AdminLoyaltyTierResponse>("/admin/loyalty/tiers", {
      method: "POST",
      body,
      headers,
    })
  }

  /** `GET /admin/loyalty/tiers/:id`. */
  retrieveTier(id: string, headers?: ClientHeaders): Promise<AdminLoyaltyTierResponse> {
    return this.sdk.client.fetch<AdminLoyaltyTierResponse>(tierPath(id), {
      method: "GET",
      headers,
    })
  }

  /** A partial update (`POST /admin/loyalty/tiers/:id`); a new `rank` moves the tier. */
  updateTier(id: string, body: AdminUpdateLoyaltyTier, headers?: ClientHeaders): Promise<AdminLoyaltyTierResponse> {
    return this.sdk.client.fetch<AdminLoyaltyTierResponse>(tierPath(id), {
      method: "POST",
      body,
      headers,
    })
  }

  /** `DELETE /admin/loyalty/tiers/:id`: its members move to the next lower tier. */
  deleteTier(id: string, headers?: ClientHeaders): Promise<AdminLoyaltyTierDeleteResponse> {
    return this.sdk.client.fetch<AdminLoyaltyTierDeleteResponse>(tierPath(id), {
      method: "DELETE",
      headers,
    })
  }

  /** Re-scores every member now (`POST /admin/loyalty/tiers/evaluate`). */
  evaluateTiers(headers?: ClientHeaders): Promise<AdminTierEvaluationResponse> {
    return this.sdk.client.fetch<AdminTierEvaluationResponse>("/admin/loyalty/tiers/evaluate", {
      method: "POST",
      headers,
    })
  }

  /** A page of a customer's ledger (`GET /admin/customers/:id/loyalty/transactions`). */
  listCustomerTransactions(
    customerId: string,
    query?: CrmListQuery,
    headers?: ClientHeaders
  ): Promise<AdminCustomerLoyaltyTransactionsResponse> {
    return this.sdk.client.fetch<AdminCustomerLoyaltyTransactionsResponse>(
      `/admin/customers/${encodeURIComponent(customerId)}/loyalty/transactions`,
      { method: "GET", query, headers }
    )
  }
}

const reviewPath = (id: string) => `/admin/reviews/${encodeURIComponent(id)}`

export class CrmAdminReviews {
  constructor(private readonly sdk: Medusa) {}

  /** A page of reviews, newest first unless `order` says otherwise (`GET /admin/reviews`). */
  list(query?: AdminReviewsQuery, headers?: ClientHeaders): Promise<AdminReviewsResponse> {
    return this.sdk.client.fetch<AdminReviewsResponse>("/admin/reviews", {
      method: "GET",
      query,
      headers,
    })
  }

  /** One review with its moderation history (`GET /admin/reviews/:id`). */
  retrieve(id: string, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(reviewPath(id), {
      method: "GET",
      headers,
    })
  }

  /** Publishes a review (`POST /admin/reviews/:id/approve`). */
  approve(id: string, body: AdminModerateReview = {}, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/approve`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Rejects a review (`POST /admin/reviews/:id/reject`); the reason is shown to its author. */
  reject(id: string, body: AdminModerateReview = {}, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/reject`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Flags a review for a closer look (`POST /admin/reviews/:id/flag`). */
  flag(id: string, body: AdminModerateReview = {}, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/flag`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Approves, rejects and flags many reviews at once (`POST /admin/reviews/batch`). */
  batch(body: AdminBatchModerateReviews, headers?: ClientHeaders): Promise<AdminReviewBatchResponse> {
    return this.sdk.client.fetch<AdminReviewBatchResponse>("/admin/reviews/batch", {
      method: "POST",
      body,
      headers,
    })
  }

  /** Sets the store's public reply (`POST /admin/reviews/:id/response`). */
  respond(id: string, body: AdminRespondToReview, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/response`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Removes the store's public reply (`DELETE /admin/reviews/:id/response`). */
  removeResponse(id: string, headers?: ClientHeaders): Promise<AdminReviewResponse> {
    return this.sdk.client.fetch<AdminReviewResponse>(`${reviewPath(id)}/response`, {
      method: "DELETE",
      headers,
    })
  }

  /** The moderation settings (`GET /admin/reviews/settings`). */
  retrieveSettings(headers?: ClientHeaders): Promise<AdminReviewSettingsResponse> {
    return this.sdk.client.fetch<AdminReviewSettingsResponse>("/admin/reviews/settings", {
      method: "GET",
      headers,
    })
  }

  /** A partial update of the moderation settings (`POST /admin/reviews/settings`). */
  updateSettings(body: UpdateReviewSettings, headers?: ClientHeaders): Promise<AdminReviewSettingsResponse> {
    return this.sdk.client.fetch<AdminReviewSettingsResponse>("/admin/reviews/settings", {
      method: "POST",
      body,
      headers,
    })
  }
}

const adminTicketPath = (id: string) => `/admin/tickets/${encodeURIComponent(id)}`

export class CrmAdminTickets {
  constructor(private readonly sdk: Medusa) {}

  /** A page of the inbox, most urgent first unless `order` says otherwise (`GET /admin/tickets`). */
  list(query?: AdminTicketsQuery, headers?: ClientHeaders): Promise<AdminTicketsResponse> {
    return this.sdk.client.fetch<AdminTicketsResponse>("/admin/tickets", {
      method: "GET",
      query,
      headers,
    })
  }

  /** One ticket with everything staff need (`GET /admin/tickets/:id`). */
  retrieve(id: string, headers?: ClientHeaders): Promise<AdminTicketResponse> {
    return this.sdk.client.fetch<AdminTicketResponse>(adminTicketPath(id), {
      method: "GET",
      headers,
    })
  }

  /** Opens a ticket for a customer (`POST /admin/tickets`). */
  create(body: AdminCreateTicket, headers?: ClientHeaders): Promise<AdminTicketResponse> {
    return this.sdk.client.fetch<AdminTicketResponse>("/admin/tickets", {
      method: "POST",
      body,
      headers,
    })
  }

  /** Moves, re-prioritises, re-categorises or (un)assigns a ticket (`POST /admin/tickets/:id`). */
  update(id: string, body: AdminUpdateTicket, headers?: ClientHeaders): Promise<AdminTicketResponse> {
    return this.sdk.client.fetch<AdminTicketResponse>(adminTicketPath(id), {
      method: "POST",
      body,
      headers,
    })
  }

  /** A reply to the customer or an internal note (`POST /admin/tickets/:id/messages`). */
  addMessage(id: string, body: AdminAddTicketMessage, headers?: ClientHeaders): Promise<AdminTicketResponse> {
    return this.sdk.client.fetch<AdminTicketResponse>(`${adminTicketPath(id)}/messages`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Gives the customer points or a one-time promotion code (`POST /admin/tickets/:id/compensation`). */
  compensate(id: string, body: AdminCompensateTicket, headers?: ClientHeaders): Promise<AdminTicketResponse> {
    return this.sdk.client.fetch<AdminTicketResponse>(`${adminTicketPath(id)}/compensation`, {
      method: "POST",
      body,
      headers,
    })
  }

  /** Counts and times over a period (`GET /admin/tickets/stats`). */
  stats(query?: AdminTicketStatsQuery, headers?: ClientHeaders): Promise<AdminTicketStatsResponse> {
    return this.sdk.client.fetch<AdminTicketStatsResponse>("/admin/tickets/stats", {
      method: "GET",
      query,
      headers,
    })
  }
}

const ticketMacroPath = (id: string) => `/admin/ticket-macros/${encodeURIComponent(id)}`

export class CrmAdminTicketMacros {
  constructor(private readonly sdk: Medusa) {}

  /** A page of canned responses (`GET /admin/ticket-macros`). */
  list(query?: AdminTicketMacrosQuery, headers?: ClientHeaders): Promise<AdminTicketMacrosResponse> {
    return this.sdk.client.fetch<AdminTicketMacrosResponse>("/admin/ticket-macros", {
      method: "GET",
      query,
      headers,
    })
  }

  /** `POST /admin/ticket-macros`. */
  create(body: AdminCreateTicketMacro, headers?: ClientHeaders): Promise<AdminTicketMacroResponse> {
    return this.sdk.client.fetch<AdminTicketMacroResponse>("/admin/ticket-macros", {
      method: "POST",
      body,
      headers,
    })
  }

  /** `GET /admin/ticket-macros/:id`. */
  retrieve(id: string, headers?: ClientHeaders): Promise<AdminTicketMacroResponse> {
    return this.sdk.client.fetch<AdminTicketMacroResponse>(ticketMacroPath(id), {
      method: "GET",
      headers,
    })
  }

  /** A partial update (`POST /admin/ticket-macros/:id`). */
  update(id: string, body: AdminUpdateTicketMacro, headers?: ClientHeaders): Promise<AdminTicketMacroResponse> {
    return this.sdk.client.fetch<AdminTicketMacroResponse>(ticketMacroPath(id), {
      method: "POST",
      body,
      headers,
    })
  }

  /** `DELETE /admin/ticket-macros/:id`. */
  delete(id: string, headers?: ClientHeaders): Promise<AdminTicketMacroDeleteResponse> {
    return this.sdk.client.fetch<AdminTicketMacroDeleteResponse>(ticketMacroPath(id), {
      method: "DELETE",
      headers,
    })
  }

  /** The macro filled in for one ticket, with the placeholders left empty (`POST /admin/ticket-macros/:id/render`). */
  render(id: string, ticketId: string, headers?: ClientHeaders): Promise<AdminRenderTicketMacroResponse> {
    return this.sdk.client.fetch<AdminRenderTicketMacroResponse>(`${ticketMacroPath(id)}/render`, {
      method: "POST",
      body: { ticket_id: ticketId },
      headers,
    })
  }
}

export class CrmAdminTicketSettings {
  constructor(private readonly sdk: Medusa) {}

  /** SLA targets, business hours, auto-close and escalation e-mail (`GET /admin/ticket-settings`). */
  retrieve(headers?: ClientHeaders): Promise<AdminTicketSettingsResponse> {
    return this.sdk.client.fetch<AdminTicketSettingsResponse>("/admin/ticket-settings", {
      method: "GET",
      headers,
    })
  }

  /**
   * Changes the given fields (`POST /admin/ticket-settings`): `sla` takes any
   * of the priorities, each with both targets; `business_hours` is replaced
   * whole (null: around the clock).
   */
  update(body: UpdateTicketSettings, headers?: ClientHeaders): Promise<AdminTicketSettingsResponse> {
    return this.sdk.client.fetch<AdminTicketSettingsResponse>("/admin/ticket-settings", {
      method: "POST",
      body,
      headers,
    })
  }
}

export class CrmAdminClient {
  readonly loyalty: CrmAdminLoyalty
  readonly reviews: CrmAdminReviews
  readonly tickets: CrmAdminTickets
  readonly ticketMacros: CrmAdminTicketMacros
  readonly ticketSettings: CrmAdminTicketSettings
  readonly surveys: CrmAdminSurveys

  constructor(sdk: Medusa) {
    this.loyalty = new CrmAdminLoyalty(sdk)
    this.reviews = new CrmAdminReviews(sdk)
    this.tickets = new CrmAdminTickets(sdk)
    this.ticketMacros = new CrmAdminTicketMacros(sdk)
    this.ticketSettings = new CrmAdminTicketSettings(sdk)
    this.surveys = new CrmAdminSurveys(sdk)
  }
}

export type CrmClient = {
  store: CrmStoreClient
  admin: CrmAdminClient
}

export function createCrmClient(sdk: Medusa): CrmClient {
  return { store: new CrmStoreClient(sdk), admin: new CrmAdminClient(sdk) }
}

export * from "./surveys"
