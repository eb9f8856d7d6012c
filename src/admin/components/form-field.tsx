import { Hint, Label, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A label, an optional hint, the control and its error. The label is
 * `${id}-label` and the hint `${id}-hint`, for the control's
 * `aria-labelledby` and `aria-describedby`. `labelOnly` for controls that are
 * not one input (the date pickers): the label then names the control through
 * `aria-labelledby` instead of `htmlFor`.
 */
export const FormField = ({
  id,
  label,
  hint,
  error,
  labelOnly,
  className,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  labelOnly?: boolean
  className?: string
  children: ReactNode
}) => (
  <div className={clx("flex flex-col gap-y-2", className)}>
    <div className="flex flex-col gap-y-0.5">
      <Label
        id={`${id}-label`}
        htmlFor={labelOnly ? undefined : id}
        size="small"
        weight="plus"
      >
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
    </div>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : null}
  </div>
)
