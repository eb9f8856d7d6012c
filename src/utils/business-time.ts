/**
 * Working-time arithmetic for service-level targets: minutes that count only
 * inside business hours (weekdays and hours in the store's time zone, DST
 * included) and outside pauses (e.g. while a ticket waits on the customer).
 * Pure: no clock, no database. Time-zone maths uses Intl only.
 */

export type BusinessHours = {
  /** IANA time zone, e.g. "Europe/Berlin". */
  time_zone: string
  /** Local weekdays that are working days: 0 (Sunday) to 6. */
  weekdays: number[]
  /** Local opening and closing time, in minutes after midnight (9:00 = 540); start < end <= 1440. */
  start_minute: number
  end_minute: number
}

export type Interval = { start: Date; end: Date }

/** A pause with no end is still running: the clock is stopped from its start on. */
export type Pause = { start: Date; end: Date | null }

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
/** How far `addWorkingMinutes` looks ahead before deciding a target cannot be reached. */
const MAX_SEARCH_DAYS = 3 * 366

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The local calendar date and wall-clock time of an instant, as a UTC-based timestamp ("wall time"). */
function wallTime(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== "literal")
      .map((part) => [part.type, Number(part.value)])
  )
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
}

/**
 * The instant at which the local wall clock shows `wall`. A wall time that
 * happens twice (autumn) is its later occurrence; one that never happens
 * (the spring gap) moves forward by the gap, as clocks do.
 */
function instantOfWallTime(wall: number, timeZone: string): number {
  const guess = wall - (wallTime(wall, timeZone) - wall)
  const shown = wallTime(guess, timeZone)
  return shown === wall ? guess : wall - (shown - guess)
}

export function validateBusinessHours(hours: BusinessHours): string | null {
  try {
    formatterFor(hours.time_zone)
  } catch {
    return `Unknown time zone "${hours.time_zone}"`
  }
  if (!hours.weekdays.length || hours.weekdays.some((day) => !Number.isInteger(day) || day < 0 || day > 6)) {
    return "Business hours need at least one weekday, each 0 (Sunday) to 6"
  }
  if (!(hours.start_minute >= 0 && hours.start_minute < hours.end_minute && hours.end_minute <= 1440)) {
    return "Business hours must open before they close, within one day"
  }
  return null
}

/**
 * The working windows that overlap [from, to): whole [from, to) without
 * business hours, else each working day's opening hours, clipped.
 */
export function workingWindows(from: Date, to: Date, hours: BusinessHours | null): Interval[] {
  if (to <= from) {
    return []
  }
  if (!hours) {
    return [{ start: from, end: to }]
  }
  const problem = validateBusinessHours(hours)
  if (problem) {
    throw new Error(problem)
  }
  const windows: Interval[] = []
  // Local midnight of the day before `from` (a window opened then may still be open).
  let day = Math.floor(wallTime(from.getTime(), hours.time_zone) / DAY_MS) * DAY_MS - DAY_MS
  for (;;) {
    const opens = instantOfWallTime(day + hours.start_minute * MINUTE_MS, hours.time_zone)
    if (opens >= to.getTime()) {
      break
    }
    if (hours.weekdays.includes(new Date(day).getUTCDay())) {
      const closes = instantOfWallTime(day + hours.end_minute * MINUTE_MS, hours.time_zone)
      const start = Math.max(opens, from.getTime())
      const end = Math.min(closes, to.getTime())
      if (end > start) {
        windows.push({ start: new Date(start), end: new Date(end) })
      }
    }
    day += DAY_MS
  }
  return windows
}

/** `windows` less the pauses (a running pause removes everything after its start). */
export function withoutPauses(windows: Interval[], pauses: Pause[]): Interval[] {
  let remaining = windows
  for (const pause of pauses) {
    const pauseStart = pause.start.getTime()
    const pauseEnd = pause.end ? pause.end.getTime() : Infinity
    remaining = remaining.flatMap((window) => {
      const start = window.start.getTime()
      const end = window.end.getTime()
      if (pauseEnd <= start || pauseStart >= end) {
        return [window]
      }
      const pieces: Interval[] = []
      if (pauseStart > start) {
        pieces.push({ start: window.start, end: new Date(pauseStart) })
      }
      if (pauseEnd < end) {
        pieces.push({ start: new Date(pauseEnd), end: window.end })
      }
      return pieces
    })
  }
  return remaining
}

/** Working minutes in [from, to): inside business hours, outside pauses. */
export function workingMinutesBetween(from: Date, to: Date, hours: BusinessHours | null, pauses: Pause[] = []): number {
  const ms = withoutPauses(workingWindows(from, to, hours), pauses).reduce(
    (sum, window) => sum + (window.end.getTime() - window.start.getTime()),
    0
  )
  return ms / MINUTE_MS
}

/**
 * The instant at which `minutes` of working time have passed since `from`;
 * null while a running pause stops the clock before they have.
 */
export function addWorkingMinutes(from: Date, minutes: number, hours: BusinessHours | null, pauses: Pause[] = []): Date | null {
  let remainingMs = minutes * MINUTE_MS
  if (remainingMs <= 0) {
    return from
  }
  const runningPause = pauses.find((pause) => !pause.end)
  let chunkStart = from
  for (let searched = 0; searched < MAX_SEARCH_DAYS; searched += 31) {
    const chunkEnd = new Date(chunkStart.getTime() + 31 * DAY_MS)
    for (const window of withoutPauses(workingWindows(chunkStart, chunkEnd, hours), pauses)) {
      const length = window.end.getTime() - window.start.getTime()
      if (length >= remainingMs) {
        return new Date(window.start.getTime() + remainingMs)
      }
      remainingMs -= length
    }
    if (runningPause && runningPause.start < chunkEnd) {
      return null
    }
    chunkStart = chunkEnd
  }
  throw new Error(`No ${minutes} working minutes within ${MAX_SEARCH_DAYS} days of ${from.toISOString()}`)
}
