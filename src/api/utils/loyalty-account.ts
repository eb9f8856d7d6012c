import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import {
  AdminLoyaltyAccount,
  AdminLoyaltyTransaction,
  LoyaltyAccountDTO,
  StoreLoyaltyAccount,
} from "../../types/loyalty"
import { CrmModules } from "../../types/modules"
import type { TierStanding } from "./tier-standing"
import { ensureLoyaltyAccountsWorkflow } from "../../workflows/loyalty/workflows/ensure-loyalty-accounts"

/**
 * The customer's loyalty account, opened on the spot when the customer has
 * none yet: nothing may depend on `customer.created` having arrived.
 */
export async function retrieveOrOpenLoyaltyAccount(
  scope: MedusaContainer,
  customerId: string
): Promise<LoyaltyAccountDTO> {
  const loyalty: ILoyaltyModuleService = scope.resolve(CrmModules.LOYALTY)
  const existing = await loyalty.retrieveAccountByCustomer(customerId)
  if (existing) {
    return existing
  }
  const { result } = await ensureLoyaltyAccountsWorkflow(scope).run({
    input: { customer_ids: [customerId] },
  })
  return result.accounts[0]
}

export function toStoreLoyaltyAccount(
  account: LoyaltyAccountDTO,
  expiringPoints: StoreLoyaltyAccount["expiring_points"] = [],
  standing: TierStanding = NO_STANDING
): StoreLoyaltyAccount {
  return {
    id: account.id,
    customer_id: account.customer_id,
    points_balance: account.points_balance,
    available_points: Math.max(account.points_balance - account.held_points, 0),
    pending_points: account.pending_points,
    held_points: account.held_points,
    lifetime_points: account.lifetime_points,
    referral_code: account.referral_code,
    ...standing,
    expiring_points: expiringPoints,
  }
}

export function toAdminLoyaltyAccount(
  account: LoyaltyAccountDTO,
  expiringPoints: StoreLoyaltyAccount["expiring_points"],
  transactions: AdminLoyaltyTransaction[],
  referredByCustomerId: string | null = null,
  standing: TierStanding = NO_STANDING
): AdminLoyaltyAccount {
  return {
    ...toStoreLoyaltyAccount(account, expiringPoints, standing),
    referred_by_customer_id: referredByCustomerId,
    created_at: new Date(account.created_at).toISOString(),
    updated_at: new Date(account.updated_at).toISOString(),
    transactions,
  }
}

const NO_STANDING: TierStanding = {
  tier: null,
  tier_since: null,
  next_tier: null,
  points_to_next_tier: null,
  spend_to_next_tier: null,
  tier_progress: null,
}
