import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSegmentPromotionWorkflow } from "../../../../../workflows/segments/workflows/create-segment-promotion"
import { retrieveAdminSegment } from "../../../../utils/admin-segments"
import { answeringConflicts } from "../../../../utils/conflict"
import type { AdminCreateSegmentPromotionType } from "../../validators"

/** A core promotion only the segment's members get: 201 with it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentPromotionType>, res: MedusaResponse) => {
  await retrieveAdminSegment(req.scope, req.params.id)
  let promotionId: string | undefined
  const done = await answeringConflicts(res, async () => {
    const { result } = await createSegmentPromotionWorkflow(req.scope).run({
      input: { ...req.validatedBody, segment_id: req.params.id },
    })
    promotionId = result.id
  })
  if (!done) {
    return
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "promotion",
    fields: ["*", "application_method.*", "rules.*", "rules.values.*", "campaign.*", "campaign.budget.*"],
    filters: { id: promotionId },
  })
  res.status(201).json({ promotion: data[0] })
}
