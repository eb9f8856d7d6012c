import { z } from "@medusajs/framework/zod"

export const AdminGetSurveyResponsesParams = z
  .object({
    order_id: z.string().min(1).optional(),
    customer_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((query) => query.order_id || query.customer_id, { message: "Give order_id or customer_id" })

export type AdminGetSurveyResponsesParamsType = z.infer<typeof AdminGetSurveyResponsesParams>
