import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreLoyaltyAccountResponse } from "../../../../types/loyalty"
import {
  retrieveOrOpenLoyaltyAccount,
  toStoreLoyaltyAccount,
} from "../../../utils/loyalty-account"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<StoreLoyaltyAccountResponse>
) => {
  const account = await retrieveOrOpenLoyaltyAccount(
    req.scope,
    req.auth_context.actor_id
  )
  res.json({ loyalty_account: toStoreLoyaltyAccount(account) })
}
