import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ICrmMailerService } from "../../modules/mailer/service"
import { CrmModules } from "../../types/modules"
import type { TokenInvitation } from "../../modules/surveys/responses"
import { NPS_PROMOTER_MIN } from "../../modules/surveys/scores"
import type { SurveyResponseDTO } from "../../types/surveys"

export type ReviewProduct = { product_id: string; title: string; url: string | null }

/**
 * The products a promoter (NPS 9-10) of an order-survey is asked to review
 * when the survey has `review_prompt`: the order's products, each linking
 * to its storefront page (`emails.storefront_url` + `/products/<handle>`)
 * when the storefront's address is known.
 */
export async function reviewProductsFor(
  container: MedusaContainer,
  invitation: Pick<TokenInvitation, "source_type" | "source_id" | "survey">,
  response: Pick<SurveyResponseDTO, "score">
): Promise<ReviewProduct[]> {
  const promoter = invitation.survey.type === "nps" && response.score !== null && response.score >= NPS_PROMOTER_MIN
  if (!promoter || !invitation.survey.review_prompt || invitation.source_type !== "order" || !invitation.source_id) {
    return []
  }
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.product_id", "items.product_title", "items.product_handle"],
    filters: { id: invitation.source_id },
  })
  const storefront = container.resolve<ICrmMailerService>(CrmModules.MAILER).getStoreIdentity().storefront_url?.replace(/\/+$/, "") ?? null
  const products = new Map<string, ReviewProduct>()
  for (const item of (orders[0]?.items ?? []).filter(Boolean) as { product_id?: string | null; product_title?: string | null; product_handle?: string | null }[]) {
    if (item.product_id && !products.has(item.product_id)) {
      products.set(item.product_id, {
        product_id: item.product_id,
        title: item.product_title ?? "",
        url: storefront && item.product_handle ? `${storefront}/products/${encodeURIComponent(item.product_handle)}` : null,
      })
    }
  }
  return [...products.values()]
}
