import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSegmentWorkflow } from "../../../workflows/segments/workflows/create-segment"
import { refreshSegmentWorkflow } from "../../../workflows/segments/workflows/refresh-segment"
import { segmentsOf, toSegmentDTO } from "../../utils/admin-segments"
import { answeringConflicts } from "../../utils/conflict"
import type { SegmentDTO } from "../../../types/segments"
import type { AdminCreateSegmentType, AdminGetSegmentsParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentsParamsType>, res: MedusaResponse) => {
  const { limit, offset, q, order, ...filters } = req.validatedQuery as AdminGetSegmentsParamsType
  const column = order.replace(/^-/, "")
  const [rows, count] = await segmentsOf(req.scope).listAndCountSegments(
    { ...filters, ...(q ? { name: { $ilike: `%${q.replace(/[\\%_]/g, "\\$&")}%` } } : {}) },
    { take: limit, skip: offset, order: { [column]: order.startsWith("-") ? "DESC" : "ASC", id: "DESC" } }
  )
  res.json({ segments: rows.map((row) => toSegmentDTO(row as unknown as SegmentDTO)), count, limit, offset })
}

/** A new segment with its customer group, filled by a first refresh; 409 when the name is taken. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  let created: SegmentDTO | undefined
  const done = await answeringConflicts(res, async () => {
    created = (await createSegmentWorkflow(req.scope).run({ input: req.validatedBody })).result as SegmentDTO
  })
  if (!done) {
    return
  }
  const { result } = await refreshSegmentWorkflow(req.scope).run({ input: { segment_id: created!.id } })
  res.json({ segment: toSegmentDTO(result.segment) })
}
