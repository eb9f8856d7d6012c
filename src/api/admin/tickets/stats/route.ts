import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type TicketsModuleService from "../../../../modules/tickets/service"
import { CrmModules } from "../../../../types/modules"
import type { TicketStats } from "../../../../types/tickets"
import type { AdminGetTicketStatsParamsType } from "./validators"

/** The support report of a period: open work per category, response and resolution medians, breaches, CSAT, most complained-about products. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTicketStatsParamsType>, res: MedusaResponse<{ stats: TicketStats }>) => {
  const period = req.validatedQuery as AdminGetTicketStatsParamsType
  const stats = await req.scope.resolve<TicketsModuleService>(CrmModules.TICKETS).ticketStats(period)
  const ids = stats.top_products.map((product) => product.product_id)
  const { data: products } = ids.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: ids } })
    : { data: [] }
  const titles = new Map((products as { id: string; title: string }[]).map((product) => [product.id, product.title]))
  res.json({
    stats: { ...stats, top_products: stats.top_products.map((product) => ({ ...product, title: titles.get(product.product_id) ?? null })) },
  })
}
