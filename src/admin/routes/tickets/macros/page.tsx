import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { TicketMacrosSection } from "../../../components/ticket-macros-section"
import { useCrmTranslation } from "../../../lib/i18n"

/**
 * Canned responses: the case library of common problems and their standard
 * answer, inserted into replies from a ticket. Nested under Tickets in the
 * sidebar (its path is below /tickets).
 */
const TicketMacrosPage = () => {
  const { t } = useCrmTranslation()

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col items-start justify-between gap-2 px-1 pb-1 md:flex-row md:items-center">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">{t("ticketMacros.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("ticketMacros.description")}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/tickets">
            <ArrowUturnLeft />
            {t("ticket.back")}
          </Link>
        </Button>
      </div>
      <TicketMacrosSection />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "nav.ticketMacros",
  translationNs: "crm",
})

export default TicketMacrosPage
