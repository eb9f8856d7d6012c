import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { segmentsOf } from "../../../../utils/admin-segments"

/** The segments a customer is in and their RFM scores (null when they have no scored orders). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${req.params.id} was not found`)
  }
  const segments = segmentsOf(req.scope)
  const [memberships, rfm, run] = await Promise.all([
    segments.segmentsOfCustomer(req.params.id),
    segments.rfmOfCustomer(req.params.id),
    segments.latestRfmRun(),
  ])
  res.json({ segments: memberships, rfm: rfm ? { ...rfm, scored_at: run?.scored_at ?? null } : null })
}
