import fs from "fs"
import { DEFAULT_QUESTIONS, type SurveyQuestion } from "../../../../types/surveys"
import { pageColors, textColorOn } from "../page-colors"
import { PAGE_STRINGS, resolvePageLocale, UNAVAILABLE_REASONS } from "../page-strings"
import { renderSurveyPage, UNAVAILABLE_STATUS, type SurveyFormPageView, type SurveyPageBranding } from "../survey-page"

const HOSTILE = {
  script: "<script>alert(1)</script>",
  attribute: '"><img src=x onerror=alert(1)>',
  mustache: "{{constructor}}",
}
/** What each hostile string looks like once HTML-escaped by Handlebars. */
const ESCAPED = {
  script: "&lt;script&gt;alert(1)&lt;/script&gt;",
  attribute: "&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;",
  mustache: "{{constructor}}",
}
const HOSTILE_COLOR = "red;}</style><script>alert(1)</script><style>"

const branding: SurveyPageBranding = { store_name: "Acme", brand_color: "#2563eb", background_color: "#ffffff", text_color: "#111111" }

const ALL_TYPES: SurveyQuestion[] = [
  { id: "score", type: "nps", label: "How likely are you to recommend us?", required: true },
  { id: "csat", type: "csat", label: "How satisfied are you?", required: false },
  { id: "stars", type: "rating", label: "Rate the delivery", required: false, max: 7 },
  { id: "channel", type: "single_choice", label: "Where did you hear of us?", required: true, options: ["Friends", "Search"] },
  { id: "colors", type: "multiple_choice", label: "Which colours do you like?", required: false, options: ["Red", "Blue", "Green"] },
  { id: "why", type: "text", label: "Why?", required: false },
]

const form = (overrides: Partial<SurveyFormPageView> = {}): string =>
  renderSurveyPage({
    kind: "form",
    branding,
    survey_name: "Your order",
    questions: ALL_TYPES,
    form_token: "1700000000.abc",
    ...overrides,
  })

/** The `<input>` tags named `name`. */
const inputsNamed = (html: string, name: string): string[] =>
  [...html.matchAll(/<input [^>]*>/g)].map(([tag]) => tag).filter((tag) => tag.includes(`name="${name}"`))

/** Only the markup: the text between tags removed, to look at tags and attributes. */
const tagsOf = (html: string) => (html.match(/<[^>]*>/g) ?? []).join("\n")

/** Checks every page must pass: a whole document, mobile-ready, no script or other host, nothing hostile unescaped. */
function expectSafeDocument(html: string, allowedHrefs: string[] = []) {
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
  expect(html).toMatch(/<html lang="(en|zh-CN)"/)
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  expect(html).toContain('<meta charset="utf-8">')
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/<img/i)
  expect(html).not.toMatch(/<link/i)
  expect(html).not.toMatch(/@import|url\(/i)
  expect(html).not.toMatch(/\son[a-z]+=/i)
  expect(html).not.toContain(HOSTILE.attribute)
  expect(html).not.toContain(HOSTILE.script)
  // Every absolute URL in the page is one of the allowed review links.
  const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? []
  for (const url of urls) {
    expect(allowedHrefs).toContain(url)
  }
  // The only elements with a URL are the allowed links.
  const hrefs = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map(([, value]) => value)
  for (const href of hrefs) {
    expect([...allowedHrefs, "/surveys/abc"]).toContain(href)
  }
  expect((html.match(/<style>/g) ?? []).length).toBe(1)
}

