import { translate } from "../lib/i18n"
import {
  formatNps,
  formatRate,
  isDateInput,
  isHexColor,
  lastDays,
  newSurveyForm,
  niceCeil,
  normalizeBaseUrl,
  npsShares,
  presetOf,
  questionsForType,
  questionsReducer,
  scaleBars,
  scoreBand,
  surveyChanges,
  surveyToForm,
  toQuestionDraft,
  trendLayout,
  validateSurveyForm,
  type QuestionDraft,
} from "../lib/surveys"
import type { SurveyDTO } from "../../types/surveys"

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate("en", key, values)

const strip = (questions: QuestionDraft[]) => questions.map(({ key: _key, ...rest }) => rest)

const survey: SurveyDTO = {
  id: "srv_1",
  name: "After delivery",
  type: "nps",
  questions: [
    { id: "score", type: "nps", label: "Recommend us?", required: true },
    { id: "why", type: "text", label: "Why?", required: false },
  ],
  trigger: { event: "delivery", delay_hours: 48 },
  active: true,
  expiry_days: 14,
  completion_points: 0,
  review_prompt: true,
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
}

describe("the survey admin helpers", () => {
  it("bands scores: NPS 9-10 promoters, 7-8 passives, 0-6 detractors; CSAT 4-5, 3, 1-2", () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => scoreBand("nps", score))).toEqual(["bad", "bad", "neutral", "neutral", "good", "good"])
    expect([1, 2, 3, 4, 5].map((score) => scoreBand("csat", score))).toEqual(["bad", "bad", "neutral", "good", "good"])
  })

  it("writes NPS with its sign and rates as percentages", () => {
    expect(formatNps(30, "en")).toBe("+30")
    expect(formatNps(-12.4, "en")).toBe("\u221212")
    expect(formatNps(0, "en")).toBe("0")
    expect(formatRate(0.425, "en")).toBe("42.5%")
    expect(formatRate(null, "en")).toBe("-")
    // 5 promoters, 3 passives, 2 detractors: NPS 30.
    const shares = npsShares({ promoters: 5, passives: 3, detractors: 2 })
    expect(Math.round((shares.promoters - shares.detractors) * 100)).toBe(30)
    expect(npsShares({ promoters: 0, passives: 0, detractors: 0 }).promoters).toBe(0)
  })

  it("scales bars to a nice top", () => {
    expect([0, 1, 3, 7, 10, 11, 180, 2500].map(niceCeil)).toEqual([1, 1, 5, 10, 10, 20, 200, 5000])
    expect(scaleBars([0, 5, 10])).toEqual({ top: 10, shares: [0, 0.5, 1] })
    expect(scaleBars([]).top).toBe(1)
  })

  it("lays out the trend: bands across the width, the line broken where a period has no score", () => {
    const layout = trendLayout(
      [
        { period: "2025-01-06", score: 100, responses: 4 },
        { period: "2025-01-13", score: -100, responses: 2 },
        { period: "2025-01-20", score: null, responses: 0 },
        { period: "2025-01-27", score: 0, responses: 1 },
        { period: "2025-02-03", score: 50, responses: 3 },
      ],
      { left: 0, width: 500, scoreTop: 0, scoreBottom: 100, barsTop: 120, barsBottom: 160, domain: { min: -100, max: 100 }, ticks: [-100, 0, 100], maxLabels: 3 }
    )
    expect(layout.bandWidth).toBe(100)
    expect(layout.bands.map((band) => band.center)).toEqual([50, 150, 250, 350, 450])
    expect(layout.bands.map((band) => band.scoreY)).toEqual([0, 100, null, 50, 25])
    expect(layout.lines).toEqual(["M50 0 L150 100", "M350 50 L450 25"])
    expect(layout.responsesTop).toBe(5)
    expect(layout.bands[0]).toMatchObject({ barHeight: 32, barY: 128 })
    expect(layout.bands[2]).toMatchObject({ barHeight: 0, barY: 160 })
    expect(layout.scoreTicks).toEqual([{ value: -100, y: 100 }, { value: 0, y: 50 }, { value: 100, y: 0 }])
    // Every second period labelled, counted back from the last.
    expect(layout.bands.map((band) => band.labelled)).toEqual([true, false, true, false, true])
    expect(trendLayout([], { left: 0, width: 100, scoreTop: 0, scoreBottom: 1, barsTop: 2, barsBottom: 3, domain: { min: 1, max: 5 }, ticks: [] }).lines).toEqual([])
  })

  it("reads dates and periods", () => {
    expect(isDateInput("2025-02-28")).toBe(true)
    expect(isDateInput("2025-02-30")).toBe(false)
    expect(isDateInput("2025-2-3")).toBe(false)
    const today = new Date(2025, 2, 31)
    expect(lastDays(30, today)).toEqual({ from: "2025-03-02", to: "2025-03-31" })
    expect(presetOf(lastDays(90, today), today)).toBe(90)
    expect(presetOf({ from: "2025-01-05", to: "2025-03-31" }, today)).toBeNull()
  })

  it("checks colours and link bases", () => {
    expect(isHexColor("#1f2937")).toBe(true)
    expect(isHexColor("#fff")).toBe(false)
    expect(isHexColor("1f2937")).toBe(false)
    expect(normalizeBaseUrl("https://shop.example.com/survey/")).toBe("https://shop.example.com/survey")
    expect(normalizeBaseUrl("javascript:alert(1)")).toBeNull()
    expect(normalizeBaseUrl("https://x.y/s?a=1")).toBeNull()
    expect(normalizeBaseUrl("shop.example.com")).toBeNull()
  })
})

