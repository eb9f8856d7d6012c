import { addWorkingMinutes, type BusinessHours, type Pause } from "../../utils/business-time"
import type { SlaTarget } from "../../types/tickets"

export type SlaClock = {
  created_at: Date
  /** When staff first answered publicly; null until then. */
  first_responded_at: Date | null
  resolved_at: Date | null
  /** Stretches spent waiting on the customer; the last may still be running (`end: null`). */
  pauses: Pause[]
}

export type SlaState = {
  first_response_due_at: Date | null
  resolution_due_at: Date | null
  first_response_breached: boolean
  resolution_breached: boolean
}

/**
 * A ticket's due times and breaches at `now`. The first response is due
 * `first_response_minutes` of working time after creation; the resolution
 * `resolution_minutes` after it, not counting the pauses. A due time is null
 * while a running pause stops the clock short of it; a target met in time is
 * never breached afterwards.
 */
export function slaState(clock: SlaClock, target: SlaTarget, hours: BusinessHours | null, now: Date): SlaState {
  // Nobody waits for the customer before the first answer: pauses do not delay it.
  const firstDue = addWorkingMinutes(clock.created_at, target.first_response_minutes, hours)
  const resolutionDue = addWorkingMinutes(clock.created_at, target.resolution_minutes, hours, clock.pauses)
  const answeredBy = clock.first_responded_at ?? now
  const resolvedBy = clock.resolved_at ?? now
  return {
    first_response_due_at: firstDue,
    resolution_due_at: resolutionDue,
    first_response_breached: !!firstDue && answeredBy > firstDue,
    resolution_breached: !!resolutionDue && resolvedBy > resolutionDue,
  }
}
