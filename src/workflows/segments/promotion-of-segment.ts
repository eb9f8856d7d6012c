import type { CreatePromotionDTO } from "@medusajs/framework/types"
import type { SegmentDTO } from "../../types/segments"

/** What the admin asks for when creating a promotion from a segment. */
export type SegmentPromotionInput = {
  code: string
  is_automatic?: boolean
  status?: "draft" | "active"
  application_method: {
    type: "percentage" | "fixed"
    value: number
    target_type?: "order" | "items"
    allocation?: "each" | "across"
    currency_code?: string
    max_quantity?: number
  }
  /** How many times one customer may use it (a campaign budget per customer). */
  limit_per_customer?: number
  starts_at?: Date | string
  ends_at?: Date | string
}

/**
 * The core promotion for a segment: a standard promotion whose one rule is
 * "the customer is in the segment's group", so only members' carts get it and
 * a customer who leaves the segment (and so the group) loses it. A
 * per-customer limit or a time window becomes its campaign.
 */
export function promotionOfSegment(segment: SegmentDTO & { customer_group_id: string }, input: SegmentPromotionInput): CreatePromotionDTO {
  const method = input.application_method
  const targetType = method.target_type ?? "order"
  const promotion: CreatePromotionDTO = {
    code: input.code,
    type: "standard",
    status: input.status ?? "active",
    is_automatic: input.is_automatic ?? false,
    application_method: {
      type: method.type,
      value: method.value,
      target_type: targetType,
      // Order-level discounts are spread across the items; item-level ones default to each item.
      allocation: targetType === "order" ? "across" : method.allocation ?? "across",
      ...(method.currency_code ? { currency_code: method.currency_code.toLowerCase() } : {}),
      ...(method.max_quantity ? { max_quantity: method.max_quantity } : {}),
    },
    rules: [{ attribute: "customer.groups.id", operator: "in", values: [segment.customer_group_id] }],
  }
  if (input.limit_per_customer || input.starts_at || input.ends_at) {
    promotion.campaign = {
      name: `${segment.name}: ${input.code}`,
      // Unique per promotion: the segment and the code as given (codes differing in case are different codes).
      campaign_identifier: `crm-segment:${segment.id}:${input.code}`,
      description: `Created from the segment "${segment.name}"`,
      starts_at: input.starts_at ? new Date(input.starts_at) : undefined,
      ends_at: input.ends_at ? new Date(input.ends_at) : undefined,
      ...(input.limit_per_customer
        ? { budget: { type: "use_by_attribute", attribute: "customer_id", limit: input.limit_per_customer } }
        : {}),
    } as CreatePromotionDTO["campaign"]
  }
  return promotion
}
