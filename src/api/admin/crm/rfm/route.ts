import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scoreRfmWorkflow } from "../../../../workflows/segments/workflows/score-rfm"
import { segmentsOf } from "../../../utils/admin-segments"

/** Customers per RFM group (all ten, best first) as of the last scoring. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await segmentsOf(req.scope).rfmDistribution())
}

/** Scores every customer now, then answers the new distribution. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await scoreRfmWorkflow(req.scope).run({ input: {} })
  res.json(await segmentsOf(req.scope).rfmDistribution())
}
