import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import { CrmModules } from "../../types/modules"
import { reevaluateAllTiers } from "../tiers/evaluate-and-follow-up"
import { backfillOrderFactsWorkflow } from "./workflows/backfill-order-facts"

/** Set once the back-fill has walked every order. */
export const BACKFILL_DONE_CURSOR = "ofcur_backfill_done"
const ORDERS_PER_PAGE = 250

/**
 * Records the facts of the store's existing orders, page by page from the
 * stored cursor, for at most `max_pages` pages (all when absent). When the
 * last page is done, it marks the back-fill finished and re-evaluates every
 * member, so tiers are right from the first day.
 */
export async function backfillOrderFacts(
  container: MedusaContainer,
  options: { max_pages?: number; onPage?: (recorded: number) => void } = {}
): Promise<{ orders: number; done: boolean }> {
  const loyalty = container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  if (await loyalty.readCursor(BACKFILL_DONE_CURSOR)) {
    return { orders: 0, done: true }
  }
  let orders = 0
  for (let page = 0; options.max_pages === undefined || page < options.max_pages; page++) {
    const { result } = await backfillOrderFactsWorkflow(container).run({ input: { limit: ORDERS_PER_PAGE } })
    orders += result.orders
    options.onPage?.(orders)
    if (result.done) {
      await reevaluateAllTiers(container)
      await loyalty.moveCursor(BACKFILL_DONE_CURSOR, new Date())
      return { orders, done: true }
    }
  }
  return { orders, done: false }
}
