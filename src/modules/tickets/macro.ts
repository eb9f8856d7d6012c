import Handlebars from "handlebars"

/** What a canned response may refer to: `{{customer.first_name}}`, `{{order.display_id}}`, `{{ticket.display_id}}`... */
export type MacroContext = {
  customer?: { first_name?: string | null; last_name?: string | null; email?: string | null } | null
  order?: { display_id?: number | string | null; total?: string | null; currency_code?: string | null; created_at?: string | null } | null
  ticket?: { display_id?: number | null; subject?: string | null; category?: string | null } | null
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

const COMPILE_OPTIONS = { noEscape: true, strict: false, knownHelpersOnly: true }

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
    const template = Handlebars.compile(body, COMPILE_OPTIONS)
    const missing = [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))].filter((path) => {
      const value = valueAt(context, path)
      return value === undefined || value === null || value === ""
    })
    return { body: template(context), missing, error: null }
  } catch (error) {
    return { body, missing: [], error: (error as Error).message }
  }
}

/** Handlebars' parse error ("Parse error on line 2:" + the text, a caret and the expected tokens) in one line. */
const describeProblem = (message: string): string => {
  const lines = message.split("\n")
  if (!lines[0].startsWith("Parse error")) {
    return message.replace(/ - \d+:\d+$/, "")
  }
  const got = /got '([^']+)'/.exec(lines[lines.length - 1])?.[1]
  const where = lines[0].replace(/:$/, "")
  return got === "EOF" ? `${where}: a {{ or a block is not closed` : `${where}, near: ${(lines[1] ?? "").trim()}`
}

/**
 * Why a macro body can never render (a syntax error, an unknown helper, a
 * partial), or null when it is a valid template. Checked on save; rendering
 * it against an empty context is safe: no helper can run but Handlebars' own.
 */
export function macroTemplateProblem(body: string): string | null {
  try {
    Handlebars.compile(body, COMPILE_OPTIONS)({})
    return null
  } catch (error) {
    return `The body is not a valid template: ${describeProblem((error as Error).message)}`
  }
}

/** What the render route loaded about a ticket; the order only when the ticket is about one. */
export type MacroFacts = {
  ticket: { display_id: number; subject: string; category: string }
  customer: { first_name: string | null; last_name: string | null; email: string | null } | null
  order: { display_id: number | null; total: number | null; currency_code: string | null; created_at: Date | string } | null
  store_name: string | null
  /** The staff member about to send it. */
  agent: { first_name: string | null } | null
  /** Dates are written as the day in this zone (the business hours' zone); UTC without one. */
  time_zone: string | null
}

/** The currency's usual decimals (2 for EUR, 0 for JPY); 2 when unknown. */
const decimalsOf = (currencyCode: string | null): number => {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode ?? "" }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** "2026-03-07": the day as the customer would name it. */
const dayOf = (date: Date | string, timeZone: string | null): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(date))

/** The values a canned response sees for one ticket, written as a customer should read them. */
export function macroContext(facts: MacroFacts): MacroContext {
  const { order } = facts
  return {
    customer: facts.customer,
    ticket: facts.ticket,
    order: order && {
      display_id: order.display_id,
      total: order.total === null ? null : order.total.toFixed(decimalsOf(order.currency_code)),
      currency_code: order.currency_code ? order.currency_code.toUpperCase() : null,
      created_at: dayOf(order.created_at, facts.time_zone),
    },
    store: { name: facts.store_name },
    agent: facts.agent,
  }
}
