import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { subscribersOf } from "./events"

export type StoreFixtures = {
  publishableKey: string
  regionId: string
  salesChannelId: string
  /** A published product with one variant priced `price` EUR, no inventory management, no tax. */
  productId: string
  variantId: string
  price: number
}

/**
 * A minimal shop built with Medusa's own workflows: a EUR region paid with
 * the system provider, a sales channel with its publishable key, and a
 * published product.
 */
export async function createStoreFixtures(container: MedusaContainer, price = 25): Promise<StoreFixtures> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Europe",
          currency_code: "eur",
          countries: ["de", "fr"],
          payment_providers: ["pp_system_default"],
          automatic_taxes: false,
        },
      ],
    },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Linen shirt",
          status: "published",
          options: [{ title: "Size", values: ["M"] }],
          sales_channels: [{ id: salesChannel.id }],
          variants: [
            {
              title: "M",
              options: { Size: "M" },
              manage_inventory: false,
              prices: [{ currency_code: "eur", amount: price }],
            },
          ],
        },
      ],
    },
  })
  return {
    publishableKey: apiKey.token,
    regionId: region.id,
    salesChannelId: salesChannel.id,
    productId: product.id,
    variantId: product.variants[0].id,
    price,
  }
}

/** A cart of the customer's with `quantity` of the fixture's variant. */
export async function createCartThroughStore(
  api: AxiosInstance,
  fixtures: StoreFixtures,
  customerHeaders: Record<string, string>,
  quantity = 1
): Promise<string> {
  const headers = { headers: customerHeaders }
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: fixtures.regionId }, headers)
  await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: fixtures.variantId, quantity }, headers)
  return cart.id
}

/** Pays with the system provider and completes the cart into an order. */
export async function completeCartThroughStore(
  api: AxiosInstance,
  customerHeaders: Record<string, string>,
  cartId: string
): Promise<{ id: string; cartId: string; total: number }> {
  const headers = { headers: customerHeaders }
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (data.type !== "order") {
    throw new Error(`Cart ${cartId} did not complete: ${JSON.stringify(data)}`)
  }
  return { id: data.order.id, cartId, total: data.order.total }
}

/**
 * Places an order through the store API exactly as a storefront does:
 * cart, line item, payment collection and session, complete.
 */
export async function placeOrderThroughStore(
  api: AxiosInstance,
  fixtures: StoreFixtures,
  customerHeaders: Record<string, string>,
  quantity = 1
): Promise<{ id: string; cartId: string; total: number }> {
  const cartId = await createCartThroughStore(api, fixtures, customerHeaders, quantity)
  return completeCartThroughStore(api, customerHeaders, cartId)
}

/** A storefront checkout that returns once the `order.placed` subscribers (facts, tiers, points) have run. */
export async function placeOrderAndWait(
  api: AxiosInstance,
  container: MedusaContainer,
  fixtures: StoreFixtures,
  customerHeaders: Record<string, string>,
  quantity = 1
) {
  const handled = subscribersOf(container, "order.placed")
  const order = await placeOrderThroughStore(api, fixtures, customerHeaders, quantity)
  await handled
  return order
}
