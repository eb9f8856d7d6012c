import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import SegmentsModule from "../modules/segments"

/** The promotions created from a segment ("create promotion"), listed on the segment as `promotions`. */
export default defineLink(SegmentsModule.linkable.segment, { linkable: PromotionModule.linkable.promotion, isList: true })
