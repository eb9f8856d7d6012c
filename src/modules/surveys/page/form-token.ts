import { createHmac, timingSafeEqual } from "crypto"

/**
 * Request safety of the hosted survey page, without cookies or JavaScript.
 *
 * The form carries a token: an HMAC of the invitation's token hash and the
 * time it was issued, so only this server can make one, it is good for one
 * invitation only and it expires. `isSameOriginPost` adds the browser's own
 * word on where a post came from.
 */

/** How long a form token stays good after the page was rendered. */
export const FORM_TOKEN_MAX_AGE_SECONDS = 24 * 3600

/** Tolerated clock difference between the servers that issue and check a token. */
const CLOCK_SKEW_SECONDS = 60

const FORM_TOKEN = /^(0|[1-9]\d{0,11})\.([A-Za-z0-9_-]{43})$/

const secondsOf = (now: Date) => Math.floor(now.getTime() / 1000)

function assertSecret(secret: string) {
  if (typeof secret !== "string" || !secret) {
    // An empty key would let anyone compute valid tokens.
    throw new Error("medusa-plugin-crm: a survey form token needs a non-empty secret")
  }
}

function signature(secret: string, tokenHash: string, issuedAt: number): Buffer {
  assertSecret(secret)
  return createHmac("sha256", secret).update(`${tokenHash}.${issuedAt}`, "utf8").digest()
}

/** A form token for the invitation whose token hashes to `tokenHash`: `<issued at, unix seconds>.<HMAC-SHA256, base64url>`. */
export function formTokenFor(secret: string, tokenHash: string, now: Date = new Date()): string {
  const issuedAt = secondsOf(now)
  return `${issuedAt}.${signature(secret, tokenHash, issuedAt).toString("base64url")}`
}

/**
 * Whether `formToken` was issued by `formTokenFor` with this secret for this
 * invitation, no more than `maxAgeSeconds` ago and not in the future. False
 * for anything malformed (including a non-string). Throws only for an empty
 * secret.
 */
export function checkFormToken(
  secret: string,
  tokenHash: string,
  formToken: unknown,
  now: Date = new Date(),
  maxAgeSeconds: number = FORM_TOKEN_MAX_AGE_SECONDS
): boolean {
  assertSecret(secret)
  const match = typeof formToken === "string" ? FORM_TOKEN.exec(formToken) : null
  if (!match) {
    return false
  }
  const issuedAt = Number(match[1])
  // Compared as text, not decoded: base64url has several spellings of the last character.
  const given = Buffer.from(match[2], "utf8")
  const valid = Buffer.from(signature(secret, tokenHash, issuedAt).toString("base64url"), "utf8")
  const age = secondsOf(now) - issuedAt
  const signed = given.length === valid.length && timingSafeEqual(given, valid)
  return signed && age >= -CLOCK_SKEW_SECONDS && age <= maxAgeSeconds
}

/**
 * Headers every response of the hosted page sends. The page has one inline
 * <style> (its colours come from the settings, so it is not hashed) and
 * nothing else: no scripts, images, fonts or frames. The URL carries the
 * invitation token, hence no Referer anywhere and no caching.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
})

type RequestHeaders = Record<string, string | string[] | undefined>

const headerValues = (headers: RequestHeaders, name: string): string[] => {
  const value = Object.prototype.hasOwnProperty.call(headers, name) ? headers[name] : undefined
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => String(item).trim())
}

/** Whether an absolute URL's host (with its port, default ports left out) is one of the hosts. */
function hostIsOneOf(value: string, hosts: string[]): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return false
  }
  return hosts.some((host) => {
    try {
      // Parsed with the same scheme so that "shop.example:443" equals an https origin without a port.
      return new URL(`${url.protocol}//${host}`).host === url.host
    } catch {
      return false
    }
  })
}

/**
 * False when the browser says a post came from elsewhere: `Sec-Fetch-Site`
 * is cross-site or same-site, or an `Origin` header (or, without one, a
 * `Referer`) names a host other than `host` (the request's Host header; pass
 * a list to also accept the public host when a proxy rewrites Host).
 * `Origin: null` counts as no Origin: browsers send it for posts from a page
 * with `Referrer-Policy: no-referrer`, i.e. from this very page. With no
 * such header at all the post is let through: the form token decides.
 * Header names are expected in lower case, as Node gives them.
 */
export function isSameOriginPost(headers: RequestHeaders, host: string | string[]): boolean {
  const hosts = (Array.isArray(host) ? host : [host]).filter((item) => typeof item === "string" && item !== "")
  const fetchSite = headerValues(headers, "sec-fetch-site").map((value) => value.toLowerCase())
  if (fetchSite.some((value) => value === "cross-site" || value === "same-site")) {
    return false
  }
  const origins = headerValues(headers, "origin").filter((value) => value.toLowerCase() !== "null")
  if (origins.length) {
    return origins.every((origin) => hostIsOneOf(origin, hosts))
  }
  const referers = headerValues(headers, "referer")
  return referers.every((referer) => hostIsOneOf(referer, hosts))
}
