/**
 * Typed storefront client for the plugin's `/store` routes, built on the
 * storefront's own `@medusajs/js-sdk` instance (so the publishable key,
 * the customer's session or JWT and the base URL come from there).
 *
 *   import Medusa from "@medusajs/js-sdk"
 *   import { createCrmClient } from "medusa-plugin-crm/client"
 *
 *   const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt" } })
 *   const crm = createCrmClient(sdk)
 *   const { loyalty_account } = await crm.store.loyalty.retrieveAccount()
 *
 * Only types are imported from the SDK: the client adds no runtime
 * dependency to the storefront.
 */
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type { StoreLoyaltyAccountResponse } from "../types/loyalty"

export type {
  ExpiringPoints,
  LoyaltyTierSummary,
  StoreLoyaltyAccount,
  StoreLoyaltyAccountResponse,
} from "../types/loyalty"

export class CrmStoreLoyalty {
  constructor(private readonly sdk: Medusa) {}

  /** The logged-in customer's loyalty account (`GET /store/loyalty/account`). */
  retrieveAccount(headers?: ClientHeaders): Promise<StoreLoyaltyAccountResponse> {
    return this.sdk.client.fetch<StoreLoyaltyAccountResponse>("/store/loyalty/account", {
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

export type CrmClient = {
  store: CrmStoreClient
}

export function createCrmClient(sdk: Medusa): CrmClient {
  return { store: new CrmStoreClient(sdk) }
}