describe("the question editor", () => {
  const start = () => surveyToForm(survey).questions

  it("adds questions with fresh ids and type defaults", () => {
    let questions = questionsReducer(start(), { type: "add", questionType: "single_choice" })
    questions = questionsReducer(questions, { type: "add", questionType: "rating" })
    expect(strip(questions).slice(2)).toEqual([
      { id: "q1", type: "single_choice", label: "", required: true, options: ["", ""], max: "" },
      { id: "q2", type: "rating", label: "", required: true, options: [], max: "5" },
    ])
  })

  it("never removes, moves or retypes the score question", () => {
    const questions = start()
    expect(questionsReducer(questions, { type: "remove", index: 0 })).toBe(questions)
    expect(questionsReducer(questions, { type: "move", index: 1, by: -1 })).toBe(questions)
    expect(questionsReducer(questions, { type: "setType", index: 0, questionType: "text" })).toBe(questions)
    expect(questionsReducer(questions, { type: "update", index: 0, changes: { required: false } })[0].required).toBe(true)
  })

  it("moves, retypes and edits options", () => {
    let questions = questionsReducer(start(), { type: "add", questionType: "single_choice" })
    questions = questionsReducer(questions, { type: "move", index: 2, by: -1 })
    expect(questions.map((question) => question.id)).toEqual(["score", "q1", "why"])
    questions = questionsReducer(questions, { type: "setOption", index: 1, option: 0, value: "Red" })
    questions = questionsReducer(questions, { type: "setOption", index: 1, option: 1, value: "Blue" })
    questions = questionsReducer(questions, { type: "addOption", index: 1 })
    questions = questionsReducer(questions, { type: "setOption", index: 1, option: 2, value: "Green" })
    questions = questionsReducer(questions, { type: "moveOption", index: 1, option: 2, by: -1 })
    expect(questions[1].options).toEqual(["Red", "Green", "Blue"])
    // Options carry over between the two choice types, and go for others.
    questions = questionsReducer(questions, { type: "setType", index: 1, questionType: "multiple_choice" })
    expect(questions[1].options).toEqual(["Red", "Green", "Blue"])
    questions = questionsReducer(questions, { type: "removeOption", index: 1, option: 0 })
    expect(questions[1].options).toEqual(["Green", "Blue"])
    questions = questionsReducer(questions, { type: "setType", index: 1, questionType: "rating" })
    expect(questions[1]).toMatchObject({ type: "rating", options: [], max: "5" })
    questions = questionsReducer(questions, { type: "remove", index: 1 })
    expect(questions.map((question) => question.id)).toEqual(["score", "why"])
  })

  it("swaps the score question when the type changes, keeping a label the merchant wrote", () => {
    const nps = newSurveyForm(t, "nps").questions
    const csat = questionsForType(nps, "nps", "csat", t)
    expect(strip(csat)[0]).toEqual({ id: "score", type: "csat", label: t("surveys.default.csatScore"), required: true, options: [], max: "" })
    // The default "why?" follows the type too.
    expect(csat[1].label).toBe(t("surveys.default.csatWhy"))
    const edited = questionsReducer(nps, { type: "update", index: 0, changes: { label: "Would you recommend Acme?" } })
    expect(questionsForType(edited, "nps", "csat", t)[0].label).toBe("Would you recommend Acme?")
    const custom = questionsForType(nps, "nps", "custom", t)
    expect(custom.map((question) => question.id)).toEqual(["why"])
    const back = questionsForType([toQuestionDraft({ id: "score", type: "text", label: "Say", required: false })], "custom", "nps", t)
    expect(back.map((question) => `${question.id}:${question.type}`)).toEqual(["score:nps", "q1:text"])
  })
})

