import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSegmentWorkflow } from "../../../../workflows/segments/workflows/delete-segment"
import { refreshSegmentWorkflow } from "../../../../workflows/segments/workflows/refresh-segment"
import { updateSegmentWorkflow } from "../../../../workflows/segments/workflows/update-segment"
import { retrieveAdminSegment, retrieveSegmentWithPromotions, toSegmentDTO } from "../../../utils/admin-segments"
import { answeringConflicts } from "../../../utils/conflict"
import type { SegmentDTO } from "../../../../types/segments"
import type { AdminUpdateSegmentType } from "../validators"

/** A segment with the promotions created from it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ segment: await retrieveSegmentWithPromotions(req.scope, req.params.id) })
}

/** Changes a segment; new rules are applied at once (a refresh), so the answer shows the new members. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>, res: MedusaResponse) => {
  await retrieveAdminSegment(req.scope, req.params.id)
  let segment: SegmentDTO | undefined
  const done = await answeringConflicts(res, async () => {
    const { result } = await updateSegmentWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
    segment = result as SegmentDTO
  })
  if (!done) {
    return
  }
  if (req.validatedBody.rules) {
    segment = (await refreshSegmentWorkflow(req.scope).run({ input: { segment_id: req.params.id } })).result.segment
  }
  res.json({ segment: toSegmentDTO(segment!) })
}

/** Deletes a segment and its customer group. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveAdminSegment(req.scope, req.params.id)
  const { result } = await deleteSegmentWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ segment: toSegmentDTO(result as SegmentDTO), id: req.params.id, object: "segment", deleted: true })
}
