import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentRule } from "../../../modules/segments/rules/rule"
import type { SegmentDTO, SegmentRefreshMode } from "../../../types/segments"
import { assertRuleCapabilities } from "../rule-capabilities"
import { segmentsOf } from "./segments-of"

export type SegmentFields = {
  name: string
  description?: string | null
  rules: SegmentRule
  refresh: SegmentRefreshMode
}

async function assertNameFree(container: Parameters<typeof segmentsOf>[0], name: string, exceptId?: string) {
  const [existing] = await segmentsOf(container).listSegments({ name }, { select: ["id"], take: 1 })
  if (existing && existing.id !== exceptId) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `A segment named "${name}" already exists`)
  }
}

export const createSegmentStep = createStep(
  "crm-create-segment",
  async (input: SegmentFields, { container }) => {
    assertRuleCapabilities(container, input.rules)
    await assertNameFree(container, input.name)
    const segment = await segmentsOf(container).createSegments({
      name: input.name,
      description: input.description ?? null,
      rules: input.rules as unknown as Record<string, unknown>,
      refresh: input.refresh,
    })
    return new StepResponse(segment as unknown as SegmentDTO, segment.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await segmentsOf(container).deleteSegments(id)
    }
  }
)

export type SegmentUpdate = Partial<SegmentFields> & { id: string; customer_group_id?: string }

/** Changes a segment; compensation puts the fields back as they were. */
export const updateSegmentStep = createStep(
  "crm-update-segment",
  async (input: SegmentUpdate, { container }) => {
    const segments = segmentsOf(container)
    const before = await segments.retrieveSegment(input.id)
    if (input.rules) {
      assertRuleCapabilities(container, input.rules)
    }
    if (input.name !== undefined && input.name !== before.name) {
      await assertNameFree(container, input.name, input.id)
    }
    const { id, rules, ...rest } = input
    const segment = await segments.updateSegments({
      id,
      ...rest,
      ...(rules ? { rules: rules as unknown as Record<string, unknown> } : {}),
    })
    const previous = {
      id,
      ...Object.fromEntries(Object.keys(input).filter((key) => key !== "id").map((key) => [key, (before as any)[key]])),
    }
    return new StepResponse({ before: before as unknown as SegmentDTO, segment: segment as unknown as SegmentDTO }, previous)
  },
  async (previous: Record<string, unknown> | undefined, { container }) => {
    if (previous) {
      await segmentsOf(container).updateSegments(previous as any)
    }
  }
)

/** Soft-deletes a segment (compensation restores it). */
export const deleteSegmentStep = createStep(
  "crm-delete-segment",
  async (input: { id: string }, { container }) => {
    const segments = segmentsOf(container)
    const segment = await segments.retrieveSegment(input.id)
    await segments.softDeleteSegments(input.id)
    return new StepResponse(segment as unknown as SegmentDTO, input.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await segmentsOf(container).restoreSegments(id)
    }
  }
)

/** A deleted segment's member rows: removed last, when nothing can fail after. */
export const purgeSegmentMembersStep = createStep("crm-purge-segment-members", async (input: { ids: string[] }, { container }) => {
  await segmentsOf(container).removeSegmentMembers(input.ids)
  return new StepResponse(undefined)
})
