import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** What a module's `sharedContext` carries as its manager. */
export type TransactionalManager = {
  getKnex(): Knex
  getTransactionContext(): Knex.Transaction | undefined
}

/** The knex of a module method's context: its transaction when in one, else the pool. */
export function knexOf(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as TransactionalManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

/** SQL for the `raw_<column>` jsonb Medusa keeps beside each big-number column, from a numeric expression. */
export const bigNumberRawSql = (numericExpression: string) =>
  `jsonb_build_object('value', (${numericExpression})::text, 'precision', 20)`
