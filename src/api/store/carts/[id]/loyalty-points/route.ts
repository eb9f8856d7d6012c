import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyPointsToCartWorkflow } from "../../../../../workflows/loyalty/workflows/apply-points-to-cart"
import { releaseCartPointsWorkflow } from "../../../../../workflows/loyalty/workflows/release-cart-points"
import { cartWithPoints } from "../../../../utils/cart-with-points"
import { answeringConflicts } from "../../../../utils/conflict"
import type { StoreApplyLoyaltyPointsType } from "../../validators"

/** Pays part of the cart with points (held until the order is placed). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyLoyaltyPointsType>, res: MedusaResponse) => {
  const applied = await answeringConflicts(res, () =>
    applyPointsToCartWorkflow(req.scope).run({
      input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, points: req.validatedBody.points },
    })
  )
  if (applied) {
    res.json({ cart: await cartWithPoints(req.scope, req.params.id) })
  }
}

/** Takes the points off the cart and releases them. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await releaseCartPointsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, reason: "removed_by_customer" },
  })
  res.json({ cart: await cartWithPoints(req.scope, req.params.id) })
}
