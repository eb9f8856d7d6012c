import { MathBN } from "@medusajs/framework/utils"
import type { OrderFactsInput, OrderLineFactInput } from "../../types/order-facts"

/** An order as the facts workflow reads it with `query.graph` (see ORDER_FACT_FIELDS). */
export type OrderForFacts = {
  id: string
  customer_id: string | null
  sales_channel_id: string | null
  region_id: string | null
  status: string
  currency_code: string
  created_at: Date | string
  canceled_at: Date | string | null
  total: unknown
  shipping_address?: { country_code?: string | null } | null
  billing_address?: { country_code?: string | null } | null
  items: {
    id: string
    product_id: string | null
    variant_id: string | null
    quantity: unknown
    /** Medusa's line totals cover the quantity not returned (received or dismissed). */
    total: unknown
    tax_total: unknown
    return_received_total?: unknown
    return_dismissed_total?: unknown
    tax_lines?: { rate: unknown }[] | null
    detail?: { return_received_quantity?: unknown; return_dismissed_quantity?: unknown } | null
    product?: { collection_id?: string | null; categories?: { id: string }[] | null } | null
  }[]
  returns?: { received_at: Date | string | null }[] | null
}

export const ORDER_FACT_FIELDS = [
  "id",
  "customer_id",
  "sales_channel_id",
  "region_id",
  "status",
  "currency_code",
  "created_at",
  "canceled_at",
  "total",
  "shipping_address.country_code",
  "billing_address.country_code",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.quantity",
  "items.total",
  "items.tax_total",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
  "items.return_received_total",
  "items.return_dismissed_total",
  "items.tax_lines.rate",
  "items.product.collection_id",
  "items.product.categories.id",
  "returns.received_at",
]

/** How to convert: the store's default currency and units of it per unit of another currency. */
export type Conversion = { default_currency: string | null; rates: Record<string, number> }

/** Units of the default currency per unit of `currency`; a currency without a rate counts at par. */
export function rateOf(currency: string, conversion: Conversion): number {
  const code = currency.toLowerCase()
  return code === conversion.default_currency?.toLowerCase() ? 1 : conversion.rates[code] ?? 1
}

const plain = (value: unknown) => MathBN.convert((value as any) ?? 0)
const asDate = (value: Date | string | null | undefined) => (value ? new Date(value) : null)

/**
 * The facts of the given orders. A line's spend is its total after discounts
 * without tax, for the whole quantity ordered; the order's spend is the sum
 * of its lines (shipping left out), and its returned spend the part of it
 * returned (received or dismissed). Draft orders have no facts.
 */
export function factsOfOrders(orders: OrderForFacts[], conversion: Conversion): OrderFactsInput {
  const facts: OrderFactsInput = { orders: [], lines: [] }
  for (const order of orders) {
    if (order.status === "draft") {
      continue
    }
    const rate = rateOf(order.currency_code, conversion)
    const placedAt = new Date(order.created_at)
    const canceledAt = asDate(order.canceled_at) ?? (order.status === "canceled" ? placedAt : null)
    let spend = MathBN.convert(0)
    let returned = MathBN.convert(0)
    let itemCount = 0
    for (const item of (order.items ?? []).filter(Boolean)) {
      const { quantity, returnedQuantity, spend: gross, returned: back } = lineSpend(item, rate)
      spend = MathBN.add(spend, gross)
      returned = MathBN.add(returned, back)
      itemCount += quantity
      facts.lines.push(lineFact(order, item, { quantity, returnedQuantity, spend: gross, placedAt, canceledAt }))
    }
    const receivedAt = (order.returns ?? [])
      .map((r) => asDate(r?.received_at))
      .filter((d): d is Date => !!d)
      .sort((a, b) => b.getTime() - a.getTime())[0]
    facts.orders.push({
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      region_id: order.region_id ?? null,
      status: order.status,
      currency_code: order.currency_code.toLowerCase(),
      country_code: (order.shipping_address?.country_code ?? order.billing_address?.country_code)?.toLowerCase() || null,
      total: String(plain(order.total)),
      spend: decimal(spend),
      returned_spend: decimal(returned),
      item_count: itemCount,
      placed_at: placedAt,
      canceled_at: canceledAt,
      returned_at: receivedAt ?? null,
    })
  }
  return facts
}

type Decimal = ReturnType<typeof MathBN.convert>

/**
 * A line's spend for its whole quantity and the part returned, in the
 * default currency, without tax. Medusa totals a line over the quantity
 * still kept, so the per-unit amount comes from that; a line returned in
 * full has no such total and is valued from its returned totals (which
 * include tax) less its tax rates.
 */
export function lineSpend(item: OrderForFacts["items"][number], rate: number) {
  const quantity = Number(plain(item.quantity))
  const returnedQuantity = Math.min(
    Number(plain(item.detail?.return_received_quantity)) + Number(plain(item.detail?.return_dismissed_quantity)),
    quantity
  )
  const kept = quantity - returnedQuantity
  let perUnit: Decimal
  if (kept > 0) {
    perUnit = MathBN.div(MathBN.sub(plain(item.total), plain(item.tax_total)), kept)
  } else if (quantity > 0) {
    const taxRate = (item.tax_lines ?? []).reduce((sum, line) => sum + Number(plain(line?.rate)), 0)
    const returnedGross = MathBN.add(plain(item.return_received_total), plain(item.return_dismissed_total))
    perUnit = MathBN.div(MathBN.div(returnedGross, 1 + taxRate / 100), quantity)
  } else {
    perUnit = MathBN.convert(0)
  }
  const unit = MathBN.mult(perUnit, rate)
  return {
    quantity,
    returnedQuantity,
    spend: MathBN.mult(unit, quantity),
    returned: MathBN.mult(unit, returnedQuantity),
  }
}

function lineFact(
  order: OrderForFacts,
  item: OrderForFacts["items"][number],
  line: { quantity: number; returnedQuantity: number; spend: Decimal; placedAt: Date; canceledAt: Date | null }
): OrderLineFactInput {
  return {
    line_id: item.id,
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    product_id: item.product_id ?? null,
    variant_id: item.variant_id ?? null,
    collection_id: item.product?.collection_id ?? null,
    category_ids: (item.product?.categories ?? []).filter(Boolean).map((c) => c.id),
    quantity: line.quantity,
    returned_quantity: line.returnedQuantity,
    spend: decimal(line.spend),
    placed_at: line.placedAt,
    canceled_at: line.canceledAt,
  }
}

/** Four decimals: enough for any currency's minor unit after conversion. */
const decimal = (value: Decimal) => value.decimalPlaces(4).toFixed()
