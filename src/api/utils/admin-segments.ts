import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { segmentsOf } from "../../workflows/segments/steps/segments-of"
import type { SegmentDTO } from "../../types/segments"

export { segmentsOf }

/** The API's segment: the row as stored, without internal metadata. */
export function toSegmentDTO(row: SegmentDTO & { metadata?: unknown; deleted_at?: unknown }): SegmentDTO {
  const { metadata: _metadata, deleted_at: _deleted, ...segment } = row
  return segment
}

/** A segment by id, 404 when there is none. */
export async function retrieveAdminSegment(container: MedusaContainer, id: string): Promise<SegmentDTO> {
  return toSegmentDTO((await segmentsOf(container).retrieveSegment(id)) as unknown as SegmentDTO)
}

/** A segment with the promotions created from it. */
export async function retrieveSegmentWithPromotions(container: MedusaContainer, id: string) {
  const segment = await retrieveAdminSegment(container, id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "segment",
    fields: ["id", "promotions.id", "promotions.code", "promotions.status", "promotions.is_automatic"],
    filters: { id },
  })
  const promotions = ((data[0] as any)?.promotions ?? []).filter(Boolean)
  return { ...segment, promotions }
}

export type CustomerSummary = { id: string; email: string | null; first_name: string | null; last_name: string | null; has_account: boolean }

/** Customers' names and e-mails by id (query.graph), in the order of the ids given. */
export async function customersByIds(container: MedusaContainer, ids: string[]): Promise<CustomerSummary[]> {
  if (!ids.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "has_account"],
    filters: { id: ids },
  })
  const byId = new Map((data as unknown as CustomerSummary[]).map((customer) => [customer.id, customer]))
  return ids.map((id) => byId.get(id)).filter((customer): customer is CustomerSummary => !!customer)
}
