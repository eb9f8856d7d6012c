import { z } from "@medusajs/framework/zod"

const DAY_MS = 24 * 60 * 60 * 1000

/** Without `from`, the report covers this many days up to `to`. */
export const DEFAULT_PERIOD_DAYS = 30

/** `from` at most this many years before `to`: the report scans every ticket of the period. */
export const MAX_PERIOD_YEARS = 2

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO date (2026-03-01) or date-time with a zone (2026-03-01T09:00:00Z)" })
  .transform((text) => new Date(text))

const yearsBefore = (date: Date, years: number) => {
  const earlier = new Date(date)
  earlier.setUTCFullYear(earlier.getUTCFullYear() - years)
  return earlier
}

/** The period [from, to): by default the last 30 days up to now. */
export const AdminGetTicketStatsParams = z
  .object({ from: instant.optional(), to: instant.optional() })
  .strict()
  .transform(({ from, to }) => {
    const end = to ?? new Date()
    return { from: from ?? new Date(end.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS), to: end }
  })
  .superRefine(({ from, to }, context) => {
    if (from >= to) {
      context.addIssue({ code: "custom", path: ["from"], message: "from must be before to" })
    } else if (from < yearsBefore(to, MAX_PERIOD_YEARS)) {
      context.addIssue({ code: "custom", path: ["from"], message: `The period can span at most ${MAX_PERIOD_YEARS} years` })
    }
  })

export type AdminGetTicketStatsParamsType = z.infer<typeof AdminGetTicketStatsParams>
