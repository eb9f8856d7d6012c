import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionRowProps = {
  title: string
  value?: ReactNode
}

/**
 * A label/value row as the dashboard's own detail sections draw them
 * (two columns, `px-6 py-4`, subtle foreground). Values are React children:
 * text is escaped by React, never injected as HTML.
 */
export const SectionRow = ({ title, value }: SectionRowProps) => {
  const isText =
    typeof value === "string" || typeof value === "number" || value == null

  return (
    <div className="text-ui-fg-subtle grid w-full grid-cols-2 items-center gap-4 px-6 py-4">
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {isText ? (
        <Text size="small" leading="compact" className="text-pretty">
          {value ?? "-"}
        </Text>
      ) : (
        <div className="txt-compact-small flex min-w-0 flex-wrap items-center gap-1">
          {value}
        </div>
      )}
    </div>
  )
}
