import fc from "fast-check"
import { DEFAULT_QUESTIONS, type SurveyQuestion } from "../../../types/surveys"
import { checkSurveyQuestions, scoreOf, textAnswersOf } from "../questions"
import { periodsBetween, periodStart, scoreFromCounts } from "../results"
import { csatOf, npsOf } from "../scores"

const text = (id: string): SurveyQuestion => ({ id, type: "text", label: id, required: false })

describe("checkSurveyQuestions", () => {
  it("gives NPS and CSAT surveys their default questions, and a custom survey none", () => {
    expect(checkSurveyQuestions("nps", undefined)).toEqual({ ok: true, questions: DEFAULT_QUESTIONS.nps })
    expect(checkSurveyQuestions("csat", [])).toEqual({ ok: true, questions: DEFAULT_QUESTIONS.csat })
    expect(checkSurveyQuestions("custom", [])).toEqual({ ok: false, problems: ["A custom survey needs at least one question"] })
  })

  it("an NPS or CSAT survey opens with its required score question of its own type, and has only that one", () => {
    const score: SurveyQuestion = { id: "score", type: "nps", label: "Recommend us?", required: true }
    expect(checkSurveyQuestions("nps", [score, text("why")]).ok).toBe(true)
    for (const questions of [[text("why"), score], [{ ...score, required: false }], [{ ...score, type: "csat" as const }], [{ ...score, id: "main" }]]) {
      expect(checkSurveyQuestions("nps", questions)).toEqual({ ok: false, problems: expect.arrayContaining([expect.stringContaining("starts with its required score question")]) })
    }
    expect(checkSurveyQuestions("nps", [score, { ...score, id: "again" }])).toEqual({ ok: false, problems: ["An NPS survey has one score question"] })
  })

  it("names every problem of a custom survey's questions", () => {
    const result = checkSurveyQuestions("custom", [
      { id: "a", type: "single_choice", label: "A", required: false, options: ["Only"] },
      { id: "a", type: "multiple_choice", label: "B", required: false, options: ["X", "X"] },
      { id: "c", type: "text", label: "C", required: false, options: ["X"] },
      { id: "d", type: "rating", label: "D", required: false, max: 1 },
      { id: "e", type: "csat", label: "E", required: true },
    ])
    expect(result).toEqual({
      ok: false,
      problems: [
        "Question ids must be unique",
        expect.stringContaining("A custom survey uses rating questions"),
        "Question 1 needs 2 to 20 options",
        "Question 2 lists an option twice",
        "Question 3 is not a choice question: it takes no options",
        "Question 4 needs a scale of at least 2",
      ],
    })
  })
})

describe("scoreOf and textAnswersOf", () => {
  it("the score is the answer to the score question of an NPS or CSAT survey, none for custom ones", () => {
    const answers = [{ question_id: "why", value: "fine" }, { question_id: "score", value: 7 }]
    expect(scoreOf("nps", answers)).toBe(7)
    expect(scoreOf("custom", answers)).toBeNull()
    expect(scoreOf("csat", [{ question_id: "why", value: "x" }])).toBeNull()
  })

  it("free-text answers are those to text questions, not choices that happen to be strings", () => {
    const questions: SurveyQuestion[] = [text("why"), { id: "pick", type: "single_choice", label: "Pick", required: false, options: ["a", "b"] }]
    expect(textAnswersOf(questions, [{ question_id: "pick", value: "a" }, { question_id: "why", value: "because" }])).toEqual([
      { question: questions[0], text: "because" },
    ])
  })
})

describe("results maths", () => {
  const counts = (scores: number[]) => [...new Set(scores)].map((score) => ({ score, responses: scores.filter((s) => s === score).length }))

  it("NPS and CSAT from counts equal the maths on the answers themselves", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (scores) => {
        expect(scoreFromCounts("nps", counts(scores))).toBe(npsOf(scores).nps)
      })
    )
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 300 }), (scores) => {
        expect(scoreFromCounts("csat", counts(scores))).toBe(csatOf(scores))
      })
    )
    expect(scoreFromCounts("nps", [])).toBeNull()
    expect(scoreFromCounts("custom", counts([5]))).toBeNull()
  })

  it("weeks start on Monday and months on the 1st, as PostgreSQL's date_trunc; every period between two days is listed once", () => {
    expect(periodStart("2026-11-24", "week")).toBe("2026-11-23")
    expect(periodStart("2026-11-23", "week")).toBe("2026-11-23")
    expect(periodStart("2026-11-22", "week")).toBe("2026-11-16")
    expect(periodStart("2026-01-01", "week")).toBe("2025-12-29")
    expect(periodStart("2026-02-28", "month")).toBe("2026-02-01")
    expect(periodsBetween("2025-11-30", "2026-02-01", "month")).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"])
    expect(periodsBetween("2026-03-01", "2026-03-20", "week")).toEqual(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"])
    expect(periodsBetween("2026-03-20", "2026-03-01", "week")).toEqual([])
  })
})
