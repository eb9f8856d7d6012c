import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../modules/loyalty/service"
import type { StoreLoyaltyAccountResponse } from "../../../../types/loyalty"
import { CrmModules } from "../../../../types/modules"
import {
  retrieveOrOpenLoyaltyAccount,
  toStoreLoyaltyAccount,
} from "../../../utils/loyalty-account"
import { tierStandingOf } from "../../../utils/tier-standing"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreLoyaltyAccountResponse>
) => {
  const account = await retrieveOrOpenLoyaltyAccount(
    req.scope,
    req.auth_context.actor_id
  )
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  res.json({
    loyalty_account: toStoreLoyaltyAccount(
      account,
      await loyalty.expiringPointsOf(account.id),
      await tierStandingOf(req.scope, account)
    ),
  })
}
