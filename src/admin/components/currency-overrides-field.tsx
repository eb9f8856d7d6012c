import { PlusMini, Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Label, Select, Text } from "@medusajs/ui"
import type { StoreCurrencyOption } from "../hooks/store-currencies"
import type { CrmTranslation } from "../lib/i18n"

/** One editable currency/value line; `key` is only for React. */
export type OverrideRow = {
  key: string
  currency: string
  value: string
}

let rowSeq = 0
export const newOverrideRow = (currency = "", value = ""): OverrideRow => ({
  key: `row-${++rowSeq}`,
  currency,
  value,
})

export const rowsFromRates = (rates: Record<string, number> | null | undefined) =>
  Object.entries(rates ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, value]) => newOverrideRow(currency.toLowerCase(), String(value)))

type CurrencyOverridesFieldProps = {
  id: string
  label: string
  hint: string
  rows: OverrideRow[]
  onChange: (rows: OverrideRow[]) => void
  /** The store's currencies; empty while unknown (then codes are typed). */
  currencies: StoreCurrencyOption[]
  /** Messages per row key and column ("<key>.currency", "<key>.value"). */
  errors: Record<string, string | undefined>
  disabled?: boolean
  i18n: CrmTranslation
}

/**
 * Per-currency overrides of a rate, as a list of currency/value rows. The
 * currency is chosen from the store's currencies (plus any already saved);
 * if those cannot be loaded, the 3-letter code is typed instead.
 */
export const CurrencyOverridesField = ({
  id,
  label,
  hint,
  rows,
  onChange,
  currencies,
  errors,
  disabled,
  i18n,
}: CurrencyOverridesFieldProps) => {
  const { t } = i18n
  const knownCodes = new Set(currencies.map((c) => c.code))
  const options: StoreCurrencyOption[] = [
    ...currencies,
    ...rows
      .map((row) => row.currency)
      .filter((code) => code && !knownCodes.has(code))
      .filter((code, index, all) => all.indexOf(code) === index)
      .map((code) => ({ code, name: null, is_default: false })),
  ]
  const canChoose = currencies.length > 0
  const update = (key: string, patch: Partial<OverrideRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))
  const unused = options.filter((o) => !rows.some((row) => row.currency === o.code))

  return (
    <div className="flex flex-col gap-y-2" role="group" aria-labelledby={`${id}-label`}>
      <div className="flex flex-col gap-y-0.5">
        <Label id={`${id}-label`} size="small" weight="plus">
          {label}
        </Label>
        <Hint>{hint}</Hint>
      </div>
      {rows.length === 0 ? (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          {t("settings.overrides.empty")}
        </Text>
      ) : (
        <div className="flex flex-col gap-y-2">
          <div className="text-ui-fg-subtle txt-compact-xsmall-plus grid max-w-md grid-cols-[8rem_1fr_2rem] gap-x-2">
            <span>{t("settings.overrides.currency")}</span>
            <span>{t("settings.overrides.value")}</span>
            <span />
          </div>
          {rows.map((row) => {
            const currencyError = errors[`${row.key}.currency`]
            const valueError = errors[`${row.key}.value`]
            const rowLabel = row.currency ? row.currency.toUpperCase() : "-"
            return (
              <div key={row.key} className="flex flex-col gap-y-1">
                <div className="grid max-w-md grid-cols-[8rem_1fr_2rem] items-center gap-x-2">
                  {canChoose ? (
                    <Select
                      size="small"
                      value={row.currency}
                      onValueChange={(currency) => update(row.key, { currency })}
                      disabled={disabled}
                    >
                      <Select.Trigger
                        aria-label={t("settings.overrides.currency")}
                        aria-invalid={!!currencyError || undefined}
                      >
                        <Select.Value placeholder={t("settings.overrides.choose")} />
                      </Select.Trigger>
                      <Select.Content>
                        {options.map((option) => (
                          <Select.Item
                            key={option.code}
                            value={option.code}
                            disabled={
                              option.code !== row.currency &&
                              rows.some((other) => other.currency === option.code)
                            }
                          >
                            {option.code.toUpperCase()}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  ) : (
                    <Input
                      size="small"
                      value={row.currency.toUpperCase()}
                      maxLength={3}
                      placeholder="EUR"
                      aria-label={t("settings.overrides.currency")}
                      aria-invalid={!!currencyError || undefined}
                      disabled={disabled}
                      onChange={(event) =>
                        update(row.key, { currency: event.target.value.trim().toLowerCase() })
                      }
                    />
                  )}
                  <Input
                    size="small"
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={row.value}
                    aria-label={`${t("settings.overrides.value")} ${rowLabel}`}
                    aria-invalid={!!valueError || undefined}
                    disabled={disabled}
                    onChange={(event) => update(row.key, { value: event.target.value })}
                  />
                  <IconButton
                    type="button"
                    size="small"
                    variant="transparent"
                    aria-label={t("settings.overrides.remove", { currency: rowLabel })}
                    disabled={disabled}
                    onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                  >
                    <Trash className="text-ui-fg-muted" />
                  </IconButton>
                </div>
                {currencyError || valueError ? (
                  <Hint variant="error">{currencyError ?? valueError}</Hint>
                ) : null}
              </div>
            )
          })}
        </div>
      )}
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={disabled || (canChoose && unused.length === 0)}
          onClick={() => onChange([...rows, newOverrideRow(canChoose && unused.length === 1 ? unused[0].code : "")])}
        >
          <PlusMini />
          {t("settings.overrides.add")}
        </Button>
      </div>
    </div>
  )
}
