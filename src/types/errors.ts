/** Error types of the plugin's own, beside MedusaError.Types, for what Medusa has no type for. */
export const CrmErrorTypes = {
  /** Too many requests: answered 429. */
  RATE_LIMITED: "rate_limited",
  /** Existed but no longer usable (an expired or used survey link): answered 410. */
  GONE: "gone",
} as const
