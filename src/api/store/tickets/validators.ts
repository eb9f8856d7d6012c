import { z } from "@medusajs/framework/zod"
import { plainText } from "../../../utils/plain-text"
import { TICKET_CATEGORIES, TICKET_STATUSES } from "../../../types/tickets"
import { listParams } from "../../utils/list-params"

export const MAX_SUBJECT_LENGTH = 200
export const MAX_MESSAGE_LENGTH = 10000

/** Plain text as stored: trimmed, markup kept literal; required and bounded. */
export const ticketText = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .max(max, `${what} is at most ${max} characters`)
    .transform(plainText)
    .refine((text) => text.length > 0, { message: `${what} is required` })

/** A query filter that takes one value or several: `status=open` or `status[]=open&status[]=reopened`. */
export const oneOrMany = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.array(z.enum(values))]).transform((value) => (Array.isArray(value) ? value : [value]))

export const statusList = oneOrMany(TICKET_STATUSES)

export const StoreCreateTicket = z
  .object({
    subject: ticketText("subject", MAX_SUBJECT_LENGTH),
    category: z.enum(TICKET_CATEGORIES, { error: `category must be one of ${TICKET_CATEGORIES.join(", ")}` }),
    message: ticketText("message", MAX_MESSAGE_LENGTH),
    order_id: z.string().min(1).nullish(),
    product_id: z.string().min(1).nullish(),
  })
  .strict()

export type StoreCreateTicketType = z.infer<typeof StoreCreateTicket>

export const StoreGetTicketsParams = z.object({ ...listParams, status: statusList.optional() }).strict()

export type StoreGetTicketsParamsType = z.infer<typeof StoreGetTicketsParams>

export const StoreTicketMessage = z.object({ body: ticketText("body", MAX_MESSAGE_LENGTH) }).strict()

export type StoreTicketMessageType = z.infer<typeof StoreTicketMessage>

export const StoreRateTicket = z
  .object({
    score: z
      .number({ error: "score must be a whole number from 1 to 5" })
      .int("score must be a whole number from 1 to 5")
      .min(1, "score must be from 1 to 5")
      .max(5, "score must be from 1 to 5"),
    comment: z
      .string()
      .max(2000, "comment is at most 2000 characters")
      .transform((text) => plainText(text) || null)
      .nullish(),
  })
  .strict()

export type StoreRateTicketType = z.infer<typeof StoreRateTicket>
