import fs from "fs"
import path from "path"
import Handlebars from "handlebars"
import { MedusaError } from "@medusajs/framework/utils"

/** The three parts every e-mail template has, one file each. */
export const EMAIL_PARTS = ["subject", "html", "text"] as const
export type EmailPart = (typeof EMAIL_PARTS)[number]

/** The locale whose files stand in for any file another locale lacks. */
export const FALLBACK_LOCALE = "en"

export type RenderedEmail = {
  subject: string
  html: string
  text: string
  /** The locale actually rendered (after resolving the one asked for). */
  locale: string
}

export type RenderEmailOptions = {
  /** BCP 47 tag such as "zh-CN"; unknown ones fall back (see `resolveLocale`). */
  locale?: string | null
}

export type CrmEmailRendererOptions = {
  /** The package's own templates (`<package>/templates/emails`). */
  shippedDir: string
  /** The merchant's folder (`emails.templates_dir`); its files win one by one. */
  overrideDir?: string
  /** Locale used when none (or an unknown one) is asked for. */
  defaultLocale?: string
  /** Data every template sees, e.g. `store_name`, `storefront_url`. */
  commonData?: Record<string, unknown>
}

/**
 * How data is escaped, by part (a deliberate choice, keep it):
 *
 * - `html`: Handlebars' default, `{{ }}` HTML-escapes every value
 *   (`& < > " ' \` =`), also in attributes. Only the layout uses `{{{body}}}`,
 *   for the body it rendered itself (already escaped). Escaping does not make
 *   a URL safe in `href`, so links go through the `safe_url` helper.
 * - `text` and `subject`: rendered with `noEscape`. They are plain text, not
 *   markup: an entity such as `&lt;` would be shown literally to the reader,
 *   and nothing in a text part is interpreted by the mail client. The risk
 *   in a subject is header injection instead, so every CR/LF (and any other
 *   control or line-separator character) in the rendered subject becomes a
 *   space: whatever the data holds, the subject stays one header line.
 *   Providers that build MIME messages still encode the header themselves.
 *
 * Data is never compiled: `{{` inside a value is printed, not evaluated.
 * Prototype access stays disabled (Handlebars >= 4.6 default; no
 * `allowProto*` runtime option is ever passed), so templates cannot reach
 * `constructor` or `__proto__` of the data.
 */
type Mode = "html" | "text"

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]*$/i
const LOCALE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i
const PARTIAL_NAME = /^[a-z0-9][a-z0-9_-]*$/i
/** Top-level folders that are not locales. */
const SHARED_FOLDERS = new Set(["layouts", "partials"])
const DEFAULT_LAYOUT = "default"

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

const listDir = (folder: string): fs.Dirent[] => {
  try {
    return fs.readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)]

/** One header line: control characters and line separators become spaces. */
export function toSubjectLine(rendered: string): string {
  return rendered
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim()
}

/** Tidy whitespace left by template tags; one trailing newline. */
const normalizeText = (rendered: string): string =>
  rendered
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim() + "\n"

/**
 * `{{safe_url base "path" ...}}`: `base` when it is an absolute http(s) (or,
 * without paths, mailto) URL, with the paths appended; otherwise "" so that
 * `{{#if (safe_url ...)}}` hides the link. Appended paths cannot leave the
 * base's origin.
 */
function safeUrlHelper(...args: unknown[]): string {
  const [base, ...paths] = args.slice(0, -1) // the last argument is Handlebars' options
  if (typeof base !== "string" || !base.trim()) {
    return ""
  }
  let url: URL
  try {
    url = new URL(base.trim())
  } catch {
    return ""
  }
  const segments = paths
    .map((segment) => (segment == null ? "" : String(segment)).replace(/^\/+|\/+$/g, ""))
    .filter(Boolean)
  if (!segments.length) {
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : ""
  }
  if (!["http:", "https:"].includes(url.protocol)) {
    return ""
  }
  try {
    const joined = new URL(`${url.href.replace(/\/+$/, "")}/${segments.join("/")}`)
    return joined.origin === url.origin ? joined.href : ""
  } catch {
    return ""
  }
}

/** `{{format_number value}}`: grouped digits in the e-mail's locale. */
function formatNumberHelper(value: unknown, options: Handlebars.HelperOptions): string {
  if (value === null || value === undefined || value === "") {
    return ""
  }
  const number = typeof value === "number" ? value : Number(value)
  if (!Number.isFinite(number)) {
    return String(value)
  }
  const locale = options?.data?.root?.locale
  try {
    return new Intl.NumberFormat(typeof locale === "string" ? locale : FALLBACK_LOCALE).format(number)
  } catch {
    return String(number)
  }
}

