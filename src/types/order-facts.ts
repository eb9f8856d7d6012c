/**
 * An order's facts as the order-facts module stores them. Amounts are
 * decimal strings in the store's default currency, except `total` (the
 * order's own currency).
 */
export type OrderFactInput = {
  order_id: string
  customer_id: string | null
  sales_channel_id: string | null
  region_id: string | null
  status: string
  currency_code: string
  /** Where it shipped to (else its billing address), lower case. */
  country_code: string | null
  total: string
  spend: string
  returned_spend: string
  item_count: number
  placed_at: Date
  canceled_at: Date | null
  returned_at: Date | null
}

export type OrderLineFactInput = {
  line_id: string
  order_id: string
  customer_id: string | null
  product_id: string | null
  variant_id: string | null
  collection_id: string | null
  category_ids: string[]
  quantity: number
  returned_quantity: number
  spend: string
  placed_at: Date
  canceled_at: Date | null
}

export type OrderFactsInput = { orders: OrderFactInput[]; lines: OrderLineFactInput[] }
