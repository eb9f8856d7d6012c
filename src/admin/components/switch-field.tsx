import { Hint, Label, Switch } from "@medusajs/ui"

/** A switch with its label and hint beside it. */
export const SwitchField = ({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  id: string
  label: string
  hint: string
  checked: boolean
  disabled?: boolean
  onChange: (checked: boolean) => void
}) => (
  <div className="flex items-start gap-x-3">
    <Switch
      id={id}
      checked={checked}
      disabled={disabled}
      onCheckedChange={onChange}
      aria-describedby={`${id}-hint`}
      className="mt-0.5"
    />
    <div className="flex flex-col gap-y-0.5">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
    </div>
  </div>
)
