/**
 * The segment pages, the rule builder and the customer widget rendered on
 * the server with the real hooks over a mocked `sdk.client.fetch` (fixtures
 * by path): each renders what staff need, from the routes the contract
 * names, and renders customer data as text.
 */
import { FetchError } from "@medusajs/js-sdk"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { renderToString } from "react-dom/server"
import { MemoryRouter, Route, Routes } from "react-router-dom"
import { TooltipProvider } from "@medusajs/ui"
import type { ReactElement } from "react"

const CHOICE_OPS = ["eq", "neq", "in", "nin", "exists"]
const NUMBER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "between", "exists"]
const fields = [
  { field: "order_count", label: "Orders", type: "number", ops: NUMBER_OPS, nullable: false },
  { field: "total_spent", label: "Total spent", type: "number", ops: NUMBER_OPS, nullable: false },
  { field: "last_order_at", label: "Last order date", type: "date", ops: ["gt", "gte", "lt", "lte", "between", "within_days", "exists"], nullable: true },
  { field: "country_code", label: "Country", type: "string", ops: CHOICE_OPS, nullable: true },
  { field: "has_account", label: "Has an account", type: "boolean", ops: ["eq", "neq"], nullable: false },
  {
    field: "rfm_group", label: "RFM group", type: "enum", ops: CHOICE_OPS, nullable: true,
    values: [{ value: "champions", label: "Champions" }, { value: "at_risk", label: "At risk" }, { value: "lost", label: "Lost" }],
  },
  { field: "bought_product", label: "Bought product", type: "ids", ops: ["eq", "neq", "in", "nin"], nullable: false },
]

const rules = {
  all: [
    { field: "order_count", op: "gte", value: 3 },
    { any: [{ field: "rfm_group", op: "in", value: ["at_risk", "lost"] }, { field: "country_code", op: "in", value: ["cn", "hk"] }] },
    { field: "total_spent", op: "between", value: [100, 900] },
    { field: "bought_product", op: "eq", value: "prod_1", window_days: 45 },
    { field: "has_account", op: "eq", value: true },
    { field: "last_order_at", op: "gt", value: "2025-06-01" },
  ],
}
const segment = {
  id: "seg_1", name: "Win-back <b>VIP</b>", description: "Big spenders drifting away", rules, refresh: "daily",
  customer_group_id: "cusgroup_1", member_count: 1234, refreshed_at: "2026-03-30T08:00:00Z", last_joined: 12, last_left: 3,
  created_at: "2026-01-01T00:00:00Z", updated_at: "2026-03-30T08:00:00Z",
  promotions: [{ id: "promo_1", code: "WINBACK10", status: "active", is_automatic: false }],
}
const manual = { ...segment, id: "seg_2", name: "Everyone", description: null, rules: { all: [] }, refresh: "manual", member_count: 0, refreshed_at: null, promotions: [] }
const groupNames = ["champions", "loyal", "potential_loyalist", "new", "promising", "need_attention", "at_risk", "cannot_lose_them", "hibernating", "lost"]
const rfm = {
  groups: groupNames.map((name, index) => ({
    name, label: name === "at_risk" ? "At risk" : name === "champions" ? "Champions" : name, customers: index === 0 ? 50 : 25, share: index === 0 ? 50 / 275 : 25 / 275,
  })),
  customers: 275,
  scored_at: "2026-03-31T02:00:00Z",
}

type Init = { method?: string; body?: unknown; query?: Record<string, unknown> }
const answers: Record<string, (init: Init) => unknown> = {
  "GET /admin/segments": () => ({ segments: [segment, manual], count: 2, offset: 0, limit: 20 }),
  "GET /admin/segments/fields": () => ({ fields }),
  "GET /admin/segments/seg_1": () => ({ segment }),
  "GET /admin/segments/seg_1/customers": () => ({
    customers: [{ id: "cus_1", email: "ann@example.com", first_name: "Ann <i>", last_name: "Lee", has_account: true, joined_at: "2026-03-01T00:00:00Z" }],
    count: 1, offset: 0, limit: 20,
  }),
  "POST /admin/segments/preview": ({ body }) => {
    const { rules: asked } = body as { rules: { all: { field: string }[] } }
    if (asked.all.some((rule) => rule.field === "has_account")) {
      throw new FetchError("rules.all[4]: has_account eq needs true or false, got \"yes\"", "Bad Request", 400)
    }
    return { count: 42, sample: [{ id: "cus_9", email: "zoe@example.com", first_name: null, last_name: null }] }
  },
  "GET /admin/crm/rfm": () => rfm,
  "GET /admin/customers/cus_1/segments": () => ({
    segments: [{ id: "seg_1", name: "Win-back <b>VIP</b>", joined_at: "2026-03-01T00:00:00Z" }],
    rfm: { recency: 5, frequency: 4, monetary: 3, group: "champions", label: "Champions", scored_at: "2026-03-31T02:00:00Z" },
  }),
}

