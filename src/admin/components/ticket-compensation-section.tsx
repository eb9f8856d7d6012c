import { Badge, Button, Container, Copy, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { AdminTicketDetail, TicketCompensationDTO } from "../../types"
import type { CrmTranslation } from "../lib/i18n"
import { formatMoney } from "../lib/tiers"
import { TicketCompensationDrawer } from "./ticket-compensation-drawer"

/** "500 points", "10 % off", "€5.00 off": what a compensation gave. */
const compensationText = (compensation: TicketCompensationDTO, { t, locale, formatNumber }: CrmTranslation) => {
  if (compensation.type === "points") {
    return t("ticket.compensation.points", { points: formatNumber(compensation.points ?? 0) })
  }
  const value = Number(compensation.value ?? 0)
  if (compensation.value_type === "fixed" && compensation.currency_code) {
    return t("ticket.compensation.off", { value: formatMoney(value, compensation.currency_code, locale) })
  }
  return t("ticket.compensation.off", { value: `${formatNumber(value)} %` })
}

/**
 * What the store gave to make up for the problem: points and/or one
 * one-time promotion code (each at most once per ticket), and a drawer to
 * give what was not given yet.
 */
export const TicketCompensationSection = ({ ticket, i18n }: { ticket: AdminTicketDetail; i18n: CrmTranslation }) => {
  const { t, formatDateTime } = i18n
  const [open, setOpen] = useState(false)
  const compensations = ticket.compensations ?? []
  const given = new Set(compensations.map((compensation) => compensation.type))
  const allGiven = given.has("points") && given.has("promotion")

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("ticket.compensation.title")}</Heading>
        {allGiven ? null : (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
            {t("ticket.compensation.give")}
          </Button>
        )}
      </div>
      {compensations.length ? (
        <ul className="divide-y">
          {compensations.map((compensation) => (
            <li key={compensation.id} className="flex flex-col gap-y-1 px-6 py-3">
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
                  {compensationText(compensation, i18n)}
                </Text>
                <Badge size="2xsmall" color={compensation.type === "points" ? "blue" : "purple"}>
                  {compensation.type === "points" ? t("ticket.compensation.kind.points") : t("ticket.compensation.kind.promotion")}
                </Badge>
              </div>
              {compensation.promotion_code ? (
                <div className="flex items-center gap-x-1">
                  <code className="txt-compact-small-plus text-ui-fg-base break-all">{compensation.promotion_code}</code>
                  <Copy content={compensation.promotion_code} aria-label={t("ticket.compensation.copyCode")} />
                </div>
              ) : null}
              <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                {formatDateTime(compensation.created_at)}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {t("ticket.compensation.none")}
          </Text>
        </div>
      )}
      <TicketCompensationDrawer
        open={open}
        onOpenChange={setOpen}
        ticket={ticket}
        givenPoints={given.has("points")}
        givenPromotion={given.has("promotion")}
        i18n={i18n}
      />
    </Container>
  )
}
