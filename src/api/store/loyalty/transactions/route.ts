import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../modules/loyalty/service"
import type { StoreLoyaltyTransactionsResponse } from "../../../../types/loyalty"
import { CrmModules } from "../../../../types/modules"
import { retrieveOrOpenLoyaltyAccount } from "../../../utils/loyalty-account"
import { CUSTOMER_VISIBLE_ENTRY_TYPES, toTransaction } from "../../../utils/loyalty-transactions"
import type { StoreGetLoyaltyTransactionsParamsType } from "../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetLoyaltyTransactionsParamsType>,
  res: MedusaResponse<StoreLoyaltyTransactionsResponse>
) => {
  const { limit, offset } = req.validatedQuery as StoreGetLoyaltyTransactionsParamsType
  const account = await retrieveOrOpenLoyaltyAccount(req.scope, req.auth_context.actor_id)
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  const { entries, lots, count } = await loyalty.pageOfLedger(account.id, {
    limit,
    offset,
    types: CUSTOMER_VISIBLE_ENTRY_TYPES,
  })
  res.json({
    transactions: entries.map((entry) => toTransaction(entry, lots.find((lot) => lot.entry_id === entry.id))),
    count,
    offset,
    limit,
  })
}
