import { z } from "@medusajs/framework/zod"
import { SegmentRuleSchema } from "../../../modules/segments/rules/parse"
import { SEGMENT_REFRESH_MODES } from "../../../types/segments"
import { listParams } from "../../utils/list-params"

// Refinements, not min/max: Medusa's validator replaces built-in length messages with generic ones.
const name = z
  .string()
  .trim()
  .refine((value) => value.length > 0, "A segment needs a name")
  .refine((value) => value.length <= 200, "A segment's name has at most 200 characters")
const description = z.string().trim().refine((value) => value.length <= 2000, "A description has at most 2000 characters").nullable()
const refresh = z.enum(SEGMENT_REFRESH_MODES, { error: `refresh is one of ${SEGMENT_REFRESH_MODES.join(", ")}` })

export const AdminCreateSegment = z
  .object({ name, description: description.optional(), rules: SegmentRuleSchema, refresh: refresh.default("daily") })
  .strict()
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

export const AdminUpdateSegment = z
  .object({ name: name.optional(), description: description.optional(), rules: SegmentRuleSchema.optional(), refresh: refresh.optional() })
  .strict()
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

export const AdminPreviewSegment = z.object({ rules: SegmentRuleSchema }).strict()
export type AdminPreviewSegmentType = z.infer<typeof AdminPreviewSegment>

export const AdminGetSegmentsParams = z
  .object({
    ...listParams,
    q: z.string().trim().min(1).max(200).optional(),
    refresh: refresh.optional(),
    order: z.enum(["name", "-name", "created_at", "-created_at", "member_count", "-member_count", "refreshed_at", "-refreshed_at"]).default("-created_at"),
  })
  .strict()
export type AdminGetSegmentsParamsType = z.infer<typeof AdminGetSegmentsParams>

export const AdminGetSegmentCustomersParams = z.object(listParams).strict()
export type AdminGetSegmentCustomersParamsType = z.infer<typeof AdminGetSegmentCustomersParams>

const CODE = /^[A-Za-z0-9_-]{1,100}$/

export const AdminCreateSegmentPromotion = z
  .object({
    code: z.string().trim().regex(CODE, "A promotion code is 1-100 letters, digits, - or _"),
    is_automatic: z.boolean().optional(),
    status: z.enum(["draft", "active"], { error: "status is draft or active" }).optional(),
    application_method: z
      .object({
        type: z.enum(["percentage", "fixed"], { error: "application_method.type is percentage or fixed" }),
        value: z.number().refine((value) => value > 0, "application_method.value must be more than 0"),
        target_type: z.enum(["order", "items"], { error: "application_method.target_type is order or items" }).optional(),
        allocation: z.enum(["each", "across"], { error: "application_method.allocation is each or across" }).optional(),
        currency_code: z.string().trim().regex(/^[A-Za-z]{3}$/, "currency_code is a 3-letter ISO code").optional(),
        max_quantity: z.number().int().positive().optional(),
      })
      .strict()
      .refine((method) => method.type !== "percentage" || method.value <= 100, "A percentage is at most 100")
      .refine((method) => method.type !== "fixed" || !!method.currency_code, "A fixed amount needs a currency_code"),
    limit_per_customer: z
      .number()
      .int()
      .refine((value) => value >= 1 && value <= 1000, "limit_per_customer is a whole number from 1 to 1000")
      .optional(),
    starts_at: z.iso.datetime({ offset: true }).optional(),
    ends_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((body) => !body.starts_at || !body.ends_at || Date.parse(body.starts_at) < Date.parse(body.ends_at), "ends_at must be after starts_at")
export type AdminCreateSegmentPromotionType = z.infer<typeof AdminCreateSegmentPromotion>
