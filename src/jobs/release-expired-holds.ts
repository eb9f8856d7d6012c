import type { MedusaContainer } from "@medusajs/framework/types"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { CrmModules } from "../types/modules"
import { releaseCartPointsWorkflow } from "../workflows/loyalty/workflows/release-cart-points"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

/**
 * Releases the points of carts left open past the hold time: the discount
 * leaves the cart and the points are spendable again.
 */
export default async function releaseExpiredHoldsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const expired = await loyalty.listLoyaltyRedemptions(
      { status: "held", expires_at: { $lt: new Date() } } as any,
      { take: 500, order: { expires_at: "ASC" } }
    )
    for (const redemption of expired as unknown as { cart_id: string }[]) {
      await releaseCartPointsWorkflow(container).run({
        input: { cart_id: redemption.cart_id, reason: "hold_expired" },
      })
    }
  })
}

export const config = jobConfig("crm-loyalty-release-expired-holds", "*/10 * * * *")
