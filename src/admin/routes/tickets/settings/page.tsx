import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { TicketSettingsSection } from "../../../components/ticket-settings-form"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * The ticket settings: first-response and resolution targets per priority,
 * the business hours the clock counts in, when resolved tickets close, and
 * where escalations are e-mailed. Nested under Tickets in the sidebar (its
 * path is below /tickets).
 */
const TicketSettingsPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("ticketSettings.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("ticketSettings.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/tickets">
            <ArrowUturnLeft />
            {t("ticket.back")}
          </Link>
        </Button>
      </div>
      <TicketSettingsSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.ticketSettings",
  translationNs: "crm",
})

export default TicketSettingsPage
