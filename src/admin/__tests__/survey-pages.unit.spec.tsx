/**
 * The survey pages and the order widget rendered (on the server, with the
 * data hooks replaced by fixtures): each renders, shows what staff need, and
 * renders customer text as text.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { renderToString } from "react-dom/server"
import { MemoryRouter, Route, Routes } from "react-router-dom"
import { TooltipProvider } from "@medusajs/ui"

const survey = {
  id: "srv_1",
  name: "Delivery <b>NPS</b>",
  type: "nps",
  questions: [
    { id: "score", type: "nps", label: "Recommend us?", required: true },
    { id: "why", type: "text", label: "Why that score?", required: false },
  ],
  trigger: { event: "delivery", delay_hours: 48 },
  active: true,
  expiry_days: 14,
  completion_points: 50,
  review_prompt: true,
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
}
const custom = {
  ...survey,
  id: "srv_2",
  name: "Packaging",
  type: "custom",
  questions: [{ id: "q1", type: "single_choice", label: "Box?", required: true, options: ["Fine", "Crushed"] }],
  trigger: { event: "manual", delay_hours: 0 },
  active: false,
}
const results = {
  from: "2025-01-01",
  to: "2025-03-31",
  interval: "week",
  invitations: 40,
  responses: 10,
  response_rate: 0.25,
  nps: 30,
  nps_breakdown: { promoters: 5, passives: 3, detractors: 2 },
  distribution: Array.from({ length: 11 }, (_, score) => ({ score, responses: score >= 9 ? 2.5 : score >= 7 ? 1.5 : score === 0 ? 2 : 0 })),
  trend: [
    { period: "2025-01-06", score: 20, responses: 4 },
    { period: "2025-01-13", score: null, responses: 0 },
    { period: "2025-01-20", score: 40, responses: 6 },
  ],
  answers: [
    {
      response_id: "sres_1", question_id: "why", question_label: "Why that score?", text: "Slow <script>alert(1)</script>",
      score: 3, customer_id: "cus_1", customer: { email: "a@b.c", first_name: "Ann", last_name: "Lee" }, order_id: "order_1",
      ticket_id: null, created_at: "2025-02-01T10:00:00Z",
    },
  ],
  answers_count: 1,
  ticket_csat: { average: 4.25, ratings: 8, distribution: [1, 2, 3, 4, 5].map((score) => ({ score, responses: score })) },
}
const base = { isPending: false, isError: false, error: null, refetch: () => {}, isFetching: false }
const mutation = { mutateAsync: async () => ({}), isPending: false, error: null, reset: () => {} }

jest.mock("../hooks/surveys", () => ({
  useSurveys: () => ({ ...base, surveys: [{ ...survey, invitations: 40, responses: 10 }, { ...custom, invitations: 0, responses: 0 }], count: 2 }),
  useSurvey: (id: string) => ({ ...base, survey: id === "srv_2" ? custom : survey }),
  useSurveysById: () => ({}),
  useSurveyResults: () => ({ ...base, results }),
  useSurveySettings: () => ({
    ...base,
    settings: { id: "srvset_default", frequency_cap_days: 30, store_name: null, brand_color: "#2563eb", background_color: "#ffffff", text_color: "#111827", link_base_url: null, effective_link_base_url: "https://shop.test/surveys" },
  }),
  useSurveyResponses: () => ({
    ...base,
    survey_responses: [
      {
        id: "sres_1", survey_id: "srv_1", survey: { id: "srv_1", name: "Delivery NPS", type: "nps", questions: survey.questions },
        invitation_id: "sinv_1", customer_id: "cus_1", order_id: "order_1", ticket_id: null, score: 3,
        answers: [{ question_id: "score", value: 3 }, { question_id: "why", value: "Late <i>again</i>" }], created_at: "2025-02-01T10:00:00Z",
      },
    ],
  }),
  useCreateSurvey: () => mutation, useUpdateSurvey: () => mutation, useDeleteSurvey: () => mutation,
  useSendSurvey: () => mutation, useUpdateSurveySettings: () => mutation,
  useCustomerSearch: () => ({ data: [] }), useCustomerGroups: () => ({ data: [] }),
}))

const render = (path: string, route: string, element: JSX.Element) =>
  renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <TooltipProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </MemoryRouter>
      </TooltipProvider>
    </QueryClientProvider>
  )

// React warns that layout effects (react-router's) do nothing on the server: noise here.
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("useLayoutEffect does nothing on the server")) return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())

describe("the survey admin pages", () => {
  it("lists the surveys with their trigger, status and response rate", () => {
    const Page = require("../routes/surveys/page").default
    const html = render("/surveys", "/surveys", <Page />)
    expect(html).toContain("Delivery &lt;b&gt;NPS&lt;/b&gt;")
    expect(html).not.toContain("<b>NPS</b>")
    expect(html).toContain("After delivery, 48 h later")
    expect(html).toContain("Manual send")
    expect(html).toContain("25%")
    expect(html).toContain("Inactive")
    expect(html).toContain('href="/surveys/settings"')
  })

  it("shows an NPS survey's results: KPIs, breakdown, charts, ticket CSAT and the answers", () => {
    const Page = require("../routes/surveys/[id]/page").default
    const html = render("/surveys/srv_1?from=2025-01-01&to=2025-03-31&interval=week", "/surveys/:id", <Page />)
    expect(html).toContain("+30")
    expect(html).toContain("Promoters 5 (50%)")
    expect(html).toContain("Detractors 2 (20%)")
    expect(html).toContain("4.3 / 5")
    expect(html).toContain("<svg")
    // The line is broken at the week without a score: no path joins the two dots.
    expect(html).not.toMatch(/<path d="M[\d.]+ [\d.]+ L/)
    expect(html).toContain("Slow &lt;script&gt;alert(1)&lt;/script&gt;")
    expect(html).not.toContain("<script>alert")
    expect(html).toContain('href="/customers/cus_1"')
    expect(html).toContain("Ann Lee")
    expect(html).toContain("3/10 \u00b7 Detractor")
    expect(html).toContain('value="2025-01-01"')
    expect(html).toContain("Send now")
    expect(html).toContain("Deactivate")
    expect(html).toContain("links valid 14 days")
    expect(html).toContain("50 points for answering")
  })

  it("shows a custom survey without a score", () => {
    const Page = require("../routes/surveys/[id]/page").default
    const html = render("/surveys/srv_2", "/surveys/:id", <Page />)
    expect(html).toContain("Packaging")
    expect(html).toContain("Activate")
    expect(html).toContain("Written answers")
    expect(html).not.toContain("Promoters")
    expect(html).toContain("Fine / Crushed")
  })

  it("renders the settings with a preview in the stored colours", () => {
    const Settings = require("../routes/surveys/settings/page").default
    const html = render("/surveys/settings", "/surveys/settings", <Settings />)
    expect(html).toContain('value="30"')
    expect(html).toContain('value="#2563eb"')
    expect(html).toContain("background:#ffffff")
    expect(html).toContain("Your store")
    expect(html).toContain("Links point to https://shop.test/surveys/…")
  })

  it("renders the order widget with the score band and the answers as text", () => {
    const Widget = require("../widgets/order-survey").default
    const html = render("/orders/o", "/orders/o", <Widget data={{ id: "order_1", customer_id: "cus_1" }} />)
    expect(html).toContain("Delivery NPS")
    expect(html).toContain("3/10 \u00b7 Detractor")
    expect(html).toContain("Why that score?")
    expect(html).toContain("Late &lt;i&gt;again&lt;/i&gt;")
    expect(html).toContain('href="/surveys/srv_1"')
  })
})
