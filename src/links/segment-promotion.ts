import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import SegmentsModule from "../modules/segments"

/** The promotions created from a segment ("create promotion"), listed on the segment. */
export default defineLink({ linkable: SegmentsModule.linkable.segment, isList: true }, PromotionModule.linkable.promotion)
