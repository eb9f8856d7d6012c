import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { OPS_OF_TYPE, SEGMENT_FIELD_NAMES, SEGMENT_FIELDS, type FieldDefinition } from "../../../../modules/segments/rules/fields"
import { CrmModules } from "../../../../types/modules"

/** What the rule builder offers: each field with its type, ops and, for enums, the values (tiers from the ladder). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const tiers = req.scope.hasRegistration(CrmModules.LOYALTY)
    ? await (req.scope.resolve(CrmModules.LOYALTY) as any).tierLadder()
    : []
  res.json({
    fields: SEGMENT_FIELD_NAMES.map((field) => {
      const definition: FieldDefinition = SEGMENT_FIELDS[field]
      const values =
        field === "tier_id"
          ? tiers.map((tier: { id: string; name: string }) => ({ value: tier.id, label: tier.name }))
          : definition.values?.map((value) => ({ value, label: definition.valueLabels?.[value] ?? value }))
      return {
        field,
        label: definition.label,
        type: definition.type,
        ops: OPS_OF_TYPE[definition.type].filter((op) => op !== "exists" || definition.nullable),
        nullable: definition.nullable,
        ...(definition.min !== undefined ? { min: definition.min } : {}),
        ...(definition.max !== undefined ? { max: definition.max } : {}),
        ...(values ? { values } : {}),
      }
    }),
  })
}
