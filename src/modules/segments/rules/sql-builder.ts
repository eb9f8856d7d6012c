import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * SQL text with `?` placeholders and its bindings, appended in step so each
 * `?` meets its value. Values only ever travel as bindings; the text comes
 * from this module's own constants.
 */
export class SqlBuilder {
  readonly bindings: Knex.Value[] = []

  /** A placeholder for `value`, with a cast so Postgres knows its type. */
  bind(value: Knex.Value, cast: string): string {
    this.bindings.push(value)
    return `?::${cast}`
  }
}

export type CompiledQuery = { sql: string; bindings: Knex.Value[] }