const templateError = (message: string) =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `medusa-plugin-crm: ${message}`)

/**
 * Renders the plugin's e-mails from Handlebars files.
 *
 * Lookup of any file (a template part, a layout, a partial), most specific
 * first; at each step the merchant's folder before the shipped one:
 *   1. `<locale>/<file>`
 *   2. `en/<file>` (when the locale has no such file)
 *   3. `<file>` (layouts and partials only: the shared ones)
 * so a merchant overrides one file by putting just that file in their folder.
 * Compiled templates and lookups are cached for the life of the process.
 */
export class CrmEmailRenderer {
  protected readonly hbs: typeof Handlebars
  protected readonly roots: string[]
  protected readonly defaultLocale: string
  protected readonly commonData: Record<string, unknown>

  protected readonly compiled = new Map<string, Handlebars.TemplateDelegate>()
  protected readonly files = new Map<string, string | null>()
  protected readonly partialSets = new Map<string, Record<string, Handlebars.TemplateDelegate>>()
  protected locales?: string[]

  constructor(options: CrmEmailRendererOptions) {
    this.roots = unique(
      [options.overrideDir, options.shippedDir]
        .filter((dir): dir is string => !!dir)
        .map((dir) => path.resolve(dir))
    )
    this.defaultLocale = options.defaultLocale ?? FALLBACK_LOCALE
    this.commonData = { ...(options.commonData ?? {}) }

    // A private environment: nothing another package registers on the global
    // Handlebars leaks in, and ours leak nowhere.
    this.hbs = Handlebars.create()
    this.hbs.registerHelper("safe_url", safeUrlHelper)
    this.hbs.registerHelper("format_number", formatNumberHelper)
  }

  /** Renders subject, HTML and text of `template` in the given locale. */
  render(
    template: string,
    data: Record<string, unknown> = {},
    options: RenderEmailOptions = {}
  ): RenderedEmail {
    this.assertTemplateName(template)
    const locale = this.resolveLocale(options.locale)
    // The caller's data may override the store-wide values (e.g. a store name
    // per sales channel); `locale` and `year` always describe this rendering.
    const context: Record<string, unknown> = {
      ...this.commonData,
      ...data,
      locale,
      year: new Date().getFullYear(),
    }

    const subject = toSubjectLine(this.renderPart(template, "subject", locale, context))
    const frame = { ...context, subject }

    const htmlBody = this.renderPart(template, "html", locale, context)
    const html = this.renderLayout("html", locale, {
      ...frame,
      body: new this.hbs.SafeString(htmlBody),
    }).trim()

    const textBody = normalizeText(this.renderPart(template, "text", locale, context))
    const text = normalizeText(this.renderLayout("text", locale, { ...frame, body: textBody }))

    return { subject, html, text, locale }
  }

  /** Whether every part of `template` exists for the locale (or in English). */
  hasTemplate(template: string, options: RenderEmailOptions = {}): boolean {
    if (!TEMPLATE_NAME.test(template) || SHARED_FOLDERS.has(template)) {
      return false
    }
    const locale = this.resolveLocale(options.locale)
    return EMAIL_PARTS.every((part) => !!this.findFile(locale, path.join(template, `${part}.hbs`)))
  }

  /** Names of the templates found in any locale, shipped or overridden. */
  listTemplates(): string[] {
    const names = new Set<string>()
    for (const root of this.roots) {
      for (const locale of this.localesIn(root)) {
        for (const entry of listDir(path.join(root, locale))) {
          if (entry.isDirectory() && !SHARED_FOLDERS.has(entry.name) && TEMPLATE_NAME.test(entry.name)) {
            names.add(entry.name)
          }
        }
      }
    }
    return [...names].sort()
  }

  /**
   * The locale to render: the one asked for if a folder for it exists
   * (case-insensitive), else one of the same language ("zh" or "zh-TW" ->
   * "zh-CN", "en-US" -> "en"), else the default locale. Anything that is not
   * a well-formed tag (e.g. "../x") is ignored, never used in a path.
   */
  resolveLocale(requested?: string | null): string {
    const known = this.knownLocales()
    const byTag = (tag: string) => known.find((locale) => locale.toLowerCase() === tag.toLowerCase())
    const language = (tag: string) => tag.split("-")[0].toLowerCase()
    if (requested && LOCALE_TAG.test(requested)) {
      const match =
        byTag(requested) ?? known.find((locale) => language(locale) === language(requested))
      if (match) {
        return match
      }
    }
    return byTag(this.defaultLocale) ?? FALLBACK_LOCALE
  }

  /** Forget compiled templates and lookups (e.g. after editing templates). */
  clearCache(): void {
    this.compiled.clear()
    this.files.clear()
    this.partialSets.clear()
    this.locales = undefined
  }

