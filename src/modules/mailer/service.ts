import type { CrmPluginOptions } from "../../config/plugin-options"
import { findShippedTemplatesDir } from "./package-root"
import {
  CrmEmailRenderer,
  RenderedEmail,
  RenderEmailOptions,
} from "./renderer"

export type { RenderedEmail, RenderEmailOptions } from "./renderer"

/** How rendered e-mails leave the store (from the `emails` plugin options). */
export type CrmEmailDeliverySettings = {
  /** `emails.enabled`: when false, e-mails are rendered but never sent. */
  enabled: boolean
  /** Notification channel, `emails.channel` ("email" by default). */
  channel: string
  /** Sender, `emails.from`, when set. */
  from?: string
}

export interface ICrmMailerService {
  /**
   * Renders a template's subject, HTML and text parts in a locale (falling
   * back to English file by file). HTML escapes all data; see `renderer.ts`
   * for the escaping policy of each part.
   */
  render(
    template: string,
    data?: Record<string, unknown>,
    options?: RenderEmailOptions
  ): RenderedEmail
  hasTemplate(template: string, options?: RenderEmailOptions): boolean
  listTemplates(): string[]
  resolveLocale(locale?: string | null): string
  getDeliverySettings(): CrmEmailDeliverySettings
  /** The `emails.store_name` and `emails.storefront_url` options (for pages and links outside e-mails too). */
  getStoreIdentity(): { store_name: string; storefront_url: string | null }
}

type InjectedDependencies = {
  /** Registered by the shared options loader (`src/config/validate-options-loader.ts`). */
  crmOptions: CrmPluginOptions
}

/**
 * The plugin's e-mail templates: shipped in the package under
 * `templates/emails`, overridable file by file from `emails.templates_dir`.
 * It renders only; sending goes through Medusa's Notification module
 * (`sendCrmEmailsWorkflow`), so any notification provider (SendGrid, Resend,
 * SMTP...) delivers them. No database models.
 */
export default class CrmMailerService implements ICrmMailerService {
  protected readonly options_: CrmPluginOptions
  protected readonly renderer_: CrmEmailRenderer

  constructor({ crmOptions }: InjectedDependencies) {
    this.options_ = crmOptions
    const { emails } = crmOptions
    this.renderer_ = new CrmEmailRenderer({
      shippedDir: findShippedTemplatesDir(__dirname),
      overrideDir: emails.templates_dir,
      defaultLocale: crmOptions.default_locale,
      commonData: {
        store_name: emails.store_name,
        storefront_url: emails.storefront_url,
      },
    })
  }

  render(
    template: string,
    data: Record<string, unknown> = {},
    options: RenderEmailOptions = {}
  ): RenderedEmail {
    return this.renderer_.render(template, data, options)
  }

  hasTemplate(template: string, options: RenderEmailOptions = {}): boolean {
    return this.renderer_.hasTemplate(template, options)
  }

  listTemplates(): string[] {
    return this.renderer_.listTemplates()
  }

  /** The locale an e-mail asked for in `locale` is rendered in. */
  resolveLocale(locale?: string | null): string {
    return this.renderer_.resolveLocale(locale)
  }

  getStoreIdentity(): { store_name: string; storefront_url: string | null } {
    const { store_name, storefront_url } = this.options_.emails
    return { store_name, storefront_url: storefront_url ?? null }
  }

  getDeliverySettings(): CrmEmailDeliverySettings {
    const { enabled, channel, from } = this.options_.emails
    return { enabled, channel, ...(from ? { from } : {}) }
  }
}
