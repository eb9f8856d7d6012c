/** Days before a birthday that it must have been entered to pay that year. */
export const BIRTHDAY_NOTICE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * "MM-DD" from what a customer entered: "YYYY-MM-DD", "MM-DD" or "--MM-DD";
 * null for anything else or an impossible date.
 */
export function parseBirthday(value: unknown): string | null {
  if (typeof value !== "string") return null
  const match = value.trim().match(/^(?:\d{4}-|--)?(\d{2})-(\d{2})$/)
  if (!match) return null
  const [month, day] = [Number(match[1]), Number(match[2])]
  const probe = new Date(Date.UTC(2000, month - 1, day)) // 2000 is a leap year
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return `${match[1]}-${match[2]}`
}

/** The "MM-DD" values whose birthday is on `day` (29 February counts on the 28th in other years). */
export function birthdaysOn(day: Date): string[] {
  const mmdd = `${String(day.getUTCMonth() + 1).padStart(2, "0")}-${String(day.getUTCDate()).padStart(2, "0")}`
  const year = day.getUTCFullYear()
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return mmdd === "02-28" && !leap ? ["02-28", "02-29"] : [mmdd]
}

/** A birthday entered less than 30 days before it does not pay that year. */
export function birthdayPays(birthdaySetAt: Date | null, day: Date): boolean {
  return !!birthdaySetAt && day.getTime() - birthdaySetAt.getTime() >= BIRTHDAY_NOTICE_DAYS * DAY_MS
}
