/** Customers to add to and remove from one customer group. */
export type GroupLinkChange = { group_id: string; add: string[]; remove: string[] }

/**
 * What to change so that each customer is in their wanted tier group (none
 * when `group_id` is null) and in no other: `current` holds the customers'
 * memberships in tier groups only.
 */
export function groupDiff(
  wanted: { customer_id: string; group_id: string | null }[],
  current: { customer_id: string; group_id: string }[]
): GroupLinkChange[] {
  const byGroup = new Map<string, GroupLinkChange>()
  const changeOf = (groupId: string) => {
    if (!byGroup.has(groupId)) {
      byGroup.set(groupId, { group_id: groupId, add: [], remove: [] })
    }
    return byGroup.get(groupId)!
  }
  const wantedOf = new Map(wanted.map((w) => [w.customer_id, w.group_id]))
  const has = new Set(current.map((m) => `${m.customer_id}\u0000${m.group_id}`))
  for (const [customerId, groupId] of wantedOf) {
    if (groupId && !has.has(`${customerId}\u0000${groupId}`)) {
      changeOf(groupId).add.push(customerId)
    }
  }
  for (const membership of current) {
    if (wantedOf.has(membership.customer_id) && wantedOf.get(membership.customer_id) !== membership.group_id) {
      changeOf(membership.group_id).remove.push(membership.customer_id)
    }
  }
  return [...byGroup.values()].filter((change) => change.add.length || change.remove.length)
}
