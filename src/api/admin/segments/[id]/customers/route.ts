import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customersByIds, retrieveAdminSegment, segmentsOf } from "../../../../utils/admin-segments"
import type { AdminGetSegmentCustomersParamsType } from "../../validators"

/** The segment's members as of its last refresh, the latest to join first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentCustomersParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetSegmentCustomersParamsType
  await retrieveAdminSegment(req.scope, req.params.id)
  const { members, count } = await segmentsOf(req.scope).pageSegmentMembers(req.params.id, { limit, offset })
  const customers = await customersByIds(req.scope, members.map((member) => member.customer_id))
  const joinedAt = new Map(members.map((member) => [member.customer_id, member.joined_at]))
  res.json({
    customers: customers.map((customer) => ({ ...customer, joined_at: joinedAt.get(customer.id) })),
    count,
    limit,
    offset,
  })
}
