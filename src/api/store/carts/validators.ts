import { z } from "@medusajs/framework/zod"

export const StoreApplyLoyaltyPoints = z
  .object({
    points: z
      .number({ error: "points must be a whole number" })
      .int("points must be a whole number")
      .min(1, "points must be at least 1")
      .max(100_000_000, "points is too large"),
  })
  .strict()

export type StoreApplyLoyaltyPointsType = z.infer<typeof StoreApplyLoyaltyPoints>
