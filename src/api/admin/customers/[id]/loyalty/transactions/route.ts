import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../../../modules/loyalty/service"
import { CrmModules } from "../../../../../../types/modules"
import type { ListParams } from "../../../../../utils/list-params"
import { retrieveOrOpenLoyaltyAccount } from "../../../../../utils/loyalty-account"
import { toTransaction } from "../../../../../utils/loyalty-transactions"
import { assertCustomerExists } from "../route"

/** A customer's whole ledger, newest first, every entry type (the admin also sees activations). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, ListParams>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as ListParams
  await assertCustomerExists(req.scope, req.params.id)
  const account = await retrieveOrOpenLoyaltyAccount(req.scope, req.params.id)
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  const { entries, lots, count } = await loyalty.pageOfLedger(account.id, { limit, offset })
  res.json({
    transactions: entries.map((entry) => toTransaction(entry, lots.find((lot) => lot.entry_id === entry.id))),
    count,
    offset,
    limit,
  })
}
