import { PassThrough } from "stream"
import express from "express"
import fc from "fast-check"
import type { SurveyQuestion } from "../../../../types/surveys"
import { checkAnswers } from "../../answers"
import { answerFieldName, answersFromForm, ANSWERS_OBJECT_MARKER } from "../survey-form"
import { renderSurveyPage } from "../survey-page"

const QUESTIONS: SurveyQuestion[] = [
  { id: "score", type: "nps", label: "Recommend?", required: true },
  { id: "csat", type: "csat", label: "Satisfied?", required: false },
  { id: "stars", type: "rating", label: "Stars", required: false, max: 5 },
  { id: "channel", type: "single_choice", label: "Where?", required: false, options: ["Friends", "Search"] },
  { id: "colors", type: "multiple_choice", label: "Colours?", required: false, options: ["Red", "Blue", "Green"] },
  { id: "why", type: "text", label: "Why?", required: false },
]

/** Parses a urlencoded body exactly as the route will: Medusa's parser is Express's urlencoded with `extended: true`. */
function parseForm(body: string): Promise<Record<string, unknown>> {
  const parser = express.urlencoded({ extended: true })
  const request = Object.assign(new PassThrough(), {
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
    method: "POST",
    url: "/",
  })
  return new Promise((resolve, reject) => {
    parser(request as never, {} as never, (error?: unknown) => (error ? reject(error) : resolve((request as unknown as { body: Record<string, unknown> }).body)))
    request.end(body)
  })
}

/** What a browser posts: the fields in document order, form-encoded. */
const encode = (fields: [string, string][]) => new URLSearchParams(fields).toString()

