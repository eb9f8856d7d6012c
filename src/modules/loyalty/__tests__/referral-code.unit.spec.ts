import fc from "fast-check"
import { newReferralCode, normalizeReferralCode } from "../ledger/referral-code"

describe("referral codes", () => {
  it("are 8 characters of Crockford's base 32", () => {
    for (let i = 0; i < 200; i++) {
      expect(newReferralCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/)
    }
  })

  it("survive being retyped: case, spaces, dashes and look-alike letters", () => {
    expect(normalizeReferralCode("ab1d-ef0h")).toEqual("AB1DEF0H")
    expect(normalizeReferralCode(" aBlD eFoH ")).toEqual("AB1DEF0H")
    expect(normalizeReferralCode("AB1DEF0H")).toEqual("AB1DEF0H")
  })

  it("reject what cannot be a code", () => {
    for (const input of [undefined, null, 42, "", "SHORT", "ABCDEFGHJ", "ABCDEFG!", "ABCDEFGU"]) {
      expect(normalizeReferralCode(input)).toBeNull()
    }
  })

  it("a fresh code is its own canonical form", () => {
    fc.assert(
      fc.property(fc.integer(), () => {
        const code = newReferralCode()
        return normalizeReferralCode(code) === code && normalizeReferralCode(code.toLowerCase()) === code
      }),
      { numRuns: 500 }
    )
  })
})
