import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const checkTicketSubjectStepId = "crm-check-ticket-subject"

export type TicketSubjectInput = { customer_id: string; order_id?: string | null; product_id?: string | null }

/**
 * The customer must exist; the order a ticket is about must be theirs (another customer's
 * order is "not found"); a product named with an order must be in it, and
 * one named alone must exist. Reads only.
 */
export const checkTicketSubjectStep = createStep(checkTicketSubjectStepId, async (input: TicketSubjectInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: input.customer_id } })
  if (!customers.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
  }
  if (input.order_id) {
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "customer_id", "items.product_id"],
      filters: { id: input.order_id },
    })
    if (!order || order.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    if (input.product_id && !(order.items ?? []).some((item) => item?.product_id === input.product_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The product ${input.product_id} is not part of order #${order.display_id}`)
    }
  } else if (input.product_id) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: input.product_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product with id: ${input.product_id} was not found`)
    }
  }
  return new StepResponse(undefined)
})