describe("renderSurveyPage: form", () => {
  it("renders a complete, accessible form that posts to its own URL with the form token", () => {
    const html = form()
    expectSafeDocument(html)
    expect(html).toContain("<title>Your order · Acme</title>")
    expect(html).toContain('<p class="store">Acme</p>')
    expect(html).toContain("<h1>Your order</h1>")
    expect(html).toMatch(/<form method="post" accept-charset="utf-8">/)
    expect(html).toContain('<input type="hidden" name="form_token" value="1700000000.abc">')
    expect(html).toContain('<input type="hidden" name="q[.]" value="">')
    expect(html).toContain('<button type="submit">Send my answers</button>')
    // one fieldset with a legend per choice question, a label for the textarea
    expect(html.match(/<fieldset/g)).toHaveLength(5)
    expect(html.match(/<legend>/g)).toHaveLength(5)
    expect(html).toContain('<label class="question-label" for="question-6">Why?</label>')
    // required markers, visible and for screen readers
    expect(html).toContain("Questions marked * need an answer.")
    expect(html).toMatch(/<legend>How likely are you to recommend us\? <span class="req" aria-hidden="true">\*<\/span><span class="sr"> \(required\)<\/span><\/legend>/)
  })

  it("renders NPS as 11 radio buttons 0-10, CSAT 1-5 and a rating 1..max, required ones required", () => {
    const html = form()
    const nps = inputsNamed(html, "q[score]")
    expect(nps).toHaveLength(11)
    expect(nps.map((tag) => tag.match(/value="(\d+)"/)![1])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"])
    expect(nps.every((tag) => tag.includes('type="radio"') && tag.includes(" required"))).toBe(true)
    expect(html).toContain("0 &#x3D; Not at all likely · 10 &#x3D; Extremely likely")

    const csat = inputsNamed(html, "q[csat]")
    expect(csat.map((tag) => tag.match(/value="(\d+)"/)![1])).toEqual(["1", "2", "3", "4", "5"])
    expect(csat.some((tag) => tag.includes(" required"))).toBe(false)
    expect(html).toContain("1 &#x3D; Very unsatisfied · 5 &#x3D; Very satisfied")

    expect(inputsNamed(html, "q[stars]").map((tag) => tag.match(/value="(\d+)"/)![1])).toEqual(["1", "2", "3", "4", "5", "6", "7"])
    // big touch targets in a wrapping grid
    expect(html).toContain('<div class="scale">')
    expect(html).toMatch(/\.scale \{[^}]*grid-template-columns: repeat\(auto-fit, minmax\(2\.75rem, 1fr\)\)/)
    expect(html).toMatch(/\.pick span \{[^}]*min-height: 3rem/)
  })

  it("renders single choice as radios, multiple choice as q[id][] checkboxes and text as a textarea of 5000", () => {
    const html = form()
    const single = inputsNamed(html, "q[channel]")
    expect(single).toEqual([
      '<input type="radio" name="q[channel]" value="Friends" required>',
      '<input type="radio" name="q[channel]" value="Search" required>',
    ])
    const multiple = inputsNamed(html, "q[colors][]")
    expect(multiple).toEqual([
      '<input type="checkbox" name="q[colors][]" value="Red">',
      '<input type="checkbox" name="q[colors][]" value="Blue">',
      '<input type="checkbox" name="q[colors][]" value="Green">',
    ])
    expect(html).toContain("Choose any that apply.")
    expect(html).toContain('<textarea id="question-6" name="q[why]" rows="5" maxlength="5000" aria-describedby="question-6-hint">\n</textarea>')
    expect(html).toContain('<p class="hint" id="question-6-hint">Up to 5000 characters.</p>')
  })

  it("shows again what the customer entered, and the errors", () => {
    const html = form({
      answers: [
        { question_id: "score", value: 7 },
        { question_id: "stars", value: "3" },
        { question_id: "channel", value: "Search" },
        { question_id: "colors", value: ["Red", "Green"] },
        { question_id: "why", value: "Slow\ndelivery" },
      ],
      errors: ['"Where did you hear of us?" takes one of: Friends, Search', "Another problem"],
    })
    const checked = (name: string) => inputsNamed(html, name).filter((tag) => tag.includes(" checked")).map((tag) => tag.match(/value="([^"]*)"/)![1])
    expect(checked("q[score]")).toEqual(["7"])
    expect(checked("q[stars]")).toEqual(["3"])
    expect(checked("q[csat]")).toEqual([])
    expect(checked("q[channel]")).toEqual(["Search"])
    expect(checked("q[colors][]")).toEqual(["Red", "Green"])
    expect(html).toContain(">\nSlow\ndelivery</textarea>")
    expect(html).toContain('<div class="errors" role="alert" aria-labelledby="errors-title">')
    expect(html).toContain("<li>&quot;Where did you hear of us?&quot; takes one of: Friends, Search</li>")
    expect(html).toContain("<li>Another problem</li>")
  })

  it("posts to a given path on this server, never to another host or scheme", () => {
    expect(form({ action: "/surveys/abc" })).toContain('<form method="post" action="/surveys/abc" accept-charset="utf-8">')
    for (const action of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/a b", ""]) {
      expect(form({ action })).toContain('<form method="post" accept-charset="utf-8">')
    }
  })

  it("escapes every merchant and customer text", () => {
    for (const hostile of Object.keys(HOSTILE) as (keyof typeof HOSTILE)[]) {
      const text = HOSTILE[hostile]
      const html = form({
        branding: { ...branding, store_name: text },
        survey_name: text,
        questions: [
          { id: "score", type: "nps", label: text, required: true },
          { id: "pick", type: "single_choice", label: text, required: true, options: [text, "plain"] },
          { id: "many", type: "multiple_choice", label: text, required: false, options: [text, "other"] },
          { id: "why", type: "text", label: text, required: false },
        ],
        answers: [
          { question_id: "pick", value: text },
          { question_id: "many", value: [text] },
          { question_id: "why", value: `${text}</textarea>${text}` },
          { question_id: "score", value: text },
        ],
        errors: [text],
        form_token: text,
      })
      expectSafeDocument(html)
      const escaped = ESCAPED[hostile]
      expect(html).toContain(`<title>${escaped} · ${escaped}</title>`)
      expect(html).toContain(`<p class="store">${escaped}</p>`)
      expect(html).toContain(`<h1>${escaped}</h1>`)
      expect(html).toContain(`<legend>${escaped} <span class="req"`)
      expect(html).toContain(`value="${escaped}" checked required>`)
      expect(html).toContain(`<span>${escaped}</span>`)
      expect(html).toContain(`<input type="checkbox" name="q[many][]" value="${escaped}" checked>`)
      expect(html).toContain(`for="question-4">${escaped}</label>`)
      expect(html).toContain(`>\n${escaped}&lt;/textarea&gt;${escaped}</textarea>`)
      expect(html).toContain(`<li>${escaped}</li>`)
      expect(html).toContain(`name="form_token" value="${escaped}"`)
      expect(html).not.toContain("</textarea><")
    }
  })

  it("keeps {{ in data as text (never evaluated) and handles odd inputs without throwing", () => {
    const html = form({
      survey_name: "{{#each this}}x{{/each}} {{{survey_name}}}",
      answers: [null as never, { question_id: "score", value: { toString: () => "7" } as never }],
      errors: [42 as never, "shown"],
    })
    expect(html).toContain("<h1>{{#each this}}x{{/each}} {{{survey_name}}}</h1>")
    expect(html).toContain("<li>shown</li>")
    expect(html).not.toContain("<li>42</li>")
    expect(inputsNamed(html, "q[score]").some((tag) => tag.includes("checked"))).toBe(false)
  })
})

describe("renderSurveyPage: colours", () => {
  it("puts valid #rrggbb colours into the CSS and picks readable text on the brand colour", () => {
    const html = form({ branding: { store_name: "Acme", brand_color: "#FFCC00", background_color: "#101010", text_color: "#fafafa" } })
    expect(html).toContain(":root { --brand: #ffcc00; --on-brand: #000000; --bg: #101010; --text: #fafafa; }")
    expect(textColorOn("#18181b")).toBe("#ffffff")
    expect(textColorOn("#ffffff")).toBe("#000000")
  })

  it("never lets a hostile or malformed colour reach the page: the defaults stand in", () => {
    const hostileColors = [HOSTILE_COLOR, "#fff", "#12345g", "rgb(0,0,0)", "#123456;", " #123456", "#123456\n}", 123, null, undefined]
    for (const color of hostileColors) {
      const html = form({
        branding: { store_name: "Acme", brand_color: color as string, background_color: color as string, text_color: color as string },
      })
      expect(html).toContain(":root { --brand: #2563eb; --on-brand: #ffffff; --bg: #f4f4f5; --text: #18181b; }")
      expect(html).not.toContain("red;}")
      expect(html).not.toContain("</style><")
      expectSafeDocument(html)
    }
    expect(pageColors({})).toEqual({ brand: "#2563eb", background: "#f4f4f5", text: "#18181b", on_brand: "#ffffff" })
  })
})

describe("renderSurveyPage: thanks", () => {
  it("thanks the customer, with review links only for absolute http(s) URLs", () => {
    const html = renderSurveyPage({
      kind: "thanks",
      branding,
      review_links: [
        { title: "Blue mug", url: "https://shop.example/products/blue-mug#review" },
        { title: "Plain", url: "http://shop.example/p/plain" },
        { title: "Script", url: "javascript:alert(1)" },
        { title: "Data", url: "data:text/html,<script>alert(1)</script>" },
        { title: "Relative", url: "/products/x" },
        { title: "Protocol-relative", url: "//evil.example/x" },
        { title: "", url: "https://shop.example/empty-title" },
        null as never,
      ],
    })
    expectSafeDocument(html, ["https://shop.example/products/blue-mug#review", "http://shop.example/p/plain"])
    expect(html).toContain("<title>Thank you! · Acme</title>")
    expect(html).toContain("<h1>Thank you!</h1>")
    expect(html).toContain('<li><a href="https://shop.example/products/blue-mug#review" rel="noopener noreferrer">Blue mug</a></li>')
    expect(html).toContain('<li><a href="http://shop.example/p/plain" rel="noopener noreferrer">Plain</a></li>')
    expect(html.match(/<a /g)).toHaveLength(2)
    expect(html).not.toMatch(/Script|Relative|Protocol-relative|javascript:|data:/)
  })

  it("leaves the review section out without links, and escapes link titles and URLs", () => {
    const plain = renderSurveyPage({ kind: "thanks", branding })
    expect(plain).not.toContain("Would you write a review?")
    expect(plain).not.toContain("<a ")
    expectSafeDocument(plain)

    const html = renderSurveyPage({
      kind: "thanks",
      branding: { ...branding, store_name: HOSTILE.attribute },
      review_links: [{ title: HOSTILE.script, url: 'https://shop.example/p/"><script>alert(1)</script>' }],
    })
    expect(html).toContain(`>${ESCAPED.script}</a>`)
    expect(html).toContain('href="https://shop.example/p/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"')
    expectSafeDocument(html, ["https://shop.example/p/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"])
  })
})

describe("renderSurveyPage: unavailable", () => {
  it.each([
    ["not_found", 404, "Survey not found"],
    ["expired", 410, "This survey has closed"],
    ["used", 410, "This survey link has already been used."],
    ["answered", 409, "they cannot be sent twice"],
  ] as const)("words %s (HTTP %i)", (reason, status, wording) => {
    const html = renderSurveyPage({ kind: "unavailable", reason, branding })
    expectSafeDocument(html)
    expect(UNAVAILABLE_STATUS[reason]).toBe(status)
    expect(html).toContain(wording)
    expect(html).not.toContain("<form")
  })

  it("has wording for every reason in every locale", () => {
    for (const strings of Object.values(PAGE_STRINGS)) {
      for (const reason of UNAVAILABLE_REASONS) {
        expect(strings.unavailable[reason].title).toBeTruthy()
        expect(strings.unavailable[reason].body).toBeTruthy()
      }
    }
  })

  it("escapes the store name", () => {
    const html = renderSurveyPage({ kind: "unavailable", reason: "expired", branding: { store_name: HOSTILE.script } })
    expect(html).toContain(`<p class="store">${ESCAPED.script}</p>`)
    expectSafeDocument(html)
  })

  it("words an unknown reason as an unknown link", () => {
    const html = renderSurveyPage({ kind: "unavailable", reason: "constructor" as never, branding })
    expect(html).toContain("<h1>Survey not found</h1>")
  })

  it("refuses an unknown page kind", () => {
    expect(() => renderSurveyPage({ kind: "other", branding } as never)).toThrow(/unknown survey page kind "other"/)
  })
})

describe("renderSurveyPage: locales", () => {
  it("renders Simplified Chinese for zh-CN, zh or an Accept-Language preferring it", () => {
    for (const locale of ["zh-CN", "zh", "zh-TW", "fr-FR,zh;q=0.9,en;q=0.8"]) {
      const html = form({ locale, questions: DEFAULT_QUESTIONS.nps })
      expect(html).toContain('<html lang="zh-CN"')
      expect(html).toContain("提交答案")
      expect(html).toContain("0 &#x3D; 完全不可能 · 10 &#x3D; 非常可能")
      expect(html).not.toContain("Send my answers")
    }
    const thanks = renderSurveyPage({ kind: "thanks", branding, locale: "zh-CN" })
    expect(thanks).toContain("<h1>感谢您的参与！</h1>")
    const gone = renderSurveyPage({ kind: "unavailable", reason: "expired", branding, locale: "zh-CN" })
    expect(gone).toContain("问卷已结束")
  })

  it("falls back to English for unknown or malformed tags", () => {
    for (const locale of [null, undefined, "", "fr", "../../etc", "de-DE,fr;q=0.5"]) {
      expect(resolvePageLocale(locale)).toBe("en")
    }
    expect(resolvePageLocale("EN-gb")).toBe("en")
    expect(resolvePageLocale("zh-cn")).toBe("zh-CN")
    expect(form({ locale: "../x" })).toContain('<html lang="en"')
  })

  it("has every English string in Chinese too", () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, inner]) => (typeof inner === "object" ? keys(inner).map((sub) => `${key}.${sub}`) : [key]))
    expect(keys(PAGE_STRINGS["zh-CN"]).sort()).toEqual(keys(PAGE_STRINGS.en).sort())
  })
})

describe("renderSurveyPage: templates", () => {
  it("reads and compiles each template once", () => {
    const renderAll = () => {
      form()
      renderSurveyPage({ kind: "thanks", branding })
      renderSurveyPage({ kind: "unavailable", reason: "expired", branding })
    }
    renderAll()
    const read = jest.spyOn(fs, "readFileSync")
    try {
      renderAll()
      expect(read).not.toHaveBeenCalled()
    } finally {
      read.mockRestore()
    }
  })
})
