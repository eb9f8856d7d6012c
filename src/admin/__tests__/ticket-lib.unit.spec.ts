import { translate } from "../lib/i18n"
import {
  formatMinutes,
  minuteToTime,
  statsRange,
  ticketDue,
  timeToMinute,
  viewCount,
  viewStatuses,
  weekdayLabel,
} from "../lib/tickets"

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate("en", key, values)

const sla = (overrides: Partial<Parameters<typeof ticketDue>[0]["sla"]> = {}) => ({
  first_response_due_at: "2025-03-10T10:00:00.000Z",
  resolution_due_at: "2025-03-12T10:00:00.000Z",
  first_response_breached: false,
  resolution_breached: false,
  paused: false,
  ...overrides,
})

describe("the tickets admin helpers", () => {
  it("writes durations with their two largest units", () => {
    expect(formatMinutes(45, t)).toBe("45 min")
    expect(formatMinutes(60, t)).toBe("1 h")
    expect(formatMinutes(95.4, t)).toBe("1 h 35 min")
    expect(formatMinutes(3000, t)).toBe("2 d 2 h")
    expect(formatMinutes(2880, t)).toBe("2 d")
    expect(formatMinutes(0, t)).toBe("0 min")
  })

  it("reads and writes business hours as times, midnight closing being 1440", () => {
    expect(timeToMinute("09:00")).toBe(540)
    expect(timeToMinute("00:00")).toBe(0)
    expect(timeToMinute("00:00", { closing: true })).toBe(1440)
    expect(timeToMinute("24:00")).toBeNull()
    expect(timeToMinute("9am")).toBeNull()
    expect(minuteToTime(540)).toBe("09:00")
    expect(minuteToTime(1440)).toBe("00:00")
    // 0 is Sunday, as the server's business time counts.
    expect(weekdayLabel(0, "en")).toBe("Sun")
    expect(weekdayLabel(1, "en")).toBe("Mon")
  })

  it("takes the first-response deadline until staff answered, then the resolution one", () => {
    const now = Date.parse("2025-03-11T00:00:00.000Z")
    const waiting = ticketDue({ sla: sla(), first_responded_at: null, next_due_at: null }, now)
    expect(waiting).toMatchObject({ kind: "first_response", due: "2025-03-10T10:00:00.000Z", overdue: true })
    const answered = ticketDue({ sla: sla(), first_responded_at: "2025-03-10T09:00:00.000Z", next_due_at: null }, now)
    expect(answered).toMatchObject({ kind: "resolution", overdue: false, breached: false })
    // A stopped clock is never overdue, but a missed target stays missed.
    const paused = ticketDue({ sla: sla({ paused: true, first_response_breached: true }), first_responded_at: null, next_due_at: null }, now)
    expect(paused).toMatchObject({ overdue: false, breached: true, paused: true })
  })

  it("counts a tab from the per-status counts", () => {
    const counts = { open: 2, reopened: 1, pending_customer: 4, resolved: 8, closed: 16 }
    expect(viewStatuses("active")).toEqual(["open", "reopened", "pending_customer"])
    expect(viewStatuses("all")).toBeUndefined()
    expect(viewCount("active", counts)).toBe(7)
    expect(viewCount("all", counts)).toBe(31)
    expect(viewCount("closed", counts)).toBe(16)
    expect(viewCount("open", undefined)).toBeNull()
  })

  it("asks for whole local days, ending tonight", () => {
    const today = new Date(2025, 2, 15, 13, 37)
    const { from, to } = statsRange(7, today)
    expect(new Date(from).getTime()).toBe(new Date(2025, 2, 9).getTime())
    expect(new Date(to).getTime()).toBe(new Date(2025, 2, 16).getTime())
    // The same all day: the query is not refetched on every render.
    expect(statsRange(7, new Date(2025, 2, 15, 23, 59))).toEqual({ from, to })
  })
})
