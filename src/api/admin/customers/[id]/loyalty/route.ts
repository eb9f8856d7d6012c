import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import type { AdminCustomerLoyaltyResponse, LoyaltyAccountDTO } from "../../../../../types/loyalty"
import { CrmModules } from "../../../../../types/modules"
import {
  retrieveOrOpenLoyaltyAccount,
  toAdminLoyaltyAccount,
} from "../../../../utils/loyalty-account"
import { tierStandingOf } from "../../../../utils/tier-standing"
import { CUSTOMER_VISIBLE_ENTRY_TYPES, toTransaction } from "../../../../utils/loyalty-transactions"

const RECENT_TRANSACTIONS = 20

/** 404 unless the customer exists. */
export async function assertCustomerExists(scope: MedusaContainer, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
  }
}

/** The account as the admin sees it, with its most recent ledger lines. */
export async function adminLoyaltyAccountOf(scope: MedusaContainer, customerId: string) {
  const account = await retrieveOrOpenLoyaltyAccount(scope, customerId)
  const loyalty = scope.resolve<LoyaltyModuleService>(CrmModules.LOYALTY)
  const [{ entries, lots }, expiring, [referrer], standing] = await Promise.all([
    loyalty.pageOfLedger(account.id, { limit: RECENT_TRANSACTIONS, offset: 0, types: CUSTOMER_VISIBLE_ENTRY_TYPES }),
    loyalty.expiringPointsOf(account.id),
    account.referred_by_account_id
      ? loyalty.listLoyaltyAccounts({ id: account.referred_by_account_id }, { select: ["customer_id"], withDeleted: true })
      : [],
    tierStandingOf(scope, account),
  ])
  return toAdminLoyaltyAccount(
    account,
    expiring,
    entries.map((entry) => toTransaction(entry, lots.find((lot) => lot.entry_id === entry.id))),
    (referrer as LoyaltyAccountDTO | undefined)?.customer_id ?? null,
    standing
  )
}

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerLoyaltyResponse>
) => {
  await assertCustomerExists(req.scope, req.params.id)
  res.json({ loyalty_account: await adminLoyaltyAccountOf(req.scope, req.params.id) })
}