const mockFetch = jest.fn(async (path: string, init: Init = {}) => {
  const answer = answers[`${init.method ?? "GET"} ${path}`]
  if (!answer) throw new FetchError(`No fixture for ${init.method ?? "GET"} ${path}`, "Not Found", 404)
  return answer(init)
})

jest.mock("../lib/sdk", () => ({
  sdk: { client: { fetch: (path: string, init?: Init) => mockFetch(path, init) } },
}))

/**
 * Server rendering starts no queries: render, run every query the render
 * asked for through its own query function (the mocked fetch), and render
 * again until no new query appears (the preview needs the fields first).
 */
const renderWithData = async (path: string, route: string, element: ReactElement) => {
  // A failed query would otherwise show as loading again on the next render
  // (it is "refetched on mount"); in a browser it shows its error until then.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, retryOnMount: false } } })
  const render = () =>
    renderToString(
      <QueryClientProvider client={client}>
        <TooltipProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={route} element={element} />
            </Routes>
          </MemoryRouter>
        </TooltipProvider>
      </QueryClientProvider>
    )
  let html = render()
  for (let pass = 0; pass < 5; pass++) {
    const pending = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.dataUpdatedAt === 0 && query.state.errorUpdatedAt === 0 && (query.options as { enabled?: unknown }).enabled !== false)
    if (!pending.length) break
    await Promise.all(pending.map((query) => query.fetch().catch(() => undefined)))
    html = render()
  }
  return html
}

const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("useLayoutEffect does nothing on the server")) return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())
beforeEach(() => mockFetch.mockClear())

const calls = () => mockFetch.mock.calls.map(([path, init]) => `${init?.method ?? "GET"} ${path}`)

describe("the segment admin pages", () => {
  it("lists the segments with refresh mode, members and last refresh, and the RFM groups as a chart", async () => {
    const Page = require("../routes/segments/page").default
    const html = await renderWithData("/segments", "/segments", <Page />)
    expect(mockFetch).toHaveBeenCalledWith("/admin/segments", { query: { limit: 20, offset: 0 } })
    expect(calls()).toContain("GET /admin/crm/rfm")
    expect(html).toContain("Win-back &lt;b&gt;VIP&lt;/b&gt;")
    expect(html).not.toContain("<b>VIP</b>")
    expect(html).toContain("Daily")
    expect(html).toContain("Manual")
    expect(html).toContain("1,234")
    expect(html).toContain("Never")
    expect(html).toContain('href="/segments/new"')
    // The chart: the champions' column fills it, the others are half as tall; shares under each.
    expect(html).toContain("height:100%")
    expect(html).toContain("height:50%")
    expect(html).toContain("18.2%")
    expect(html).toContain("At risk")
    expect(html).toContain("275 customers scored")
    expect(html).toContain("Rescore now")
  })

  it("shows a segment: summary, builder with its values, the server's 400 in the preview, members and promotions", async () => {
    const Page = require("../routes/segments/[id]/page").default
    const html = await renderWithData("/segments/seg_1", "/segments/:id", <Page />)
    expect(calls()).toEqual(
      expect.arrayContaining([
        "GET /admin/segments/seg_1",
        "GET /admin/segments/fields",
        "GET /admin/segments/seg_1/customers",
        "POST /admin/segments/preview",
      ])
    )
    const preview = mockFetch.mock.calls.find(([path]) => path === "/admin/segments/preview")!
    expect(preview[1]).toEqual({ method: "POST", body: { rules } })
    // The preview's 400 names the bad value, as the server wrote it.
    expect(html).toContain("rules.all[4]: has_account eq needs true or false, got &quot;yes&quot;")
    expect(html).toContain(
      "Orders \u2265 3 and (RFM group is one of At risk, Lost or Country is one of cn, hk) and Total spent between 100 and 900" +
        " and Bought product = prod_1 (last 45 days) and Has an account = Yes and Last order date &gt; 2025-06-01"
    )
    expect(html).toContain("1,234 members")
    expect(html).toContain("last refresh: 12 joined, 3 left")
    expect(html).toContain("Refresh")
    expect(html).toContain("Create promotion")
    // Builder: the values in their inputs.
    expect(html).toContain('value="3"')
    expect(html).toContain('value="100"')
    expect(html).toContain('value="900"')
    expect(html).toContain('value="prod_1"')
    expect(html).toContain('value="45"')
    expect(html).toContain('value="2025-06-01"')
    expect(html).toContain("Add condition")
    // Members, linking to the customer, names as text.
    expect(html).toContain('href="/customers/cus_1"')
    expect(html).toContain("Ann &lt;i&gt; Lee")
    // Promotions, linking to the dashboard's promotion page.
    expect(html).toContain('href="/promotions/promo_1"')
    expect(html).toContain("WINBACK10")
  })

  it("renders the create page with an empty rule and counts every customer", async () => {
    const Page = require("../routes/segments/new/page").default
    const html = await renderWithData("/segments/new", "/segments/new", <Page />)
    expect(html).toContain("Create segment")
    expect(html).toContain("No conditions: every customer is a member.")
    expect(mockFetch).toHaveBeenCalledWith("/admin/segments/preview", { method: "POST", body: { rules: { all: [] } } })
    expect(html).toContain("42 customers")
    expect(html).toContain('href="/customers/cus_9"')
  })

  it("renders the customer widget with the segments and the RFM scores", async () => {
    const Widget = require("../widgets/customer-segments").default
    const html = await renderWithData("/customers/cus_1", "/customers/:id", <Widget data={{ id: "cus_1" }} />)
    expect(calls()).toEqual(["GET /admin/customers/cus_1/segments"])
    expect(html).toContain('href="/segments/seg_1"')
    expect(html).toContain("Win-back &lt;b&gt;VIP&lt;/b&gt;")
    expect(html).toContain("Champions")
    expect(html).toContain("R 5 \u00b7 F 4 \u00b7 M 3")
  })
})

