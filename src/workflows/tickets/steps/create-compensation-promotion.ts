import { randomBytes } from "crypto"
import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, deletePromotionsWorkflow } from "@medusajs/medusa/core-flows"
import type { TicketPromotionValueType } from "../../../types/tickets"

export const createCompensationPromotionStepId = "crm-create-ticket-compensation-promotion"

export type CompensationPromotionInput = {
  ticket_id: string
  display_id: number
  customer_id: string
  type: TicketPromotionValueType
  value: number
  currency_code: string | null
}

/** A code nobody guesses: 10 characters of an alphabet without look-alikes. */
function compensationCode() {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
  return `SORRY-${Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join("")}`
}

/**
 * A core Medusa promotion code only the ticket's customer can use, once: a
 * rule on the cart's customer and a usage limit of one. Off the order's
 * total (a percentage, or a fixed amount in one currency). Compensation
 * deletes it.
 */
export const createCompensationPromotionStep = createStep(
  createCompensationPromotionStepId,
  async (input: CompensationPromotionInput, { container }) => {
    const promotion: CreatePromotionDTO = {
      code: compensationCode(),
      type: "standard",
      status: "active",
      is_automatic: false,
      limit: 1,
      application_method: {
        type: input.type,
        target_type: "order",
        allocation: "across",
        value: input.value,
        ...(input.type === "fixed" ? { currency_code: input.currency_code ?? undefined } : {}),
      },
      rules: [{ attribute: "customer.id", operator: "in", values: [input.customer_id] }],
      metadata: { crm_ticket_id: input.ticket_id, crm_ticket_display_id: input.display_id },
    }
    const { result } = await createPromotionsWorkflow(container).run({ input: { promotionsData: [promotion] } })
    const created = { id: result[0].id, code: result[0].code as string }
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await deletePromotionsWorkflow(container).run({ input: { ids: [id] } })
    }
  }
)
