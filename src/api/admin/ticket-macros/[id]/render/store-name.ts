import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CrmModules } from "../../../../../types/modules"

/**
 * `emails.store_name` as the merchant set it, or null. The plugin's options
 * reach every module of the plugin (Medusa merges a plugin's modules into
 * the config with its options); the mailer is always one of them. The
 * default name e-mails fall back on is not used: a canned response should
 * rather report `store.name` missing than say "Our store".
 */
export function storeNameOf(scope: MedusaContainer): string | null {
  const { modules } = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const mailer = (modules as Record<string, unknown> | undefined)?.[CrmModules.MAILER]
  const options = mailer && typeof mailer === "object" ? (mailer as { options?: { emails?: { store_name?: unknown } } }).options : undefined
  const name = options?.emails?.store_name
  return typeof name === "string" && name.trim() ? name : null
}
