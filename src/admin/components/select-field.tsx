import { Select } from "@medusajs/ui"
import { FormField } from "./form-field"

/** A labelled select over a fixed set of options, each shown through `optionLabel`. */
export const SelectField = <T extends string>({
  id,
  label,
  hint,
  value,
  options,
  optionLabel,
  disabled,
  onChange,
}: {
  id: string
  label: string
  hint?: string
  value: T
  options: readonly T[]
  optionLabel: (option: T) => string
  disabled?: boolean
  onChange: (value: T) => void
}) => (
  <FormField id={id} label={label} hint={hint}>
    <Select value={value} onValueChange={(next) => onChange(next as T)} disabled={disabled}>
      <Select.Trigger id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option} value={option}>
            {optionLabel(option)}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </FormField>
)
