import fc from "fast-check"
import { hashInvitationToken, newInvitationToken } from "../../tokens"
import { checkFormToken, FORM_TOKEN_MAX_AGE_SECONDS, formTokenFor, isSameOriginPost, SECURITY_HEADERS } from "../form-token"

const SECRET = "cookie-secret-of-the-store"
const NOW = new Date("2026-03-01T12:00:00Z")
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)
const invitation = hashInvitationToken(newInvitationToken().token)
const otherInvitation = hashInvitationToken(newInvitationToken().token)

describe("form tokens", () => {
  const token = formTokenFor(SECRET, invitation, NOW)

  it("carries its issue time and an HMAC-SHA256, and checks for the same invitation", () => {
    expect(token).toMatch(/^1772366400\.[A-Za-z0-9_-]{43}$/)
    expect(checkFormToken(SECRET, invitation, token, NOW)).toBe(true)
    expect(checkFormToken(SECRET, invitation, token, later(3600))).toBe(true)
    expect(formTokenFor(SECRET, invitation, NOW)).toBe(token)
  })

  it("refuses another invitation's token and another secret's", () => {
    expect(checkFormToken(SECRET, otherInvitation, token, NOW)).toBe(false)
    expect(checkFormToken("another-secret", invitation, token, NOW)).toBe(false)
  })

  it("expires after the max age (24 hours by default) and refuses one from the future", () => {
    expect(FORM_TOKEN_MAX_AGE_SECONDS).toBe(24 * 3600)
    expect(checkFormToken(SECRET, invitation, token, later(24 * 3600))).toBe(true)
    expect(checkFormToken(SECRET, invitation, token, later(24 * 3600 + 1))).toBe(false)
    expect(checkFormToken(SECRET, invitation, token, later(601), 600)).toBe(false)
    expect(checkFormToken(SECRET, invitation, token, later(600), 600)).toBe(true)
    const future = formTokenFor(SECRET, invitation, later(3600))
    expect(checkFormToken(SECRET, invitation, future, NOW)).toBe(false)
    // a few seconds of clock difference between servers is tolerated
    expect(checkFormToken(SECRET, invitation, formTokenFor(SECRET, invitation, later(30)), NOW)).toBe(true)
  })

  it("refuses a tampered token: another time, a changed signature, another spelling", () => {
    const [issuedAt, signature] = token.split(".")
    expect(checkFormToken(SECRET, invitation, `${Number(issuedAt) + 1}.${signature}`, later(10))).toBe(false)
    expect(checkFormToken(SECRET, invitation, `0${issuedAt}.${signature}`, NOW)).toBe(false)
    for (let index = 0; index < signature.length; index++) {
      const changed = signature.slice(0, index) + (signature[index] === "A" ? "B" : "A") + signature.slice(index + 1)
      expect(checkFormToken(SECRET, invitation, `${issuedAt}.${changed}`, NOW)).toBe(false)
    }
    expect(checkFormToken(SECRET, invitation, `${token}=`, NOW)).toBe(false)
    expect(checkFormToken(SECRET, invitation, ` ${token}`, NOW)).toBe(false)
  })

  it("refuses malformed tokens of any type without throwing", () => {
    for (const malformed of [undefined, null, 42, ["a"], {}, "", ".", "abc", `${token}.x`, token.split(".")[1], "-1.abc"]) {
      expect(checkFormToken(SECRET, invitation, malformed, NOW)).toBe(false)
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(checkFormToken(SECRET, invitation, value, NOW)).toBe(value === token)
      })
    )
  })

  it("needs a secret", () => {
    expect(() => formTokenFor("", invitation, NOW)).toThrow(/non-empty secret/)
    expect(() => checkFormToken("", invitation, token, NOW)).toThrow(/non-empty secret/)
  })
})

describe("SECURITY_HEADERS", () => {
  it("forbid everything but the inline style and posts to this origin, framing, referrers and caching", () => {
    expect(SECURITY_HEADERS).toEqual({
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    })
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true)
  })
})

describe("isSameOriginPost", () => {
  const host = "shop.example"

  it("accepts a post from the same host, by Origin or else Referer", () => {
    expect(isSameOriginPost({ origin: "https://shop.example" }, host)).toBe(true)
    expect(isSameOriginPost({ origin: "https://shop.example:443" }, "shop.example:443")).toBe(true)
    expect(isSameOriginPost({ origin: "http://localhost:9000" }, "localhost:9000")).toBe(true)
    expect(isSameOriginPost({ referer: "https://shop.example/surveys/abc" }, host)).toBe(true)
    expect(isSameOriginPost({ origin: "https://SHOP.example" }, "shop.EXAMPLE")).toBe(true)
  })

  it("accepts a post without Origin and Referer, and Origin: null (what browsers send under Referrer-Policy: no-referrer)", () => {
    expect(isSameOriginPost({}, host)).toBe(true)
    expect(isSameOriginPost({ origin: "null", "sec-fetch-site": "same-origin" }, host)).toBe(true)
  })

  it("refuses a post from another host, port or scheme", () => {
    expect(isSameOriginPost({ origin: "https://evil.example" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "https://shop.example.evil.example" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "http://localhost:9001" }, "localhost:9000")).toBe(false)
    expect(isSameOriginPost({ referer: "https://evil.example/shop.example" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "null", referer: "https://evil.example/" }, host)).toBe(false)
    // Origin wins over Referer
    expect(isSameOriginPost({ origin: "https://evil.example", referer: "https://shop.example/" }, host)).toBe(false)
  })

  it("refuses what the browser calls cross-site or same-site, and malformed headers", () => {
    expect(isSameOriginPost({ "sec-fetch-site": "cross-site" }, host)).toBe(false)
    expect(isSameOriginPost({ "sec-fetch-site": "same-site", origin: "null" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "not a url" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "file://shop.example" }, host)).toBe(false)
    expect(isSameOriginPost({ referer: "/relative" }, host)).toBe(false)
    expect(isSameOriginPost({ origin: ["https://shop.example", "https://evil.example"] }, host)).toBe(false)
    expect(isSameOriginPost({ origin: "https://shop.example" }, "")).toBe(false)
  })

  it("accepts any of several hosts (a proxy that rewrites Host)", () => {
    expect(isSameOriginPost({ origin: "https://shop.example" }, ["localhost:9000", "shop.example"])).toBe(true)
    expect(isSameOriginPost({ origin: "https://evil.example" }, ["localhost:9000", "shop.example"])).toBe(false)
  })
})
