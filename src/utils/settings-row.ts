import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The one settings row a CRM module keeps (`id` in `table`), its defaults
 * those of the table's columns, and which columns hold JSON.
 */
export type SettingsRow = { table: string; id: string; json_columns: readonly string[] }

/** Creates the row with the table's defaults; concurrent first reads insert it once. */
export async function ensureSettingsRow(knex: Knex, row: SettingsRow): Promise<void> {
  await knex.raw(`INSERT INTO ${row.table} (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, [row.id])
}

/**
 * Writes the given settings with a plain UPDATE, not the ORM's: the ORM
 * merges JSON columns, so an entry removed from a JSON setting (a currency
 * rate, a blocked word, a weekday) would never go away.
 */
export async function writeSettingsRow(knex: Knex, row: SettingsRow, data: Record<string, unknown>): Promise<void> {
  await ensureSettingsRow(knex, row)
  const values: Record<string, unknown> = { ...data, updated_at: new Date() }
  for (const column of row.json_columns) {
    if (data[column] !== undefined) {
      values[column] = data[column] === null ? null : JSON.stringify(data[column])
    }
  }
  await knex(row.table).where({ id: row.id }).update(values)
}

/** The current values of the settings a change is about to overwrite: what an undo writes back. */
export function valuesBefore<T extends object>(current: T, change: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.keys(change).map((key) => [key, current[key as keyof T]])) as Partial<T>
}
