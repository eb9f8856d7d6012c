import { z } from "@medusajs/framework/zod"

/** `limit` (default 20, at most 100) and `offset`, as every list route takes. */
export const listParams = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}

export type ListParams = { limit: number; offset: number }
