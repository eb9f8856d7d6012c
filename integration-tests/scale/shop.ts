/**
 * A storefront and an admin talking to the cluster's server over HTTP, as
 * real clients do: customers sign up and check out with shipping, staff
 * fulfil and mark orders delivered.
 */
import axios, { AxiosInstance } from "axios"
import { registerCustomer } from "../helpers/auth"
import { useReadableHttpErrors } from "../helpers/http"
import { completeCartThroughStore, createCartThroughStore } from "../helpers/store"

export type ScaleFixtures = {
  publishableKey: string
  regionId: string
  salesChannelId: string
  productId: string
  variantId: string
  price: number
  locationId: string
  shippingOptionId: string
  adminKey: string
  surveyId: string
}

export type Customer = { customerId: string; headers: Record<string, string> }

export function httpClient(baseUrl: string): AxiosInstance {
  const api = axios.create({ baseURL: baseUrl, timeout: 60_000 })
  useReadableHttpErrors(api)
  return api
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

/** A checkout with a shipping address and the shop's shipping option; resolves with the order id. */
export async function checkout(api: AxiosInstance, fixtures: ScaleFixtures, customer: Customer): Promise<string> {
  const headers = { headers: customer.headers }
  const cartId = await createCartThroughStore(api, fixtures, customer.headers, 1)
  await api.post(
    `/store/carts/${cartId}`,
    {
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
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fixtures.shippingOptionId }, headers)
  const order = await completeCartThroughStore(api, customer.headers, cartId)
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
