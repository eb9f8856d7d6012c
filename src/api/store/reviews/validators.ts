import { z } from "@medusajs/framework/zod"
import { plainText } from "../../../modules/reviews/moderation/text"
import { REVIEW_ORDERS } from "../../../types/reviews"
import { listParams } from "../../utils/list-params"

export const MAX_TITLE_LENGTH = 200
export const MAX_CONTENT_LENGTH = 5000
export const MAX_IMAGES = 5

const stars = (what: string) =>
  z.number({ error: `${what} must be a whole number from 1 to 5` }).int(`${what} must be a whole number from 1 to 5`).min(1, `${what} must be from 1 to 5`).max(5, `${what} must be from 1 to 5`)

const isHttps = (url: string) => {
  try {
    return new URL(url).protocol === "https:"
  } catch {
    return false
  }
}

/** Image URLs are only checked, never fetched: the storefront shows them. */
const imageUrl = z
  .string()
  .max(2048, "An image URL is at most 2048 characters")
  .refine(isHttps, { message: "Images must be https:// URLs" })

/** Plain text as it will be stored; markup stays literal text. */
const text = (max: number, what: string) =>
  z.string().max(max, `${what} is at most ${max} characters`).transform(plainText)

const reviewFields = {
  rating: stars("rating"),
  /** Empty or blank: no title. */
  title: text(MAX_TITLE_LENGTH, "title").nullish(),
  content: text(MAX_CONTENT_LENGTH, "content").optional(),
  quality_rating: stars("quality_rating").nullish(),
  logistics_rating: stars("logistics_rating").nullish(),
  service_rating: stars("service_rating").nullish(),
  images: z.array(imageUrl).max(MAX_IMAGES, `At most ${MAX_IMAGES} images`).optional(),
}

export const StoreCreateReview = z
  .object({ ...reviewFields, order_id: z.string().min(1).nullish() })
  .strict()

export type StoreCreateReviewType = z.infer<typeof StoreCreateReview>

export const StoreUpdateReview = z
  .object(reviewFields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: "Nothing to change: send at least one field" })

export type StoreUpdateReviewType = z.infer<typeof StoreUpdateReview>

export const StoreGetProductReviewsParams = z
  .object({
    ...listParams,
    order: z.enum(REVIEW_ORDERS).default("-created_at"),
    rating: z.coerce.number().int().min(1).max(5).optional(),
  })
  .strict()

export type StoreGetProductReviewsParamsType = z.infer<typeof StoreGetProductReviewsParams>

export const StoreGetMyReviewsParams = z.object(listParams).strict()

export type StoreGetMyReviewsParamsType = z.infer<typeof StoreGetMyReviewsParams>
