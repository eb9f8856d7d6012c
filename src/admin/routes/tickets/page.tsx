import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CogSixTooth, DocumentText, Lifebuoy } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { TicketInbox } from "../../components/ticket-inbox"
import { TicketStatsPanel } from "../../components/ticket-stats-panel"
import { useCrmTranslation } from "../../lib/i18n"

/**
 * The Tickets page: the period's numbers, then the inbox (most urgent
 * first), with links to the canned responses (routes/tickets/macros) and the
 * SLA settings (routes/tickets/settings). Reached from the sidebar; the label
 * is translated by the dashboard from the plugin's "crm" namespace
 * (src/admin/i18n).
 */
const TicketsPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("tickets.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("tickets.description")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/tickets/macros">
              <DocumentText />
              {t("tickets.macrosLink")}
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/tickets/settings">
              <CogSixTooth />
              {t("tickets.settingsLink")}
            </Link>
          </Button>
        </div>
      </div>
      <TicketStatsPanel />
      <TicketInbox />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.tickets",
  translationNs: "crm",
  icon: Lifebuoy,
})

export default TicketsPage
