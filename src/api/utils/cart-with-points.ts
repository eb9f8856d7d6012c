import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../modules/loyalty/service"
import type { LoyaltyRedemptionDTO } from "../../types/ledger"
import { CrmModules } from "../../types/modules"

const CART_FIELDS = [
  "id",
  "currency_code",
  "customer_id",
  "region_id",
  "total",
  "subtotal",
  "tax_total",
  "discount_total",
  "item_total",
  "item_subtotal",
  "shipping_total",
  "promotions.id",
  "promotions.code",
  "items.id",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "items.total",
]

/** The cart with its totals and, when points are applied, `loyalty_points`. */
export async function cartWithPoints(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const loyalty: LoyaltyModuleService = scope.resolve(CrmModules.LOYALTY)
  const [{ data: carts }, held] = await Promise.all([
    query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } }),
    loyalty.listLoyaltyRedemptions({ cart_id: cartId, status: "held" } as any, { take: 1 }),
  ])
  const redemption = (held as unknown as LoyaltyRedemptionDTO[])[0]
  return {
    ...carts[0],
    loyalty_points: redemption
      ? {
          points: redemption.points,
          amount: Number(redemption.amount),
          promotion_code: redemption.promotion_code,
          expires_at: new Date(redemption.expires_at).toISOString(),
        }
      : null,
  }
}