  protected assertTemplateName(template: string) {
    if (typeof template !== "string" || !TEMPLATE_NAME.test(template) || SHARED_FOLDERS.has(template)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-crm: invalid e-mail template name ${JSON.stringify(template)} ` +
          `(letters, digits, "-" and "_" only)`
      )
    }
  }

  protected renderPart(
    template: string,
    part: EmailPart,
    locale: string,
    context: Record<string, unknown>
  ): string {
    const relative = path.join(template, `${part}.hbs`)
    const file = this.findFile(locale, relative)
    if (!file) {
      throw templateError(
        `e-mail template "${template}" has no ${part} part for locale "${locale}": ` +
          `none of ${this.describeCandidates(locale, relative, false)}`
      )
    }
    return this.run(file, part === "html" ? "html" : "text", locale, context)
  }

  protected renderLayout(mode: Mode, locale: string, context: Record<string, unknown>): string {
    const relative = path.join("layouts", `${DEFAULT_LAYOUT}.${mode}.hbs`)
    const file = this.findFile(locale, relative, true)
    if (!file) {
      throw templateError(
        `e-mail layout "${relative}" not found for locale "${locale}": ` +
          `none of ${this.describeCandidates(locale, relative, true)}`
      )
    }
    return this.run(file, mode, locale, context)
  }

  protected run(file: string, mode: Mode, locale: string, context: Record<string, unknown>): string {
    const template = this.compile(file, mode)
    try {
      return template(context, { partials: this.partials(locale, mode) })
    } catch (error) {
      throw templateError(`e-mail template ${file} failed to render: ${(error as Error).message}`)
    }
  }

  protected compile(file: string, mode: Mode): Handlebars.TemplateDelegate {
    const key = `${mode}\u0000${file}`
    let template = this.compiled.get(key)
    if (!template) {
      let ast: ReturnType<typeof Handlebars.parse>
      try {
        // Parsing now rather than on first call reports syntax errors with
        // the file name.
        ast = this.hbs.parse(fs.readFileSync(file, "utf8"))
      } catch (error) {
        throw templateError(`cannot read e-mail template ${file}: ${(error as Error).message}`)
      }
      template = this.hbs.compile(ast, { noEscape: mode === "text" })
      this.compiled.set(key, template)
    }
    return template
  }

  /**
   * The partials visible in `locale`: shared ones, then English, then the
   * locale's own, each shipped then overridden, later ones replacing earlier.
   */
  protected partials(locale: string, mode: Mode): Record<string, Handlebars.TemplateDelegate> {
    const key = `${mode}\u0000${locale}`
    let set = this.partialSets.get(key)
    if (!set) {
      set = {}
      const layers = unique(["partials", path.join(FALLBACK_LOCALE, "partials"), path.join(locale, "partials")])
      const lowestFirst = [...this.roots].reverse()
      for (const layer of layers) {
        for (const root of lowestFirst) {
          for (const entry of listDir(path.join(root, layer))) {
            const name = entry.name.replace(/\.hbs$/, "")
            if (entry.isFile() && entry.name.endsWith(".hbs") && PARTIAL_NAME.test(name)) {
              set[name] = this.compile(path.join(root, layer, entry.name), mode)
            }
          }
        }
      }
      this.partialSets.set(key, set)
    }
    return set
  }

  protected candidates(locale: string, relative: string, shared: boolean): string[] {
    const levels = unique([locale, FALLBACK_LOCALE]).map((level) => path.join(level, relative))
    if (shared) {
      levels.push(relative)
    }
    return levels.flatMap((level) => this.roots.map((root) => path.join(root, level)))
  }

  protected findFile(locale: string, relative: string, shared = false): string | undefined {
    const key = `${locale}\u0000${relative}\u0000${shared}`
    if (!this.files.has(key)) {
      this.files.set(key, this.candidates(locale, relative, shared).find(isFile) ?? null)
    }
    return this.files.get(key) ?? undefined
  }

  protected describeCandidates(locale: string, relative: string, shared: boolean): string {
    return `${this.candidates(locale, relative, shared).join(", ")} exists`
  }

  protected knownLocales(): string[] {
    if (!this.locales) {
      this.locales = unique([FALLBACK_LOCALE, ...this.roots.flatMap((root) => this.localesIn(root))])
    }
    return this.locales
  }

  protected localesIn(root: string): string[] {
    return listDir(root)
      .filter((entry) => entry.isDirectory() && !SHARED_FOLDERS.has(entry.name) && LOCALE_TAG.test(entry.name))
      .map((entry) => entry.name)
  }
}
