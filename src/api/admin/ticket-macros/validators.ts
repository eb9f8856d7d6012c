import { z } from "@medusajs/framework/zod"
import { macroTemplateProblem } from "../../../modules/tickets/macro"
import { TICKET_CATEGORIES } from "../../../types/tickets"
import { listParams } from "../../utils/list-params"

export const TICKET_MACRO_ORDERS = ["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] as const
export type TicketMacroOrder = (typeof TICKET_MACRO_ORDERS)[number]

export const MAX_MACRO_BODY = 10000

export const AdminGetTicketMacrosParams = z
  .object({
    ...listParams,
    q: z.string().trim().min(1).max(200).optional(),
    category: z.enum(TICKET_CATEGORIES).optional(),
    order: z.enum(TICKET_MACRO_ORDERS).default("name"),
  })
  .strict()

export type AdminGetTicketMacrosParamsType = z.infer<typeof AdminGetTicketMacrosParams>

const name = z.string().trim().min(1, "name is required").max(200, "name is at most 200 characters")

const body = z
  .string()
  .max(MAX_MACRO_BODY, `body is at most ${MAX_MACRO_BODY} characters`)
  .refine((text) => text.trim().length > 0, { message: "body is required" })
  .superRefine((text, context) => {
    const problem = macroTemplateProblem(text)
    if (problem) {
      context.addIssue({ code: "custom", message: problem })
    }
  })

export const AdminCreateTicketMacro = z.object({ name, category: z.enum(TICKET_CATEGORIES).nullish(), body }).strict()

export type AdminCreateTicketMacroType = z.infer<typeof AdminCreateTicketMacro>

export const AdminUpdateTicketMacro = z
  .object({ name: name.optional(), category: z.enum(TICKET_CATEGORIES).nullable().optional(), body: body.optional() })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), { message: "Nothing to change: give name, category or body" })

export type AdminUpdateTicketMacroType = z.infer<typeof AdminUpdateTicketMacro>

export const AdminRenderTicketMacro = z.object({ ticket_id: z.string().min(1, "ticket_id is required") }).strict()

export type AdminRenderTicketMacroType = z.infer<typeof AdminRenderTicketMacro>
