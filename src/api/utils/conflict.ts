import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const isConflict = (error: unknown): error is { message: string } =>
  !!error && typeof error === "object" && (error as { type?: string }).type === MedusaError.Types.CONFLICT

/**
 * Runs `action`; a conflict (e.g. not enough points) answers 409 with its own
 * message. Medusa's error handler would answer every conflict with a generic
 * "retry with the Idempotency-Key" text, which tells a customer nothing.
 * Returns false when it answered.
 */
export async function answeringConflicts(res: MedusaResponse, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    if (isConflict(error)) {
      res.status(409).json({ type: MedusaError.Types.CONFLICT, message: error.message })
      return false
    }
    throw error
  }
}
