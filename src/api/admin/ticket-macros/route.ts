import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type TicketsModuleService from "../../../modules/tickets/service"
import { CrmModules } from "../../../types/modules"
import { createTicketMacroWorkflow } from "../../../workflows/tickets/workflows/create-ticket-macro"
import type { AdminCreateTicketMacroType, AdminGetTicketMacrosParamsType } from "./validators"

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`

/** The case library: canned responses by category, searched in name and body. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetTicketMacrosParamsType>, res: MedusaResponse) => {
  const { limit, offset, order, q, category } = req.validatedQuery as AdminGetTicketMacrosParamsType
  const filters: Record<string, unknown> = category ? { category } : {}
  if (q) {
    const like = { $ilike: likePattern(q) }
    filters.$or = [{ name: like }, { body: like }]
  }
  const direction = order.startsWith("-") ? "DESC" : "ASC"
  const [ticket_macros, count] = await req.scope
    .resolve<TicketsModuleService>(CrmModules.TICKETS)
    .listAndCountTicketMacros(filters, { take: limit, skip: offset, order: { [order.replace(/^-/, "")]: direction, id: direction } })
  res.json({ ticket_macros, count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTicketMacroType>, res: MedusaResponse) => {
  const { result } = await createTicketMacroWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ ticket_macro: result })
}
