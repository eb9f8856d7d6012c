import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshSegmentWorkflow } from "../../../../../workflows/segments/workflows/refresh-segment"
import { retrieveAdminSegment, toSegmentDTO } from "../../../../utils/admin-segments"

/** Re-evaluates the segment now: how many joined and left, and the segment after. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveAdminSegment(req.scope, req.params.id)
  const { result } = await refreshSegmentWorkflow(req.scope).run({ input: { segment_id: req.params.id } })
  res.json({ segment: toSegmentDTO(result.segment), joined: result.joined, left: result.left })
}
