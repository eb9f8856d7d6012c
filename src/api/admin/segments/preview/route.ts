import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertRuleCapabilities } from "../../../../workflows/segments/rule-capabilities"
import { customersByIds, segmentsOf } from "../../../utils/admin-segments"
import type { AdminPreviewSegmentType } from "../validators"

const SAMPLE_SIZE = 10

/** How many customers the rules match now and a sample of them, before saving; nothing is written. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewSegmentType>, res: MedusaResponse) => {
  const { rules } = req.validatedBody
  assertRuleCapabilities(req.scope, rules)
  const { count, sample_ids } = await segmentsOf(req.scope).previewSegmentRule(rules, new Date(), SAMPLE_SIZE)
  res.json({ count, sample: await customersByIds(req.scope, sample_ids) })
}
