import { parseCrmPluginOptions } from "../../../../config/plugin-options"
import CrmMailerService from "../../../mailer/service"

const mailer = () =>
  new CrmMailerService({
    crmOptions: parseCrmPluginOptions({ emails: { store_name: "Acme", storefront_url: "https://shop.example" } }),
  })

const URL = "https://api.shop.example/surveys/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"

const data = {
  customer_first_name: "Ann",
  survey_name: "After your delivery",
  survey_url: URL,
  expires_at: "15 March 2026",
  source_label: "your order #1042",
}

describe("survey-invitation e-mail", () => {
  it("is shipped in English and Chinese", () => {
    expect(mailer().listTemplates()).toContain("survey-invitation")
    expect(mailer().hasTemplate("survey-invitation", { locale: "zh-CN" })).toBe(true)
  })

  it("invites the customer with their link as a button and as text, with the expiry and what it is about", () => {
    const email = mailer().render("survey-invitation", data)
    expect(email.subject).toBe("How was your order #1042? A quick question from Acme")
    expect(email.html).toContain("Hello Ann,")
    expect(email.html).toContain("We would love to hear how your order #1042 went.")
    expect(email.html).toContain("<strong>After your delivery</strong>")
    expect(email.html).toMatch(new RegExp(`<a href="${URL}"[^>]*>Take the survey</a>`))
    expect(email.html).toContain(`<a href="${URL}" style="color:#2563eb;word-break:break-all;">${URL}</a>`)
    expect(email.html).toContain("it works once, until 15 March 2026.")
    expect(email.text).toContain(`Take the survey: ${URL}\n`)
    expect(email.text).toContain("We would love to hear how your order #1042 went. Our short survey “After your delivery” takes about a minute.")
    expect(email.text).toContain("it works once, until 15 March 2026.")
  })

  it("reads well without a name, a source or an expiry", () => {
    const email = mailer().render("survey-invitation", { survey_name: "Quick survey", survey_url: URL })
    expect(email.subject).toBe("How did we do? A quick question from Acme")
    expect(email.html).toContain(">Hello,</h1>")
    expect(email.html).toContain("We would love to hear how we did.")
    expect(email.html).toContain("The link is yours alone: it works once.")
    expect(email.text).not.toContain("until")
  })

  it("renders in Simplified Chinese", () => {
    const email = mailer().render("survey-invitation", { ...data, customer_first_name: "小明", source_label: "订单 #1042", expires_at: "2026年3月15日" }, { locale: "zh-CN" })
    expect(email.locale).toBe("zh-CN")
    expect(email.subject).toBe("您对订单 #1042满意吗？Acme想听听您的意见")
    expect(email.html).toContain("小明，您好：")
    expect(email.html).toMatch(new RegExp(`<a href="${URL}"[^>]*>参与问卷</a>`))
    expect(email.html).toContain("有效期至 2026年3月15日。")
    expect(email.text).toContain(`参与问卷：${URL}\n`)
    expect(email.html).not.toMatch(/Take the survey|Hello/)
  })

  it("escapes every text in the HTML and keeps the subject on one line", () => {
    const hostile = '"><img src=x onerror=alert(1)><script>alert(1)</script>{{constructor}}'
    const email = mailer().render("survey-invitation", {
      customer_first_name: hostile,
      survey_name: hostile,
      source_label: `${hostile}\r\nBcc: victim@example.com`,
      expires_at: hostile,
      survey_url: URL,
    })
    expect(email.html).not.toMatch(/<script|<img/i)
    expect(email.html).not.toContain('"><img')
    expect(email.html).toContain("&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{constructor}}")
    expect(email.subject).not.toMatch(/[\r\n]/)
    expect(email.text).toContain(`Hello ${hostile},`)
  })

  it("shows no link for a URL that is not http(s), and a quote cannot leave the href", () => {
    for (const survey_url of ["javascript:alert(1)", "/surveys/abc", "", null]) {
      const email = mailer().render("survey-invitation", { ...data, survey_url })
      expect(email.html).not.toContain("Take the survey")
      expect(email.html).not.toContain("javascript:")
      expect(email.text).not.toContain("Take the survey")
    }
    const quoted = mailer().render("survey-invitation", { ...data, survey_url: 'https://shop.example/s/x" onmouseover="alert(1)' })
    expect(quoted.html).toContain('href="https://shop.example/s/x%22%20onmouseover&#x3D;%22alert(1)"')
    expect(quoted.html).not.toContain('" onmouseover=')
  })
})
