import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OrderFactsInput } from "../../types/order-facts"
import OrderFact from "./models/order-fact"
import OrderLineFact from "./models/order-line-fact"
import { RecordedFacts, writeOrderFacts } from "./write-facts"

type TransactionalManager = {
  getKnex(): Knex
  getTransactionContext(): Knex.Transaction | undefined
}

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
    return await writeOrderFacts(this.knex_(sharedContext), facts)
  }

  private knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as TransactionalManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }
}

export default OrderFactsModuleService
