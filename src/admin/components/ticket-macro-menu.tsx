import { DocumentText } from "@medusajs/icons"
import { Button, DropdownMenu, Text, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import type { TicketCategory } from "../../types"
import { useRenderTicketMacro, useTicketMacros, type TicketMacroDTO } from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import { ticketCategoryLabel } from "../lib/tickets"

/** More canned responses than any store keeps, in one request. */
const MACRO_LIMIT = 100

/** The ticket's own category first, then the ones for every category, then the rest; by name within each. */
const rank = (macro: TicketMacroDTO, category: TicketCategory) =>
  macro.category === category ? 0 : macro.category == null ? 1 : 2

/**
 * "Insert canned response": the case library in a menu, the ones for this
 * ticket's category first. Choosing one has the server fill it in for this
 * ticket, and hands the text (and the placeholders it had no value for) to
 * `onInsert`.
 */
export const TicketMacroMenu = ({
  ticketId,
  category,
  disabled,
  onInsert,
  i18n,
}: {
  ticketId: string
  category: TicketCategory
  disabled?: boolean
  onInsert: (body: string, missing: string[]) => void
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const [open, setOpen] = useState(false)
  // Loaded the first time the menu opens, then kept.
  const [wanted, setWanted] = useState(false)
  const { ticket_macros, isPending, isError } = useTicketMacros({ limit: MACRO_LIMIT }, { enabled: wanted })
  const render = useRenderTicketMacro()

  const macros = useMemo(
    () =>
      [...(ticket_macros ?? [])].sort(
        (a, b) => rank(a, category) - rank(b, category) || a.name.localeCompare(b.name)
      ),
    [ticket_macros, category]
  )

  const insert = async (macro: TicketMacroDTO) => {
    try {
      const { rendered } = await render.mutateAsync({ macroId: macro.id, ticketId })
      onInsert(rendered.body, rendered.missing ?? [])
    } catch (e) {
      toast.error(t("ticket.macros.renderFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    }
  }

  return (
    <DropdownMenu
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) setWanted(true)
      }}
    >
      <DropdownMenu.Trigger asChild>
        <Button type="button" size="small" variant="secondary" disabled={disabled} isLoading={render.isPending}>
          <DocumentText />
          {t("ticket.macros.insert")}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="start" className="max-h-80 w-72 overflow-y-auto">
        {isPending ? (
          <DropdownMenu.Label>{t("ticket.macros.loading")}</DropdownMenu.Label>
        ) : isError ? (
          <DropdownMenu.Label className="text-ui-fg-error">{t("ticket.macros.loadFailed")}</DropdownMenu.Label>
        ) : macros.length ? (
          macros.map((macro) => (
            <DropdownMenu.Item key={macro.id} onSelect={() => insert(macro)} className="flex flex-col items-start gap-y-0.5">
              <Text size="small" leading="compact" className="text-ui-fg-base w-full truncate">
                {macro.name}
              </Text>
              <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                {macro.category ? ticketCategoryLabel(macro.category, t) : t("ticketMacros.anyCategory")}
              </Text>
            </DropdownMenu.Item>
          ))
        ) : (
          <DropdownMenu.Label className="font-normal">{t("ticket.macros.empty")}</DropdownMenu.Label>
        )}
        <DropdownMenu.Separator />
        <DropdownMenu.Item asChild>
          <Link to="/tickets/macros">{t("ticket.macros.manage")}</Link>
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
