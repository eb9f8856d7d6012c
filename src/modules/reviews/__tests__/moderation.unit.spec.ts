import fc from "fast-check"
import type { ReviewSettingsDTO } from "../../../types/reviews"
import { moderateSubmission } from "../moderation/pipeline"
import { foldText, plainText, textFingerprint } from "../moderation/text"

const settings: ReviewSettingsDTO = {
  id: "revset_default",
  require_verified_purchase: false,
  auto_approve: "all",
  auto_approve_rating_only: true,
  blocked_words: ["scam", "rip off"],
  blocked_words_action: "reject",
  links_action: "pending",
  all_caps_action: "pending",
  min_content_length: 10,
  too_short_action: "pending",
  repeated_characters_run: 6,
  repeated_characters_action: "pending",
  duplicate_text_action: "pending",
  rate_limit_count: 5,
  rate_limit_window_minutes: 60,
  complaint_max_rating: 2,
}
const facts = { verified_purchase: true, duplicate_of: null }
const review = (content: string, title: string | null = null) => ({ rating: 4, title, content })
const verdictOf = (outcome: ReturnType<typeof moderateSubmission>, rule: string) =>
  outcome.verdicts.find((v) => v.rule === rule)!.verdict

describe("auto-moderation", () => {
  it("approves clean text and reports every rule's verdict", () => {
    const outcome = moderateSubmission(review("Boils a litre in two minutes, quiet too."), settings, facts)
    expect(outcome.status).toBe("approved")
    expect(outcome.verdicts.map((v) => v.rule)).toEqual([
      "blocked_words",
      "links",
      "all_caps",
      "too_short",
      "repeated_characters",
      "duplicate_text",
      "rating_only",
      "verified_only",
    ])
  })

  it("rejects blocked words as whole words, ignoring case and accents", () => {
    expect(moderateSubmission(review("What a SCÂM this kettle is"), settings, facts)).toMatchObject({
      status: "rejected",
      reason: "Blocked words: scam",
    })
    expect(moderateSubmission(review("A total rip   off, sadly"), settings, facts).status).toBe("rejected")
    expect(moderateSubmission(review("A total RIP-OFF, sadly"), settings, facts).status).toBe("rejected")
    expect(moderateSubmission(review("The scampi pan is lovely"), settings, facts).status).toBe("approved")
    expect(moderateSubmission(review("Worth every penny"), { ...settings, blocked_words: ["$$$", " "] }, facts).status).toBe("approved")
  })

  it.each([
    ["https://cheap.example/deal", "a URL"],
    ["see www.kettles for more", "www."],
    ["buy at cheapkettles.com today", "a bare domain"],
    ["click javascript:alert(1) now", "a javascript: link"],
  ])("holds a link: %s (%s)", (content) => {
    const outcome = moderateSubmission(review(content), settings, facts)
    expect(outcome.status).toBe("pending")
    expect(verdictOf(outcome, "links")).toBe("pending")
  })

  it("holds shouting, but not a short acronym", () => {
    expect(verdictOf(moderateSubmission(review("THIS KETTLE IS THE WORST EVER"), settings, facts), "all_caps")).toBe("pending")
    expect(moderateSubmission(review("Works with my EU plug, fine TV-side"), settings, facts).status).toBe("approved")
  })

  it("holds text under the minimum length, but approves a rating alone", () => {
    expect(moderateSubmission(review("Nice"), settings, facts)).toMatchObject({ status: "pending", reason: "Text under 10 characters" })
    const ratingOnly = moderateSubmission(review(""), settings, { ...facts, verified_purchase: false })
    expect(ratingOnly.status).toBe("approved")
    expect(verdictOf(ratingOnly, "rating_only")).toBe("approve")
    expect(moderateSubmission(review(""), { ...settings, auto_approve: "none", auto_approve_rating_only: false }, facts).status).toBe(
      "pending"
    )
  })

  it("holds repeated characters at the configured run", () => {
    expect(moderateSubmission(review("Loved it!!!!!! so much"), settings, facts).status).toBe("pending")
    expect(moderateSubmission(review("Loved it!!!!! so much"), settings, facts).status).toBe("approved")
  })

  it("holds a duplicate of another review's text", () => {
    const outcome = moderateSubmission(review("Same words as someone else"), settings, { ...facts, duplicate_of: "rev_1" })
    expect(outcome).toMatchObject({ status: "pending", reason: "Same text as review rev_1" })
  })

  it("approves only verified purchases under the verified-only policy", () => {
    const verifiedOnly = { ...settings, auto_approve: "verified" as const }
    expect(moderateSubmission(review("Boils fast, looks good"), verifiedOnly, facts).status).toBe("approved")
    expect(moderateSubmission(review("Boils fast, looks good"), verifiedOnly, { ...facts, verified_purchase: false })).toMatchObject({
      status: "pending",
      reason: "Not a verified purchase",
    })
  })

  it("lets each rule be switched off or made to reject", () => {
    const text = review("Visit https://x.example now please")
    expect(moderateSubmission(text, { ...settings, links_action: "off" }, facts).status).toBe("approved")
    expect(moderateSubmission(text, { ...settings, links_action: "reject" }, facts).status).toBe("rejected")
  })

  it("never approves what any rule holds or rejects (property)", () => {
    const actions = fc.constantFrom("off" as const, "pending" as const, "reject" as const)
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.option(fc.string({ maxLength: 20 }), { nil: null }),
        fc.record({ links_action: actions, all_caps_action: actions, too_short_action: actions, blocked_words_action: actions }),
        fc.constantFrom("all" as const, "verified" as const, "none" as const),
        fc.boolean(),
        (content, title, ruleActions, policy, verified) => {
          const outcome = moderateSubmission(
            { rating: 3, title, content },
            { ...settings, ...ruleActions, auto_approve: policy },
            { verified_purchase: verified, duplicate_of: null }
          )
          const held = outcome.verdicts.filter((v) => v.verdict === "pending" || v.verdict === "reject")
          const checksHeld = held.filter((v) => v.rule !== "verified_only")
          if (checksHeld.some((v) => v.verdict === "reject")) {
            expect(outcome.status).toBe("rejected")
          } else if (checksHeld.length) {
            expect(outcome.status).toBe("pending")
          }
          if (outcome.status === "approved") {
            expect(checksHeld).toEqual([])
          }
        }
      )
    )
  })
})

describe("review text", () => {
  it("folds case and accents", () => {
    expect(foldText("Crème BRÛLÉE")).toBe("creme brulee")
  })

  it("keeps markup as literal text, dropping only control characters", () => {
    expect(plainText("  <script>alert(1)</script>\r\nok\u0000 ")).toBe("<script>alert(1)</script>\nok")
  })

  it("fingerprints texts equal up to case, accents and punctuation; short texts not at all", () => {
    expect(textFingerprint(null, "Crème brûlée torch: works great!")).toBe(textFingerprint("", "creme brulee TORCH works great"))
    expect(textFingerprint(null, "Great!")).toBeNull()
  })
})
