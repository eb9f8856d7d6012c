import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { fieldDefinition, MODULE_OF_SOURCE } from "../../modules/segments/rules/fields"
import { conditionsOf, type SegmentRule } from "../../modules/segments/rules/rule"

/**
 * A rule may only name fields whose data this store has: a field read from a
 * CRM module that is not registered (a store that left it out) is a 400
 * naming the field and the capability, not an SQL error.
 */
export function assertRuleCapabilities(container: MedusaContainer, rule: SegmentRule) {
  for (const condition of conditionsOf(rule)) {
    const needs = MODULE_OF_SOURCE[fieldDefinition(condition.field).source]
    if (needs && !container.hasRegistration(needs.module)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The field ${condition.field} needs the ${needs.capability} capability (module ${needs.module}), which this store does not have`
      )
    }
  }
}
