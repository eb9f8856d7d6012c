import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { normalizeReferralCode } from "../../../../modules/loyalty/ledger/referral-code"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"
import type { LoyaltyAccountDTO } from "../../../../types/loyalty"
import { CrmModules } from "../../../../types/modules"
import { toStoreLoyaltyAccount } from "../../../utils/loyalty-account"
import { tierOnly } from "../../../utils/tier-standing"
import type { AdminGetLoyaltyAccountsParamsType } from "../validators"

const MAX_SEARCH_MATCHES = 1000

/**
 * Loyalty accounts, largest balance first, with their customer's name and
 * e-mail. `q` searches customers (e-mail, name) through the customer module,
 * and finds a member by their referral code.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLoyaltyAccountsParamsType>, res: MedusaResponse) => {
  const { limit, offset, q, tier_id } = req.validatedQuery as AdminGetLoyaltyAccountsParamsType
  const loyalty = req.scope.resolve<LoyaltyModuleService>(CrmModules.LOYALTY)
  const customerModule = req.scope.resolve(Modules.CUSTOMER)

  const filters: Record<string, unknown> = {}
  if (q) {
    const matches = await customerModule.listCustomers({ q }, { select: ["id"], take: MAX_SEARCH_MATCHES })
    const code = normalizeReferralCode(q)
    const byCustomer = { customer_id: matches.map((c) => c.id) }
    Object.assign(filters, code ? { $or: [byCustomer, { referral_code: code }] } : byCustomer)
  }
  if (tier_id) {
    filters.tier_id = tier_id
  }
  const [found, count] = await loyalty.listAndCountLoyaltyAccounts(filters, {
    take: limit,
    skip: offset,
    order: { points_balance: "DESC", id: "DESC" },
  })
  const accounts = found as unknown as LoyaltyAccountDTO[]
  const tiers = await loyalty.tierLadder()
  const customers = accounts.length
    ? await customerModule.listCustomers(
        { id: accounts.map((a) => a.customer_id) },
        { select: ["id", "email", "first_name", "last_name"] }
      )
    : []
  res.json({
    loyalty_accounts: accounts.map((account) => ({
      ...toStoreLoyaltyAccount(account, [], tierOnly(account, tiers)),
      created_at: account.created_at,
      customer: customers.find((c) => c.id === account.customer_id) ?? null,
    })),
    count,
    offset,
    limit,
  })
}
