import fs from "fs"
import path from "path"
import { z } from "@medusajs/framework/zod"

export const SUPPORTED_LOCALES = ["en", "zh-CN"] as const

const existingFolder = z
  .string()
  .min(1)
  .transform((value) => path.resolve(process.cwd(), value))
  .refine((folder) => fs.existsSync(folder) && fs.statSync(folder).isDirectory(), {
    message: "must be a path to an existing folder",
  })

/**
 * The options a merchant may pass in `medusa-config.ts`:
 * `plugins: [{ resolve: "medusa-plugin-crm", options: { ... } }]`.
 * Unknown keys are rejected so that a typo never silently falls back to a
 * default. Defaults are documented in the README ("Options").
 */
export const crmPluginOptionsSchema = z
  .object({
    /** Language of e-mails when the customer's own is unknown. */
    default_locale: z.enum(SUPPORTED_LOCALES).default("en"),
    emails: z
      .object({
        /** Turn every e-mail of the plugin off (rendering still works). */
        enabled: z.boolean().default(true),
        /**
         * A folder whose files override the shipped templates one by one,
         * in the same layout (`<locale>/<template>/{subject,html,text}.hbs`,
         * `layouts/`, `partials/`). Relative paths start at the store's root.
         */
        templates_dir: existingFolder.optional(),
        /** Notification channel the e-mails are sent on. */
        channel: z.string().min(1).default("email"),
        /** Sender passed to the notification provider, when set. */
        from: z.string().email().optional(),
        /** Shop name shown in e-mail headers and footers. */
        store_name: z.string().min(1).default("Our store"),
        /** Storefront base URL used for links in e-mails. */
        storefront_url: z.string().url().optional(),
      })
      .strict()
      .default({
        enabled: true,
        channel: "email",
        store_name: "Our store",
      }),
  })
  .strict()

export type CrmPluginOptionsInput = z.input<typeof crmPluginOptionsSchema>
export type CrmPluginOptions = z.output<typeof crmPluginOptionsSchema>

export class CrmOptionsError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `medusa-plugin-crm: invalid plugin options in medusa-config.ts:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n")
    )
    this.name = "CrmOptionsError"
  }
}

const describeIssue = (issue: z.core.$ZodIssue): string => {
  const where = issue.path.length ? issue.path.join(".") : "(options)"
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length ? `${issue.path.join(".")}.` : ""
    return `${issue.keys.map((key) => `"${prefix}${key}"`).join(", ")}: unknown option`
  }
  return `"${where}": ${issue.message}`
}

/**
 * Keys Medusa itself adds to every module's options (its database connection,
 * search index registrations); they are not the merchant's to set.
 */
const MEDUSA_MODULE_OPTION_KEYS = ["database", "indexes"]

/** The merchant's options out of what a module loader receives. */
export function pluginOptionsFromModuleOptions(
  moduleOptions: Record<string, unknown> | undefined
): Record<string, unknown> {
  const own = { ...(moduleOptions ?? {}) }
  for (const key of MEDUSA_MODULE_OPTION_KEYS) {
    delete own[key]
  }
  return own
}

/**
 * Validates raw plugin options and fills in defaults. Throws a
 * `CrmOptionsError` naming every bad option and what is allowed instead.
 */
export function parseCrmPluginOptions(raw: unknown): CrmPluginOptions {
  const result = crmPluginOptionsSchema.safeParse(raw ?? {})
  if (!result.success) {
    throw new CrmOptionsError(result.error.issues.map(describeIssue))
  }
  return result.data
}
