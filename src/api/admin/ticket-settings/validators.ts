import { z } from "@medusajs/framework/zod"
import { TICKET_PRIORITIES } from "../../../types/tickets"
import { validateBusinessHours } from "../../../utils/business-time"

/** A year of minutes: a target beyond that is a typo. */
const MAX_TARGET_MINUTES = 60 * 24 * 365

const minutes = (field: string) =>
  z
    .number()
    .int(`${field} must be a whole number of minutes`)
    .min(1, `${field} must be at least 1 minute`)
    .max(MAX_TARGET_MINUTES, `${field} is at most ${MAX_TARGET_MINUTES} minutes (a year)`)

const slaTarget = z
  .object({ first_response_minutes: minutes("first_response_minutes"), resolution_minutes: minutes("resolution_minutes") })
  .strict()
  .refine((target) => target.first_response_minutes <= target.resolution_minutes, {
    message: "first_response_minutes cannot be longer than resolution_minutes",
  })

/** Any of the priorities, each with both targets; the others keep theirs. */
const sla = z
  .object(Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, slaTarget.optional()])) as Record<(typeof TICKET_PRIORITIES)[number], z.ZodOptional<typeof slaTarget>>)
  .strict()

const businessHours = z
  .object({
    time_zone: z.string().min(1, "time_zone is required"),
    weekdays: z.array(z.number()).transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    start_minute: z.number(),
    end_minute: z.number(),
  })
  .strict()
  .superRefine((hours, context) => {
    const problem = validateBusinessHours(hours)
    if (problem) {
      context.addIssue({ code: "custom", message: problem })
    }
  })

export const AdminUpdateTicketSettings = z
  .object({
    sla,
    business_hours: businessHours.nullable(),
    auto_close_days: z.number().int("auto_close_days must be a whole number").min(1, "auto_close_days is 1 to 365").max(365, "auto_close_days is 1 to 365"),
    escalation_email: z.string().trim().email("escalation_email must be an e-mail address").nullable(),
  })
  .partial()
  .strict()

export type AdminUpdateTicketSettingsType = z.infer<typeof AdminUpdateTicketSettings>
