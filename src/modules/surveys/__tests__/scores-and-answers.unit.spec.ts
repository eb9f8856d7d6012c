import fc from "fast-check"
import type { SurveyQuestion } from "../../../types/surveys"
import { checkAnswers } from "../answers"
import { csatOf, isDetractor, npsOf } from "../scores"
import { hashInvitationToken, isWellFormedToken, newInvitationToken } from "../tokens"

describe("NPS and CSAT", () => {
  it("5 promoters, 3 passives and 2 detractors make an NPS of 30", () => {
    expect(npsOf([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])).toEqual({ promoters: 5, passives: 3, detractors: 2, responses: 10, nps: 30 })
  })

  it("is null without answers, 100 for all promoters, -100 for all detractors", () => {
    expect(npsOf([]).nps).toBeNull()
    expect(npsOf([9, 10]).nps).toBe(100)
    expect(npsOf([0, 6]).nps).toBe(-100)
    expect(npsOf([9, 7, 6]).nps).toBe(0)
  })

  it("stays within -100..100 and counts every answer once (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }), (scores) => {
        const summary = npsOf(scores)
        expect(summary.promoters + summary.passives + summary.detractors).toBe(scores.length)
        if (scores.length) {
          expect(summary.nps).toBeGreaterThanOrEqual(-100)
          expect(summary.nps).toBeLessThanOrEqual(100)
        }
      })
    )
  })

  it("CSAT is the average; detractors are NPS 0-6 and CSAT 1-2", () => {
    expect(csatOf([5, 4, 4, 1])).toBe(3.5)
    expect(csatOf([])).toBeNull()
    expect([0, 6, 7, 9].map((score) => isDetractor("nps", score))).toEqual([true, true, false, false])
    expect([1, 2, 3, 5].map((score) => isDetractor("csat", score))).toEqual([true, true, false, false])
  })
})

describe("invitation tokens", () => {
  it("carry 256 random bits, URL-safe, and only their hash is kept", () => {
    const { token, hash } = newInvitationToken()
    expect(isWellFormedToken(token)).toBe(true)
    expect(Buffer.from(token, "base64url")).toHaveLength(32)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashInvitationToken(token))
    expect(hash).not.toContain(token)
    expect(newInvitationToken().token).not.toBe(token)
  })

  it("a tampered token hashes to something else, and malformed ones are refused before any lookup", () => {
    const { token, hash } = newInvitationToken()
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1)
    expect(hashInvitationToken(tampered)).not.toBe(hash)
    expect(isWellFormedToken(token.slice(1))).toBe(false)
    expect(isWellFormedToken(`${token.slice(1)}'`)).toBe(false)
  })
})

describe("answers against questions", () => {
  const questions: SurveyQuestion[] = [
    { id: "score", type: "nps", label: "How likely are you to recommend us?", required: true },
    { id: "why", type: "text", label: "Why?", required: false },
    { id: "channel", type: "single_choice", label: "Where did you hear of us?", required: false, options: ["Friend", "Search", "Ad"] },
    { id: "liked", type: "multiple_choice", label: "What did you like?", required: false, options: ["Price", "Speed", "Quality"] },
    { id: "stars", type: "rating", label: "The packaging", required: false, max: 5 },
  ]

  it("keeps fitting answers in question order, trims text and drops empty optional ones", () => {
    const result = checkAnswers(questions, [
      { question_id: "liked", value: ["Speed", "Price"] },
      { question_id: "why", value: "  Fast delivery  " },
      { question_id: "score", value: 9 },
      { question_id: "channel", value: "" },
    ])
    expect(result).toEqual({
      ok: true,
      answers: [
        { question_id: "score", value: 9 },
        { question_id: "why", value: "Fast delivery" },
        { question_id: "liked", value: ["Speed", "Price"] },
      ],
    })
  })

  it("names every problem: missing required, out of range, unknown option or question, twice, wrong kind", () => {
    const result = checkAnswers(questions, [
      { question_id: "score", value: 11 },
      { question_id: "channel", value: "TV" },
      { question_id: "liked", value: ["Price", "Price"] },
      { question_id: "stars", value: 2.5 },
      { question_id: "nope", value: 1 },
      { question_id: "why", value: 3 },
      { question_id: "why", value: "again" },
    ])
    expect(result).toEqual({
      ok: false,
      problems: [
        "There is no question nope in this survey",
        "Question why is answered twice",
        '"How likely are you to recommend us?" takes a whole number from 0 to 10',
        '"Why?" takes text of at most 5000 characters',
        '"Where did you hear of us?" takes one of: Friend, Search, Ad',
        '"What did you like?" takes some of: Price, Speed, Quality, each once',
        '"The packaging" takes a whole number from 1 to 5',
      ],
    })
    expect(checkAnswers(questions, [])).toEqual({ ok: false, problems: ['"How likely are you to recommend us?" needs an answer'] })
  })
})
