import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A settings form's group of fields: a title, an optional hint, and the fields in two columns. */
export const FormSection = ({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) => (
  <fieldset className="px-6 py-6">
    <legend className="sr-only">{title}</legend>
    <div className="mb-4 flex flex-col gap-y-1">
      <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base" aria-hidden>
        {title}
      </Text>
      {hint ? (
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
    <div className="grid grid-cols-1 gap-x-6 gap-y-6 md:grid-cols-2">{children}</div>
  </fieldset>
)
