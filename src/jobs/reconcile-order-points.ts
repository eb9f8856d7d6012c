import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../modules/loyalty/service"
import { CrmModules } from "../types/modules"
import { reconcileOrderPointsWorkflow } from "../workflows/loyalty/workflows/reconcile-order-points"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

export const RECONCILE_CURSOR = "lpcur_order_points"
const PAGE = 200
/** Re-read a margin before the cursor: a transaction may commit late. */
const OVERLAP_MS = 10 * 60 * 1000
/** Leave the newest minute to the events, which are usually still on their way. */
const SETTLE_MS = 60 * 1000

/**
 * Writes the earn and reversal entries that lost or failed events left
 * missing, for orders changed and returns received since the last run.
 * Everything it does is idempotent, so re-runs and overlaps are harmless.
 */
export default async function reconcileOrderPointsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const loyalty = container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
    const cursor = await loyalty.readCursor(RECONCILE_CURSOR)
    const since = new Date((cursor?.getTime() ?? 0) - (cursor ? OVERLAP_MS : 0))
    const until = new Date(Date.now() - SETTLE_MS)
    for (let offset = 0; ; offset += PAGE) {
      const { result } = await reconcileOrderPointsWorkflow(container).run({
        input: { since, until, limit: PAGE, offset },
      })
      if (!result.more) {
        break
      }
    }
    await loyalty.moveCursor(RECONCILE_CURSOR, until)
  })
}

export const config = jobConfig("crm-loyalty-reconcile-order-points", "*/30 * * * *")
