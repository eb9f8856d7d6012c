import { Select } from "@medusajs/ui"
import { useEffect } from "react"
import { useLoyaltyTiers } from "../hooks/tiers"
import type { CrmTranslation } from "../lib/i18n"

/** Radix's Select has no empty value: this one stands for "every tier". */
const ALL = "__all__"

/**
 * A select of the tiers (lowest rank first) to keep one tier's members, or
 * all of them. Hidden while there are no tiers; `onChange` should be stable
 * (a state setter or a `useCallback`).
 */
export const TierFilterSelect = ({
  value,
  onChange,
  t,
}: {
  /** The tier's id, or null for every member. */
  value: string | null
  onChange: (tierId: string | null) => void
  t: CrmTranslation["t"]
}) => {
  const { tiers } = useLoyaltyTiers()
  const stale = !!value && !!tiers && !tiers.some((tier) => tier.id === value)

  // The chosen tier was deleted: back to every member.
  useEffect(() => {
    if (stale) {
      onChange(null)
    }
  }, [stale, onChange])

  if (!tiers?.length && !value) {
    return null
  }

  return (
    <Select
      size="small"
      value={value ?? ALL}
      onValueChange={(next) => onChange(next === ALL ? null : next)}
    >
      <Select.Trigger aria-label={t("members.tierFilter.label")} className="w-full md:w-44">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>{t("members.tierFilter.all")}</Select.Item>
        {[...(tiers ?? [])]
          .sort((a, b) => a.rank - b.rank)
          .map((tier) => (
            <Select.Item key={tier.id} value={tier.id}>
              {tier.name}
            </Select.Item>
          ))}
      </Select.Content>
    </Select>
  )
}
