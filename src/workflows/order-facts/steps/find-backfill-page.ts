import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { ORDER_FACT_FIELDS, OrderForFacts } from "../../../modules/order-facts/facts-of-orders"
import { CrmModules } from "../../../types/modules"

export const findBackfillPageStepId = "crm-find-backfill-page"

/** Where the order-facts back-fill stands (creation time of the last order recorded). */
export const BACKFILL_CURSOR = "ofcur_backfill"

/**
 * The next page of orders by creation time from the cursor (inclusive: an
 * order recorded twice is the same row), and where the cursor goes once
 * they are recorded. A page that only holds orders created in the cursor's
 * millisecond moves it on by a millisecond, so the walk always ends.
 */
export const findBackfillPageStep = createStep(findBackfillPageStepId, async (input: { limit: number }, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cursor = (await loyalty.readCursor(BACKFILL_CURSOR)) ?? new Date(0)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FACT_FIELDS,
    filters: { created_at: { $gte: cursor } },
    pagination: { order: { created_at: "ASC", id: "ASC" }, take: input.limit, skip: 0 },
  })
  const orders = data as unknown as OrderForFacts[]
  const done = orders.length < input.limit
  let position = orders.length ? new Date(orders[orders.length - 1].created_at) : cursor
  if (!done && position.getTime() === cursor.getTime()) {
    position = new Date(cursor.getTime() + 1)
  }
  return new StepResponse({ orders, done, position })
})

export const moveBackfillCursorStepId = "crm-move-backfill-cursor"

/** Last in the page's workflow: a page that failed is read again next time. */
export const moveBackfillCursorStep = createStep(moveBackfillCursorStepId, async (position: Date, { container }) => {
  const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  await loyalty.moveCursor(BACKFILL_CURSOR, new Date(position))
  return new StepResponse(position)
})
