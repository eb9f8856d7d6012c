/**
 * Only the fields of `values` that are not the `same` as what the server has
 * (`current`): what a settings form sends on save.
 */
export const changedFields = <Values extends object>(
  values: Values,
  current: { [Key in keyof Values]: unknown },
  same: (key: keyof Values, value: unknown, current: unknown) => boolean
): Partial<Values> => {
  const changes: Partial<Values> = {}
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (!same(key, values[key], current[key])) {
      changes[key] = values[key]
    }
  }
  return changes
}
