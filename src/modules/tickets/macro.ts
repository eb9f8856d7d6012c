import Handlebars from "handlebars"

/** What a canned response may refer to: `{{customer.first_name}}`, `{{order.display_id}}`, `{{ticket.display_id}}`... */
export type MacroContext = {
  customer?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
  order?: { display_id?: number | string | null } | null
  ticket?: { display_id?: number | null; subject?: string | null } | null
  store?: { name?: string | null } | null
  agent?: { first_name?: string | null } | null
}

export type RenderedMacro = {
  body: string
  /** Placeholders the context had no value for (rendered as nothing): shown to staff before sending. */
  missing: string[]
  /** Set when the macro is not a valid template; `body` is then the macro as written. */
  error: string | null
}

const PLACEHOLDER = /{{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*}}/g

const valueAt = (context: object, path: string): unknown =>
  path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), context)

/**
 * Fills in a canned response. Plain text (a ticket message is never HTML),
 * no helpers beyond Handlebars' own, no prototype access (Handlebars 4.6+
 * refuses it by default and no option re-enables it here).
 */
export function renderMacro(body: string, context: MacroContext): RenderedMacro {
  try {
    const template = Handlebars.compile(body, { noEscape: true, strict: false, knownHelpersOnly: true })
    const missing = [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))].filter((path) => {
      const value = valueAt(context, path)
      return value === undefined || value === null || value === ""
    })
    return { body: template(context), missing, error: null }
  } catch (error) {
    return { body, missing: [], error: (error as Error).message }
  }
}
