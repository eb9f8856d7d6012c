import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CrmErrorTypes } from "../../types/errors"

/** Error types answered with their own message, and their status. */
const ANSWERED: Record<string, number> = {
  [MedusaError.Types.CONFLICT]: 409,
  [CrmErrorTypes.RATE_LIMITED]: 429,
  [CrmErrorTypes.GONE]: 410,
}

const answerableType = (error: unknown): string | undefined => {
  const type = error && typeof error === "object" ? (error as { type?: string }).type : undefined
  return type && type in ANSWERED ? type : undefined
}

/**
 * Runs `action`; a conflict (e.g. not enough points, already reviewed)
 * answers 409, a rate limit 429 and a used-up link 410, each with its own message. Medusa's
 * error handler would answer every conflict with a generic "retry with the
 * Idempotency-Key" text, which tells a customer nothing, and has no 429.
 * Returns false when it answered.
 */
export async function answeringConflicts(res: MedusaResponse, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    const type = answerableType(error)
    if (type) {
      res.status(ANSWERED[type]).json({ type, message: (error as Error).message })
      return false
    }
    throw error
  }
}
