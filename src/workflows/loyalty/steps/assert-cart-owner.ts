import { createStep } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"

export const assertCartOwnerStepId = "crm-assert-cart-owner"

/** Someone else's cart answers as an unknown one (404). */
export const assertCartOwnerStep = createStep(
  assertCartOwnerStepId,
  async (input: { cart?: { customer_id: string | null }; customer_id?: string }) => {
    if (input.customer_id && (!input.cart || input.cart.customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "Cart was not found")
    }
  }
)