describe("answersFromForm", () => {
  it("turns a browser's post into typed answers in question order", async () => {
    const body = await parseForm(
      encode([
        ["form_token", "t"],
        [ANSWERS_OBJECT_MARKER, ""],
        ["q[why]", "  Fast delivery  "],
        ["q[colors][]", "Red"],
        ["q[colors][]", "Green"],
        ["q[channel]", "Search"],
        ["q[stars]", "4"],
        ["q[score]", "9"],
        ["q[unknown]", "x"],
      ])
    )
    expect(answersFromForm(QUESTIONS, body)).toEqual([
      { question_id: "score", value: 9 },
      { question_id: "stars", value: 4 },
      { question_id: "channel", value: "Search" },
      { question_id: "colors", value: ["Red", "Green"] },
      { question_id: "why", value: "  Fast delivery  " },
    ])
    expect(checkAnswers(QUESTIONS, answersFromForm(QUESTIONS, body))).toEqual({
      ok: true,
      answers: [
        { question_id: "score", value: 9 },
        { question_id: "stars", value: 4 },
        { question_id: "channel", value: "Search" },
        { question_id: "colors", value: ["Red", "Green"] },
        { question_id: "why", value: "Fast delivery" },
      ],
    })
  })

  it("uses the field names the page renders", () => {
    const html = renderSurveyPage({ kind: "form", branding: { store_name: "S" }, survey_name: "S", questions: QUESTIONS, form_token: "t" })
    for (const question of QUESTIONS) {
      expect(html).toContain(`name="${answerFieldName(question)}"`)
    }
    expect(answerFieldName(QUESTIONS[4])).toBe("q[colors][]")
    expect(answerFieldName(QUESTIONS[0])).toBe("q[score]")
  })

  it("leaves out unanswered and empty questions", async () => {
    const body = await parseForm(encode([[ANSWERS_OBJECT_MARKER, ""], ["q[why]", "   "], ["q[score]", ""], ["q[channel]", ""]]))
    expect(answersFromForm(QUESTIONS, body)).toEqual([])
  })

  it("keeps a single checkbox as a list, and a non-integer score as text for checkAnswers to report", async () => {
    const body = await parseForm(encode([["q[colors][]", "Blue"], ["q[score]", "9.5"], ["q[csat]", "abc"], ["q[stars]", " 3 "]]))
    const answers = answersFromForm(QUESTIONS, body)
    expect(answers).toEqual([
      { question_id: "score", value: "9.5" },
      { question_id: "csat", value: "abc" },
      { question_id: "stars", value: 3 },
      { question_id: "colors", value: ["Blue"] },
    ])
    const check = checkAnswers(QUESTIONS, answers)
    expect(check.ok).toBe(false)
    expect(!check.ok && check.problems).toEqual([
      '"Recommend?" takes a whole number from 0 to 10',
      '"Satisfied?" takes a whole number from 1 to 5',
    ])
    // a lone string for a multiple-choice question, as a non-browser client may send it
    expect(answersFromForm(QUESTIONS, { q: { colors: "Red" } })).toEqual([{ question_id: "colors", value: ["Red"] }])
  })

  it("keeps several values for a one-value question as a list, which checkAnswers refuses", async () => {
    const body = await parseForm(encode([["q[score]", "9"], ["q[score]", "3"]]))
    const answers = answersFromForm(QUESTIONS, body)
    expect(answers).toEqual([{ question_id: "score", value: ["9", "3"] }])
    expect(checkAnswers(QUESTIONS, answers).ok).toBe(false)
  })

  it("keeps answers of numeric question ids apart thanks to the marker field", async () => {
    const numeric: SurveyQuestion[] = [
      { id: "1", type: "rating", label: "One", required: false, max: 5 },
      { id: "3", type: "text", label: "Three", required: false },
    ]
    const withMarker = await parseForm(encode([[ANSWERS_OBJECT_MARKER, ""], ["q[1]", "5"], ["q[3]", "x"]]))
    expect(answersFromForm(numeric, withMarker)).toEqual([
      { question_id: "1", value: 5 },
      { question_id: "3", value: "x" },
    ])
    // Without it the parser makes a list and loses which value answered what: nothing is guessed.
    const withoutMarker = await parseForm(encode([["q[1]", "5"], ["q[3]", "x"]]))
    expect(Array.isArray(withoutMarker.q)).toBe(true)
    expect(answersFromForm(numeric, withoutMarker)).toEqual([])
  })

  it("ignores odd shapes and prototype keys", async () => {
    expect(answersFromForm(QUESTIONS, null)).toEqual([])
    expect(answersFromForm(QUESTIONS, "q[score]=9")).toEqual([])
    expect(answersFromForm(QUESTIONS, [{ q: { score: "9" } }])).toEqual([])
    expect(answersFromForm(QUESTIONS, { q: ["9"] })).toEqual([])
    expect(answersFromForm(QUESTIONS, { q: "9" })).toEqual([])
    expect(answersFromForm(QUESTIONS, { q: { score: { nested: "9" }, why: ["a", { b: 1 }], csat: [{}], colors: [{ x: 1 }, "Red", 5] } })).toEqual([
      { question_id: "colors", value: ["Red"] },
      { question_id: "why", value: ["a"] },
    ])
    expect(answersFromForm(QUESTIONS, Object.create({ q: { score: "9" } }))).toEqual([])
    expect(answersFromForm(QUESTIONS, { q: Object.create({ score: "9" }) })).toEqual([])

    const hostile = await parseForm("q[__proto__][score]=9&q[constructor][prototype][score]=9&__proto__[q][score]=9&q[why]=ok")
    expect(answersFromForm(QUESTIONS, hostile)).toEqual([{ question_id: "why", value: "ok" }])
    expect(({} as Record<string, unknown>).score).toBeUndefined()

    const prototypeIds: SurveyQuestion[] = [
      { id: "constructor", type: "text", label: "c", required: false },
      { id: "__proto__", type: "text", label: "p", required: false },
      { id: "toString", type: "text", label: "t", required: false },
    ]
    expect(answersFromForm(prototypeIds, {})).toEqual([])
    expect(answersFromForm(prototypeIds, { q: {} })).toEqual([])
    expect(answersFromForm(prototypeIds, await parseForm("q[constructor]=hello"))).toEqual([{ question_id: "constructor", value: "hello" }])
  })

  it("never throws and only answers known questions, each once (property)", () => {
    const ids = QUESTIONS.map((question) => question.id)
    const key = fc.oneof(fc.constantFrom(...ids, "__proto__", "constructor", "toString", "q", "[]", ""), fc.string())
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined))
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("tree"), { maxLength: 4 }), fc.dictionary(key, tie("tree"), { maxKeys: 4 })),
    })).tree
    const body = fc.oneof(value, fc.record({ q: value }), fc.record({ q: fc.dictionary(key, value, { maxKeys: 8 }) }))
    fc.assert(
      fc.property(body, (posted) => {
        const answers = answersFromForm(QUESTIONS, posted)
        const answered = answers.map((answer) => answer.question_id)
        expect(answered.every((id) => ids.includes(id))).toBe(true)
        expect(new Set(answered).size).toBe(answered.length)
        for (const answer of answers) {
          const ok = typeof answer.value === "string" || typeof answer.value === "number" || (Array.isArray(answer.value) && answer.value.every((item) => typeof item === "string"))
          expect(ok).toBe(true)
        }
        // and what it gives back never makes checkAnswers throw either
        checkAnswers(QUESTIONS, answers)
      }),
      { numRuns: 500 }
    )
  })
})
