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
 *
 * Only types are imported from the SDK: the client adds no runtime
 * dependency.
 */
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type { LoyaltyCampaignDTO } from "../types/ledger"
import type {
  AdminLoyaltyTransaction,
  StoreLoyaltyAccountResponse,
} from "../types/loyalty"
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

export class CrmStoreClient {
  readonly loyalty: CrmStoreLoyalty

  constructor(sdk: Medusa) {
    this.loyalty = new CrmStoreLoyalty(sdk)
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

export class CrmAdminClient {
  readonly loyalty: CrmAdminLoyalty

  constructor(sdk: Medusa) {
    this.loyalty = new CrmAdminLoyalty(sdk)
  }
}

export type CrmClient = {
  store: CrmStoreClient
  admin: CrmAdminClient
}

export function createCrmClient(sdk: Medusa): CrmClient {
  return { store: new CrmStoreClient(sdk), admin: new CrmAdminClient(sdk) }
}
