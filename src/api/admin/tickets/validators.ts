import { z } from "@medusajs/framework/zod"
import { TICKET_CATEGORIES, TICKET_ORDERS, TICKET_PRIORITIES, TICKET_PROMOTION_VALUE_TYPES, TICKET_STATUSES } from "../../../types/tickets"
import { MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH, oneOrMany, statusList, ticketText } from "../../store/tickets/validators"
import { listParams } from "../../utils/list-params"

const flag = z.enum(["true", "false"]).transform((value) => value === "true")

export const AdminGetTicketsParams = z
  .object({
    ...listParams,
    status: statusList.optional(),
    priority: oneOrMany(TICKET_PRIORITIES).optional(),
    category: oneOrMany(TICKET_CATEGORIES).optional(),
    /** A user id, "none" (unassigned) or "me". */
    assignee_id: z.string().min(1).optional(),
    overdue: flag.optional(),
    flagged: flag.optional(),
    customer_id: z.string().min(1).optional(),
    order_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    order: z.enum(TICKET_ORDERS).default("due"),
  })
  .strict()

export type AdminGetTicketsParamsType = z.infer<typeof AdminGetTicketsParams>

export const AdminCreateTicket = z
  .object({
    customer_id: z.string({ error: "customer_id is required" }).min(1, "customer_id is required"),
    subject: ticketText("subject", MAX_SUBJECT_LENGTH),
    category: z.enum(TICKET_CATEGORIES, { error: `category must be one of ${TICKET_CATEGORIES.join(", ")}` }),
    message: ticketText("message", MAX_MESSAGE_LENGTH),
    order_id: z.string().min(1).nullish(),
    product_id: z.string().min(1).nullish(),
    priority: z.enum(TICKET_PRIORITIES).nullish(),
    assignee_id: z.string().min(1).nullish(),
  })
  .strict()

export type AdminCreateTicketType = z.infer<typeof AdminCreateTicket>

export const AdminUpdateTicket = z
  .object({
    status: z.enum(TICKET_STATUSES, { error: `status must be one of ${TICKET_STATUSES.join(", ")}` }).optional(),
    priority: z.enum(TICKET_PRIORITIES, { error: `priority must be one of ${TICKET_PRIORITIES.join(", ")}` }).optional(),
    category: z.enum(TICKET_CATEGORIES, { error: `category must be one of ${TICKET_CATEGORIES.join(", ")}` }).optional(),
    assignee_id: z.string().min(1).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Nothing to change: give status, priority, category or assignee_id",
  })

export type AdminUpdateTicketType = z.infer<typeof AdminUpdateTicket>

export const AdminTicketMessage = z
  .object({
    body: ticketText("body", MAX_MESSAGE_LENGTH),
    internal: z.boolean().default(false),
    /** Optionally move the ticket with the reply, e.g. to pending_customer. */
    status: z.enum(TICKET_STATUSES).optional(),
  })
  .strict()

export type AdminTicketMessageType = z.infer<typeof AdminTicketMessage>

export const MAX_COMPENSATION_POINTS = 1_000_000

export const AdminCompensateTicket = z
  .object({
    points: z
      .number({ error: "points must be a whole number" })
      .int("points must be a whole number")
      .min(1, "points must be at least 1")
      .max(MAX_COMPENSATION_POINTS, `points must be at most ${MAX_COMPENSATION_POINTS}`)
      .optional(),
    promotion: z
      .object({
        type: z.enum(TICKET_PROMOTION_VALUE_TYPES, { error: "promotion.type must be percentage or fixed" }),
        value: z.number({ error: "promotion.value must be a number" }).positive("promotion.value must be more than 0"),
        currency_code: z.string().trim().toLowerCase().length(3, "promotion.currency_code is a 3-letter code").nullish(),
      })
      .strict()
      .refine((promotion) => promotion.type !== "percentage" || promotion.value <= 100, {
        message: "A percentage promotion is at most 100",
      })
      .refine((promotion) => promotion.type !== "fixed" || !!promotion.currency_code, {
        message: "A fixed promotion needs promotion.currency_code",
      })
      .optional(),
  })
  .strict()
  .refine((body) => (body.points === undefined) !== (body.promotion === undefined), {
    message: "Give either points or promotion",
  })

export type AdminCompensateTicketType = z.infer<typeof AdminCompensateTicket>
