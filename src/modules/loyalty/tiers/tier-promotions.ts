import type { CreatePromotionDTO } from "@medusajs/framework/types"
import type { LoyaltyTierDTO } from "../../../types/tiers"

export type TierPromotionKind = "discount" | "shipping"

/**
 * The automatic Medusa promotion that carries one of a tier's benefits to
 * its members' carts: the promotion module applies it to any cart whose
 * customer is in the tier's group, with nothing for the storefront to do.
 */
export function tierPromotionOf(tier: LoyaltyTierDTO, groupId: string, kind: TierPromotionKind) {
  const value = kind === "discount" ? Number(tier.discount_percent) : 100
  const active = kind === "discount" ? value > 0 : tier.free_shipping
  const create: CreatePromotionDTO = {
    code: `CRM-TIER-${kind.toUpperCase()}-${tier.id.slice(-10).toUpperCase()}`,
    type: "standard",
    status: "active",
    is_automatic: true,
    application_method: {
      type: "percentage",
      target_type: kind === "discount" ? "items" : "shipping_methods",
      // "across": the percentage of the items' (or shipping's) total; "each" would need a max quantity.
      allocation: "across",
      value,
    },
    rules: [{ attribute: "customer.groups.id", operator: "in", values: [groupId] }],
  }
  return { active, value, create }
}
