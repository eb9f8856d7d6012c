import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ladderAfter, ladderProblem } from "../../../modules/loyalty/tiers/ladder"
import { CrmModules } from "../../../types/modules"
import type { LoyaltyTierDTO } from "../../../types/tiers"

export const saveTierStepId = "crm-save-tier"

export type TierFields = Partial<
  Pick<
    LoyaltyTierDTO,
    | "name"
    | "description"
    | "rank"
    | "threshold"
    | "multiplier"
    | "discount_percent"
    | "free_shipping"
    | "birthday_bonus_points"
    | "support_priority"
  >
>

/** `id` absent: a new tier (name and threshold required). */
export type SaveTierInput = TierFields & { id?: string }

type Undo = { created_id?: string; previous?: LoyaltyTierDTO; previous_ranks?: { id: string; rank: number }[] }

/**
 * Creates or changes a tier after checking the ladder it leaves behind
 * (thresholds rising strictly with rank), then renumbers the ranks 0..n-1
 * in ladder order. Compensation deletes the new tier or restores the old
 * values and ranks.
 */
export const saveTierStep = createStep(
  saveTierStepId,
  async (input: SaveTierInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const ladder = await loyalty.tierLadder()
    const previous = input.id ? ladder.find((tier) => tier.id === input.id) : undefined
    if (input.id && !previous) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty tier with id ${input.id} was not found`)
    }
    if (input.name && ladder.some((tier) => tier.id !== input.id && tier.name.toLowerCase() === input.name!.toLowerCase())) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `A tier named "${input.name}" already exists`)
    }
    const problem = ladderProblem(
      ladderAfter(ladder, { id: input.id ?? "new", rank: input.rank, threshold: input.threshold })
    )
    if (problem) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    const undo: Undo = { previous, previous_ranks: ladder.map((tier) => ({ id: tier.id, rank: tier.rank })) }
    const { rank, id, ...fields } = input
    let tierId = id
    if (id) {
      await loyalty.updateLoyaltyTiers({ id, ...fields } as any)
    } else {
      const top = Math.max(-1, ...ladder.map((tier) => tier.rank))
      const created = await loyalty.createLoyaltyTiers({ ...fields, rank: top + 1 } as any)
      tierId = (created as unknown as LoyaltyTierDTO).id
      undo.created_id = tierId
    }
    if (rank !== undefined || !id) {
      await loyalty.placeTierAtRank(tierId!, rank ?? Number.MAX_SAFE_INTEGER)
    }
    return new StepResponse((await loyalty.retrieveLoyaltyTier(tierId!)) as unknown as LoyaltyTierDTO, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    if (undo.created_id) {
      await loyalty.deleteLoyaltyTiers(undo.created_id)
    }
    if (undo.previous) {
      const { created_at, updated_at, rank, ...fields } = undo.previous as any
      await loyalty.updateLoyaltyTiers(fields)
      await loyalty.placeTierAtRank(undo.previous.id, rank)
    }
  }
)