describe("the rule builder", () => {
  const { SegmentRuleBuilder } = require("../components/segment-rule-builder")
  const { ruleToDraft, draftToRule, countConditions } = require("../lib/segments")
  const { translate } = require("../lib/i18n")
  const i18n = {
    locale: "en",
    t: (key: string, values?: Record<string, string | number>) => translate("en", key, values),
    formatNumber: (value: number) => String(value),
    formatDate: (value: string) => value,
    formatDateTime: (value: string) => value,
  }
  const build = (rule: unknown, showErrors = false) => {
    const root = ruleToDraft(rule)
    return renderToString(
      <TooltipProvider>
        <SegmentRuleBuilder
          root={root}
          fields={fields}
          dispatch={() => {}}
          errors={showErrors ? draftToRule(root, fields).errors : {}}
          conditionCount={countConditions(root)}
          disabled={false}
          i18n={i18n}
        />
      </TooltipProvider>
    )
  }

  it("draws nested groups and the right input for each type and op", () => {
    const html = build(rules)
    // Two groups: the root and the nested "any".
    expect(html.match(/role="group" aria-label="Group of conditions"/g)).toHaveLength(1)
    expect(html).toContain('aria-label="Rules"')
    // in on an enum: a checkbox per value, the chosen ones checked.
    expect(html).toContain("Champions")
    expect(html.match(/role="checkbox"[^>]*aria-checked="true"/g)).toHaveLength(2)
    // in on a string: the values as removable badges.
    expect(html).toContain('aria-label="Remove cn"')
    expect(html).toContain('aria-label="Remove hk"')
    // between: two number inputs; bought_*: the id and the window.
    expect(html).toContain('aria-label="From"')
    expect(html).toContain('aria-label="To"')
    expect(html).toContain('aria-label="Only orders of the last N days"')
    // boolean: a switch, on.
    expect(html).toMatch(/role="switch"[^>]*aria-checked="true"/)
    expect(html).toContain('type="date"')
    // Nested group: it can be removed, the root cannot.
    expect(html.match(/aria-label="Remove group"/g)).toHaveLength(1)
  })

  it("shows why an incomplete condition cannot be counted", () => {
    const html = build({ all: [{ field: "country_code", op: "eq", value: "" }, { field: "total_spent", op: "between", value: [9, 1] }] }, true)
    expect(html).toContain("Enter a value.")
    expect(html).toContain("The first value must not be after the second.")
    expect(html).toContain('aria-invalid="true"')
  })

  it("offers no deeper group at the server's nesting limit", () => {
    const deep = { all: [{ any: [{ all: [{ any: [{ all: [{ field: "order_count", op: "gt", value: 1 }] }] }] }] }] }
    const html = build(deep)
    // Five levels of groups: the innermost offers conditions only.
    expect(html.match(/Add condition/g)).toHaveLength(5)
    expect(html.match(/Add &quot;(any|all) of&quot; group/g)).toHaveLength(4)
  })
})
