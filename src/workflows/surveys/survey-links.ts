import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SurveySettingsDTO } from "../../types/surveys"

const absoluteHttpUrl = (value: string | null | undefined): URL | null => {
  if (!value) {
    return null
  }
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:" ? url : null
  } catch {
    return null
  }
}

/**
 * Where invitation links point (the token is appended): the settings'
 * `link_base_url`, else this server's hosted page under Medusa's
 * `admin.backendUrl` (MEDUSA_BACKEND_URL) when that is absolute; null when
 * neither is known (the default backendUrl "/" is relative).
 */
export function surveyLinkBase(container: MedusaContainer, settings: Pick<SurveySettingsDTO, "link_base_url">): string | null {
  const configured = absoluteHttpUrl(settings.link_base_url)
  if (configured) {
    return configured.href.replace(/\/+$/, "")
  }
  const { admin } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const backend = absoluteHttpUrl(admin?.backendUrl)
  return backend ? `${backend.href.replace(/\/+$/, "")}/surveys` : null
}

export const surveyLink = (base: string, token: string) => `${base}/${token}`
