import type { MedusaContainer } from "@medusajs/framework/types"
import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import type { GroupLinkChange } from "../../modules/loyalty/tiers/group-diff"

/** Customers per run of Medusa's group workflow: bounds each transaction and the memory it holds. */
export const GROUP_LINK_CHUNK = 5000

/**
 * Applies customer-group membership changes through Medusa's
 * `linkCustomersToCustomerGroupWorkflow` (so customers join and leave groups
 * as they would from the admin), at most `GROUP_LINK_CHUNK` additions and
 * removals per run. An empty change runs nothing.
 */
export async function applyGroupLinkChanges(container: MedusaContainer, changes: GroupLinkChange[]) {
  for (const change of changes) {
    for (let i = 0; i < Math.max(change.add.length, change.remove.length); i += GROUP_LINK_CHUNK) {
      await linkCustomersToCustomerGroupWorkflow(container).run({
        input: {
          id: change.group_id,
          add: change.add.slice(i, i + GROUP_LINK_CHUNK),
          remove: change.remove.slice(i, i + GROUP_LINK_CHUNK),
        },
      })
    }
  }
}

/** The change that undoes `change` (a step's compensation). */
export const oppositeGroupLinkChange = (change: GroupLinkChange): GroupLinkChange => ({
  group_id: change.group_id,
  add: change.remove,
  remove: change.add,
})
