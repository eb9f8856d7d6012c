import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SegmentsModule from "../modules/segments"

/** Read-only link (no pivot table): the segment keeps `customer_group_id`, the group that mirrors it. */
export default defineLink(
  { linkable: SegmentsModule.linkable.segment, field: "customer_group_id" },
  CustomerModule.linkable.customerGroup,
  { readOnly: true }
)