describe("the survey form", () => {
  it("turns a new NPS survey into the API's body", () => {
    const form = { ...newSurveyForm(t, "nps"), name: "  Delivery NPS " }
    const { body, errors } = validateSurveyForm(form, t)
    expect(errors).toEqual({})
    expect(body).toEqual({
      name: "Delivery NPS",
      type: "nps",
      questions: [
        { id: "score", type: "nps", label: t("surveys.default.npsScore"), required: true },
        { id: "why", type: "text", label: t("surveys.default.npsWhy"), required: false },
      ],
      trigger: { event: "delivery", delay_hours: 72 },
      active: true,
      expiry_days: 14,
      completion_points: 0,
      review_prompt: true,
    })
  })

  it("names what is wrong, question by question", () => {
    const form = newSurveyForm(t, "custom")
    form.delay_hours = "-1"
    form.expiry_days = "0"
    form.questions = questionsReducer([], { type: "add", questionType: "single_choice" })
    form.questions = questionsReducer(form.questions, { type: "setOption", index: 0, option: 0, value: "Same" })
    form.questions = questionsReducer(form.questions, { type: "setOption", index: 0, option: 1, value: "same" })
    form.questions = questionsReducer(form.questions, { type: "add", questionType: "rating" })
    form.questions = questionsReducer(form.questions, { type: "update", index: 1, changes: { label: "Rate", max: "11" } })
    const { body, errors, questions } = validateSurveyForm(form, t)
    expect(body).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(["delay_hours", "expiry_days", "name"])
    expect(questions.byIndex[0]).toEqual({ label: expect.any(String), options: t("surveyBuilder.validation.optionTwice") })
    expect(questions.byIndex[1]).toEqual({ max: t("validation.wholeRange", { min: 2, max: 10 }) })
    // The review prompt only goes with a score about a delivered order.
    const nps = { ...newSurveyForm(t, "nps"), name: "N" }
    expect(validateSurveyForm(nps, t).body?.review_prompt).toBe(true)
    expect(validateSurveyForm({ ...nps, event: "ticket_resolved" }, t).body?.review_prompt).toBe(false)
    // A manual survey has no delay to check.
    expect(validateSurveyForm({ ...form, event: "manual" }, t).errors.delay_hours).toBeUndefined()
    // A custom survey needs a question.
    expect(validateSurveyForm({ ...form, questions: [] }, t).questions.list).toBe(t("surveyBuilder.validation.noQuestions"))
  })

  it("sends only what changed when editing", () => {
    const form = surveyToForm(survey)
    expect(surveyChanges(validateSurveyForm(form, t).body!, survey)).toEqual({})
    const { body } = validateSurveyForm({ ...form, delay_hours: "24", name: "Renamed" }, t)
    expect(surveyChanges(body!, survey)).toEqual({ name: "Renamed", trigger: { event: "delivery", delay_hours: 24 } })
    const relabelled = questionsReducer(form.questions, { type: "update", index: 1, changes: { label: "Tell us more" } })
    expect(Object.keys(surveyChanges(validateSurveyForm({ ...form, questions: relabelled }, t).body!, survey))).toEqual(["questions"])
  })
})
