import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { OrderFactsInput } from "../../types/order-facts"
import OrderFact from "./models/order-fact"
import OrderLineFact from "./models/order-line-fact"
import { knexOf } from "../../utils/module-sql"
import { RecordedFacts, writeOrderFacts } from "./write-facts"

export interface IOrderFactsModuleService {
  recordOrderFacts(facts: OrderFactsInput, sharedContext?: Context): Promise<RecordedFacts>
}

/**
 * The order facts: a compact copy of what tiers and segments ask of orders,
 * written from order events and the back-fill, read with set-based SQL.
 */
class OrderFactsModuleService
  extends MedusaService({ OrderFact, OrderLineFact })
  implements IOrderFactsModuleService
{
  /** Writes the given orders' facts, replacing what was recorded for them before (see write-facts.ts). */
  @InjectTransactionManager()
  async recordOrderFacts(
    facts: OrderFactsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedFacts> {
    return await writeOrderFacts(knexOf(sharedContext), facts)
  }
}

export default OrderFactsModuleService
