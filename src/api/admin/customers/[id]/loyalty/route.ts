import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import type { AdminCustomerLoyaltyResponse } from "../../../../../types/loyalty"
import {
  retrieveOrOpenLoyaltyAccount,
  toAdminLoyaltyAccount,
} from "../../../../utils/loyalty-account"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminCustomerLoyaltyResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "has_account"],
    filters: { id: req.params.id },
  })
  if (!customer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Customer with id: ${req.params.id} was not found`
    )
  }

  const account = await retrieveOrOpenLoyaltyAccount(req.scope, customer.id)
  res.json({ loyalty_account: toAdminLoyaltyAccount(account) })
}
