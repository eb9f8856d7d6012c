/**
 * A storefront and an admin talking to the cluster's server over HTTP, as
 * real clients do: customers sign up and check out with shipping, staff
 * fulfil and mark orders delivered.
 */
import axios, { AxiosInstance } from "axios"
import { registerCustomer } from "../helpers/auth"
import { useReadableHttpErrors } from "../helpers/http"
import type { ShippingFixtures } from "../helpers/shipping"
import { completeCartThroughStore, StoreFixtures } from "../helpers/store"

/** What `seed-store.ts` prints: the HTTP tests' shop and shipping, a secret admin API key, the delivery survey. */
export type ScaleFixtures = StoreFixtures & ShippingFixtures & { adminKey: string; surveyId: string }

export type Customer = { customerId: string; headers: Record<string, string> }

/** Milliseconds per request, by method and route (ids replaced by ":id"), for reporting where the time goes. */
export type RequestTimings = Map<string, number[]>

export function httpClient(baseUrl: string, timings?: RequestTimings): AxiosInstance {
  const api = axios.create({ baseURL: baseUrl, timeout: 60_000 })
  if (timings) {
    api.interceptors.request.use((config) => ({ ...config, headers: config.headers, startedAt: Date.now() }) as typeof config)
    api.interceptors.response.use((response) => {
      const route = `${response.config.method?.toUpperCase()} ${response.config.url?.replace(/\/[a-z_]+_[0-9A-Z]{26}/g, "/:id")}`
      timings.set(route, [...(timings.get(route) ?? []), Date.now() - (response.config as unknown as { startedAt: number }).startedAt])
      return response
    })
  }
  useReadableHttpErrors(api)
  return api
}

/** One line per route: count, median and 95th percentile. */
export function summariseTimings(timings: RequestTimings) {
  return [...timings]
    .map(([route, values]) => {
      const sorted = [...values].sort((a, b) => a - b)
      const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]
      return `${route}: ${values.length} requests, median ${at(0.5)} ms, p95 ${at(0.95)} ms`
    })
    .join("\n")
}

export const adminHeaders = (fixtures: ScaleFixtures) => ({
  authorization: `Basic ${Buffer.from(`${fixtures.adminKey}:`).toString("base64")}`,
})

/** Runs `task` over `items` with at most `concurrency` at a time; results in input order. */
export async function inPool<T, R>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

export async function signUpCustomers(api: AxiosInstance, fixtures: ScaleFixtures, count: number, prefix: string) {
  return inPool(
    Array.from({ length: count }, (_, index) => `${prefix}-${index}@scale.test`),
    5,
    (email) => registerCustomer(api, fixtures.publishableKey, email) as Promise<Customer>
  )
}

/**
 * A checkout as a storefront does it, in five requests: a cart with the item
 * and the shipping address, the shop's shipping option, a payment collection
 * and session with the system provider, complete. Resolves with the order id.
 */
export async function checkout(api: AxiosInstance, fixtures: ScaleFixtures, customer: Customer): Promise<string> {
  const headers = { headers: customer.headers }
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: fixtures.regionId,
      items: [{ variant_id: fixtures.variantId, quantity: 1 }],
      shipping_address: {
        first_name: "Sam",
        last_name: "Scale",
        address_1: "Hauptstraße 5",
        city: "Berlin",
        postal_code: "10115",
        country_code: "de",
      },
    },
    headers
  )
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: fixtures.shippingOptionId }, headers)
  const order = await completeCartThroughStore(api, customer.headers, cart.id)
  return order.id
}

/** Fulfils the whole order from the warehouse and marks it delivered through the admin API. */
export async function fulfilAndDeliver(api: AxiosInstance, fixtures: ScaleFixtures, orderId: string) {
  const headers = { headers: adminHeaders(fixtures) }
  const {
    data: { order },
  } = await api.get(`/admin/orders/${orderId}`, { ...headers, params: { fields: "id,*items" } })
  const {
    data: { order: fulfilled },
  } = await api.post(
    `/admin/orders/${orderId}/fulfillments`,
    {
      items: order.items.map((item: { id: string; quantity: number }) => ({ id: item.id, quantity: item.quantity })),
      location_id: fixtures.locationId,
    },
    { ...headers, params: { fields: "id,*fulfillments" } }
  )
  const fulfillment = fulfilled.fulfillments[fulfilled.fulfillments.length - 1]
  await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillment.id}/mark-as-delivered`, {}, headers)
  return fulfillment.id as string
}
