import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { CrmModules } from "../../src/types/modules"
import type { LoyaltyTierDTO, TierEvaluationResult } from "../../src/types/tiers"

/** What a re-evaluation that changes nothing answers. */
export const NOTHING_CHANGED: TierEvaluationResult = {
  upgraded: 0,
  downgraded: 0,
  grace_started: 0,
  grace_cleared: 0,
  group_links_added: 0,
  group_links_removed: 0,
}

export const loyaltyOf = (container: MedusaContainer): LoyaltyModuleService => container.resolve(CrmModules.LOYALTY)

/** The ladder by name. */
export async function tiersByName(container: MedusaContainer): Promise<Record<string, LoyaltyTierDTO>> {
  const tiers = await loyaltyOf(container).tierLadder()
  return Object.fromEntries(tiers.map((tier) => [tier.name, tier]))
}

/** The customer's tier name (null without one). */
export async function tierNameOf(container: MedusaContainer, customerId: string): Promise<string | null> {
  const loyalty = loyaltyOf(container)
  const account = await loyalty.retrieveAccountByCustomer(customerId)
  if (!account?.tier_id) {
    return null
  }
  return (await loyalty.tierLadder()).find((tier) => tier.id === account.tier_id)?.name ?? null
}

/** Tier-group memberships as "customer -> group name", sorted, for comparison with tiers. */
export async function tierGroupMemberships(container: MedusaContainer): Promise<string[]> {
  const tiers = await loyaltyOf(container).tierLadder()
  const groupIds = tiers.map((tier) => tier.customer_group_id).filter((id): id is string => !!id)
  const links = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerGroupCustomers({ customer_group_id: groupIds }, { select: ["customer_id", "customer_group_id"] })
  const nameOf = new Map(tiers.map((tier) => [tier.customer_group_id, tier.name]))
  return links.map((link) => `${link.customer_id} -> ${nameOf.get(link.customer_group_id)}`).sort()
}

/** Account tiers as "customer -> tier name", sorted, for members with a tier. */
export async function accountTiers(container: MedusaContainer): Promise<string[]> {
  const loyalty = loyaltyOf(container)
  const tiers = await loyalty.tierLadder()
  const accounts = (await loyalty.listLoyaltyAccounts({}, { select: ["customer_id", "tier_id"] })) as any[]
  return accounts
    .filter((account) => account.tier_id)
    .map((account) => `${account.customer_id} -> ${tiers.find((tier) => tier.id === account.tier_id)?.name}`)
    .sort()
}
