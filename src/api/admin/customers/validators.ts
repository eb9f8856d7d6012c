import { z } from "@medusajs/framework/zod"
import { listParams } from "../../utils/list-params"

export const AdminAdjustLoyaltyPoints = z
  .object({
    points: z
      .number({ error: "points must be a whole number" })
      .int("points must be a whole number")
      .min(-1_000_000, "points must be between -1000000 and 1000000")
      .max(1_000_000, "points must be between -1000000 and 1000000")
      .refine((points) => points !== 0, "points must not be 0"),
    reason: z
      .string({ error: "reason is required" })
      .trim()
      .min(3, "reason is required: say why the balance changes (3 to 500 characters)")
      .max(500, "reason must be at most 500 characters"),
  })
  .strict()

export type AdminAdjustLoyaltyPointsType = z.infer<typeof AdminAdjustLoyaltyPoints>

export const AdminGetCustomerLoyaltyTransactionsParams = z.object({ ...listParams }).strict()
