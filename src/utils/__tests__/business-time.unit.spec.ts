import fc from "fast-check"
import { addWorkingMinutes, BusinessHours, validateBusinessHours, workingMinutesBetween, workingWindows } from "../business-time"

const berlinOffice: BusinessHours = { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 9 * 60, end_minute: 17 * 60 }
const at = (iso: string) => new Date(iso)

describe("working time", () => {
  it("without business hours, every minute counts", () => {
    expect(addWorkingMinutes(at("2026-11-20T10:00:00Z"), 90, null)).toEqual(at("2026-11-20T11:30:00Z"))
    expect(workingMinutesBetween(at("2026-11-20T10:00:00Z"), at("2026-11-21T10:00:00Z"), null)).toBe(1440)
  })

  it("counts only the store's local opening hours on working days", () => {
    // Friday 16:30 in Berlin (CET, UTC+1) plus one working hour: Monday 9:30 local.
    expect(addWorkingMinutes(at("2026-11-20T15:30:00Z"), 60, berlinOffice)).toEqual(at("2026-11-23T08:30:00Z"))
    // Opened on a Saturday: the clock starts on Monday at 9:00.
    expect(addWorkingMinutes(at("2026-11-21T12:00:00Z"), 8 * 60, berlinOffice)).toEqual(at("2026-11-23T16:00:00Z"))
    expect(workingMinutesBetween(at("2026-11-16T00:00:00Z"), at("2026-11-23T00:00:00Z"), berlinOffice)).toBe(5 * 8 * 60)
  })

  it("follows daylight saving time: opening hours stay at local 9:00 on both sides of the change", () => {
    // Berlin: CET (UTC+1) until 2026-03-29, CEST (UTC+2) after; Friday 27 and Monday 30 March.
    const windows = workingWindows(at("2026-03-27T00:00:00Z"), at("2026-03-31T00:00:00Z"), berlinOffice)
    expect(windows.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ["2026-03-27T08:00:00.000Z", "2026-03-27T16:00:00.000Z"],
      ["2026-03-30T07:00:00.000Z", "2026-03-30T15:00:00.000Z"],
    ])
    // A round-the-clock day on the change has 23 hours.
    const allDay = { ...berlinOffice, weekdays: [0], start_minute: 0, end_minute: 1440 }
    expect(workingMinutesBetween(at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"), allDay)).toBe(23 * 60)
  })

  it("stops the clock during pauses, and for good while a pause is running", () => {
    const opened = at("2026-11-23T08:00:00Z") // Monday 9:00 Berlin
    const pause = { start: at("2026-11-23T09:00:00Z"), end: at("2026-11-23T11:00:00Z") }
    expect(addWorkingMinutes(opened, 4 * 60, berlinOffice, [pause])).toEqual(at("2026-11-23T14:00:00Z"))
    expect(workingMinutesBetween(opened, at("2026-11-23T16:00:00Z"), berlinOffice, [pause])).toBe(6 * 60)
    expect(addWorkingMinutes(opened, 4 * 60, berlinOffice, [{ start: pause.start, end: null }])).toBeNull()
    expect(addWorkingMinutes(opened, 30, berlinOffice, [{ start: pause.start, end: null }])).toEqual(at("2026-11-23T08:30:00Z"))
  })

  it("refuses business hours it cannot use", () => {
    expect(validateBusinessHours({ ...berlinOffice, time_zone: "Mars/Olympus" })).toMatch(/Unknown time zone/)
    expect(validateBusinessHours({ ...berlinOffice, weekdays: [] })).toMatch(/weekday/)
    expect(validateBusinessHours({ ...berlinOffice, start_minute: 600, end_minute: 540 })).toMatch(/open before/)
    expect(validateBusinessHours(berlinOffice)).toBeNull()
  })

  it("adding n working minutes and counting them back gives n, in any zone, across DST (property)", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Sydney", "UTC"]
    fc.assert(
      fc.property(
        fc.date({ min: at("2026-01-01T00:00:00Z"), max: at("2027-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 5 * 24 * 60 }),
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 12 }),
        (start, minutes, zone, weekdays, opensHour, openHours) => {
          const hours: BusinessHours = {
            time_zone: zone,
            weekdays,
            start_minute: opensHour * 60,
            end_minute: Math.min(1440, (opensHour + openHours) * 60),
          }
          const due = addWorkingMinutes(start, minutes, hours)!
          expect(due.getTime()).toBeGreaterThan(start.getTime())
          expect(workingMinutesBetween(start, due, hours)).toBeCloseTo(minutes, 6)
        }
      ),
      { numRuns: 300 }
    )
  })
})
