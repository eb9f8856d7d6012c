import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createCustomerGroupsWorkflow,
  createPromotionsWorkflow,
  deleteCustomerGroupsWorkflow,
  deletePromotionsWorkflow,
  updateCustomerGroupsWorkflow,
  updatePromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { lacksBenefits } from "../../../modules/loyalty/tiers/ladder"
import { tierPromotionOf, TierPromotionKind } from "../../../modules/loyalty/tiers/tier-promotions"
import { CrmModules } from "../../../types/modules"
import type { LoyaltyTierDTO } from "../../../types/tiers"

export const provisionTierBenefitsStepId = "crm-provision-tier-benefits"

type Created = { group_ids: string[]; promotion_ids: string[] }

export type ProvisionTierBenefitsInput = { only_missing?: boolean }

const groupNameOf = (tier: LoyaltyTierDTO) => `Loyalty tier: ${tier.name}`

/**
 * Makes Medusa mirror the ladder: a customer group per tier (named after
 * it), and per benefit an automatic promotion limited to that group (a
 * percentage off items, 100 % off shipping), active while the tier grants
 * the benefit and inactive otherwise. Everything goes through core
 * workflows; what exists and matches is left alone, so a run over an
 * unchanged ladder does nothing. Compensation deletes what the run created.
 */
export const provisionTierBenefitsStep = createStep(
  provisionTierBenefitsStepId,
  async (input: ProvisionTierBenefitsInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const ladder = await loyalty.tierLadder()
    // The order path only fills gaps; a full check reads every group and promotion.
    const tiers = input.only_missing ? ladder.filter(lacksBenefits) : ladder
    if (!tiers.length) {
      return new StepResponse(ladder, { group_ids: [], promotion_ids: [] } as Created)
    }
    const created: Created = { group_ids: [], promotion_ids: [] }
    try {
      await provisionTiers(container, loyalty, tiers, created)
    } catch (error) {
      // A step that throws is not compensated: undo this run's creations here.
      await removeCreated(container, created)
      throw error
    }
    return new StepResponse(await loyalty.tierLadder(), created)
  },
  async (created: Created | undefined, { container }) => {
    await removeCreated(container, created)
  }
)

async function removeCreated(container: MedusaContainer, created: Created | undefined) {
  if (created?.promotion_ids.length) {
    await deletePromotionsWorkflow(container).run({ input: { ids: created.promotion_ids } })
  }
  if (created?.group_ids.length) {
    await deleteCustomerGroupsWorkflow(container).run({ input: { ids: created.group_ids } })
  }
}

async function provisionTiers(
  container: MedusaContainer,
  loyalty: LoyaltyModuleService,
  tiers: LoyaltyTierDTO[],
  created: Created
) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const groupIds = tiers.map((t) => t.customer_group_id).filter((id): id is string => !!id)
    const { data: groups } = groupIds.length
      ? await query.graph({ entity: "customer_group", fields: ["id", "name"], filters: { id: groupIds } })
      : { data: [] as { id: string; name: string }[] }

    for (const tier of tiers) {
      const update: Partial<LoyaltyTierDTO> = {}
      let groupId = groups.find((g) => g.id === tier.customer_group_id)?.id ?? null
      if (!groupId) {
        const { result } = await createCustomerGroupsWorkflow(container).run({
          input: { customersData: [{ name: groupNameOf(tier), metadata: { crm_loyalty_tier_id: tier.id } }] },
        })
        groupId = result[0].id
        created.group_ids.push(groupId)
        update.customer_group_id = groupId
      } else if (groups.find((g) => g.id === groupId)?.name !== groupNameOf(tier)) {
        await updateCustomerGroupsWorkflow(container).run({
          input: { selector: { id: groupId }, update: { name: groupNameOf(tier) } },
        })
      }
      for (const kind of ["discount", "shipping"] as TierPromotionKind[]) {
        const column = kind === "discount" ? "discount_promotion_id" : "shipping_promotion_id"
        const promotionId = await provisionPromotion(container, tier, groupId, kind, tier[column], created)
        if (promotionId !== tier[column]) {
          update[column] = promotionId
        }
      }
      if (Object.keys(update).length) {
        await loyalty.updateLoyaltyTiers({ id: tier.id, ...update } as any)
      }
    }
}

/** Creates, updates or switches off the tier's promotion of one kind; returns its id (null when none is needed). */
async function provisionPromotion(
  container: MedusaContainer,
  tier: LoyaltyTierDTO,
  groupId: string,
  kind: TierPromotionKind,
  existingId: string | null,
  created: Created
): Promise<string | null> {
  const wanted = tierPromotionOf(tier, groupId, kind)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: found } = existingId
    ? await query.graph({
        entity: "promotion",
        fields: ["id", "status", "application_method.value", "rules.attribute", "rules.values.value"],
        filters: { id: existingId },
      })
    : { data: [] as any[] }
  const existing = found[0]
  if (!existing) {
    if (!wanted.active) {
      return null
    }
    const { result } = await createPromotionsWorkflow(container).run({ input: { promotionsData: [wanted.create] } })
    created.promotion_ids.push(result[0].id)
    return result[0].id
  }
  const status = wanted.active ? "active" : "inactive"
  const value = Number(existing.application_method?.value)
  const groupRule = (existing.rules ?? []).find((rule: any) => rule.attribute === "customer.groups.id")
  const ruleMatches = groupRule?.values?.some((v: any) => v.value === groupId)
  if (existing.status !== status || (wanted.active && value !== wanted.value) || !ruleMatches) {
    if (!ruleMatches) {
      // The group was replaced (deleted by hand): a new promotion is simpler than rewriting its rules.
      await deletePromotionsWorkflow(container).run({ input: { ids: [existing.id] } })
      return await provisionPromotion(container, tier, groupId, kind, null, created)
    }
    await updatePromotionsWorkflow(container).run({
      input: {
        promotionsData: [
          { id: existing.id, status, ...(wanted.active ? { application_method: { value: wanted.value } } : {}) },
        ],
      },
    })
  }
  return existing.id
}
