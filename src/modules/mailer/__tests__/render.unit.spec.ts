import fs from "fs"
import os from "os"
import path from "path"
import { MedusaError } from "@medusajs/framework/utils"
import { CrmPluginOptionsInput, parseCrmPluginOptions } from "../../../config/plugin-options"
import { findShippedTemplatesDir } from "../package-root"
import { CrmEmailRenderer } from "../renderer"
import CrmMailerService from "../service"

const PACKAGE_ROOT = path.resolve(__dirname, "../../../..")
const SHIPPED = path.join(PACKAGE_ROOT, "templates", "emails")
const YEAR = new Date().getFullYear()

const tmpDirs: string[] = []
afterAll(() => tmpDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** A folder with the given files (relative path -> content). */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-email-templates-"))
  tmpDirs.push(dir)
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
    fs.writeFileSync(path.join(dir, relative), content)
  }
  return dir
}

const mailer = (options: CrmPluginOptionsInput = {}) =>
  new CrmMailerService({
    crmOptions: parseCrmPluginOptions({
      ...options,
      emails: { store_name: "Shop", storefront_url: "https://shop.example", ...options.emails },
    }),
  })

const HOSTILE = {
  script: "<script>alert(1)</script>",
  attribute: '" onmouseover="alert(1)',
  mustache: "{{store_name}} {{{storefront_url}}}",
}

describe("CrmMailerService.render", () => {
  describe("escaping", () => {
    it("escapes hostile data in the HTML part and keeps the text part literal", () => {
      const email = mailer().render("loyalty-welcome", {
        first_name: HOSTILE.script,
        points_balance: 10,
      })

      expect(email.html).toContain("Welcome, &lt;script&gt;alert(1)&lt;/script&gt;!")
      expect(email.html).not.toMatch(/<script/i)
      // Plain text: entities would show literally, so the text part is not
      // HTML-escaped (a text e-mail is never interpreted as markup).
      expect(email.text).toContain("Welcome, <script>alert(1)</script>!")
      expect(email.subject).toEqual("Welcome to the Shop rewards programme")
    })

    it("escapes quotes and = so data cannot leave an attribute", () => {
      const templates = folderWith({
        "en/profile/subject.hbs": "Profile",
        "en/profile/html.hbs": '<a title="{{first_name}}" href="#">x</a>',
        "en/profile/text.hbs": "{{first_name}}",
      })
      const email = mailer({ emails: { templates_dir: templates } }).render("profile", {
        first_name: HOSTILE.attribute,
      })

      expect(email.html).toContain('<a title="&quot; onmouseover&#x3D;&quot;alert(1)" href="#">')
      expect(email.html).not.toContain('" onmouseover=')
    })

    it("prints {{ in data as text, never evaluates it", () => {
      const email = mailer().render("loyalty-welcome", {
        first_name: HOSTILE.mustache,
        points_balance: 1,
      })

      expect(email.html).toContain(`Welcome, ${HOSTILE.mustache}!`)
      expect(email.text).toContain(`Welcome, ${HOSTILE.mustache}!`)
    })

    it("keeps hostile URLs out of links", () => {
      const javascript = mailer().render("loyalty-welcome", {
        points_balance: 1,
        storefront_url: "javascript:alert(1)",
      })
      expect(javascript.html).not.toContain("javascript:")
      expect(javascript.html).not.toContain("View your account")
      expect(javascript.text).not.toContain("javascript:")

      const quoted = mailer().render("loyalty-welcome", {
        points_balance: 1,
        storefront_url: `https://shop.example/x${HOSTILE.attribute}`,
      })
      expect(quoted.html).not.toContain('" onmouseover=')
      expect(quoted.html).toContain('href="https://shop.example/x%22%20onmouseover&#x3D;%22alert(1)/account"')
    })

    it("keeps prototype access disabled", () => {
      const templates = folderWith({
        "en/proto/subject.hbs": "[{{constructor.name}}]",
        "en/proto/html.hbs": "[{{constructor.name}}][{{__proto__.polluted}}]",
        "en/proto/text.hbs": "[{{constructor.name}}]",
      })
      const denied = jest.spyOn(console, "error").mockImplementation(() => {})
      try {
        const email = mailer({ emails: { templates_dir: templates } }).render("proto", {
          first_name: "Ann",
        })
        expect(email.subject).toEqual("[]")
        expect(email.html).toContain("[][]")
        expect(email.text).toContain("[]")
      } finally {
        denied.mockRestore()
      }
    })
  })

  describe("review-replied", () => {
    const data = {
      first_name: "Ana",
      product_title: "Linen <shirt>",
      product_handle: "linen-shirt",
      rating: 2,
      review_title: HOSTILE.attribute,
      review_content: HOSTILE.script,
      response: `Sorry!\n${HOSTILE.mustache}`,
    }

    it.each(["en", "zh-CN"])("renders in %s with the reply and review as escaped text and a product link", (locale) => {
      const email = mailer().render("review-replied", data, { locale })
      expect(email.html).not.toMatch(/<script/i)
      expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect(email.html).toContain("{{store_name}} {{{storefront_url}}}")
      expect(email.html).toContain('href="https://shop.example/products/linen-shirt"')
      expect(email.text).toContain(HOSTILE.script)
      expect(email.subject).toContain("Linen <shirt>")
      expect(email.subject).toContain("Shop")
    })
  })

  describe("ticket-replied", () => {
    const data = {
      first_name: HOSTILE.attribute,
      ticket_id: "tkt_01",
      display_id: 42,
      subject: "Broken <zip>",
      reply: `We are sorry.\n${HOSTILE.script}\n${HOSTILE.mustache}`,
    }

    it.each([
      ["en", "Shop replied to your ticket #42: Broken <zip>", "View your ticket"],
      ["zh-CN", "Shop回复了您的工单 #42：Broken <zip>", "查看工单"],
    ])("renders in %s with the reply escaped and a link to the ticket", (locale, subject, label) => {
      const email = mailer().render("ticket-replied", data, { locale })
      expect(email.subject).toBe(subject)
      expect(email.html).not.toMatch(/<script/i)
      expect(email.html).not.toContain('" onmouseover=')
      expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect(email.html).toContain("{{store_name}} {{{storefront_url}}}")
      expect(email.html).toContain("Broken &lt;zip&gt;")
      expect(email.html).toContain('href="https://shop.example/account/tickets/tkt_01"')
      expect(email.html).toContain(label)
      expect(email.text).toContain(HOSTILE.script)
      expect(email.text).toContain("https://shop.example/account/tickets/tkt_01")
    })

    it("leaves the link out without a storefront URL", () => {
      const email = mailer().render("ticket-replied", { ...data, storefront_url: null })
      expect(email.html).not.toContain("/account/tickets/")
      expect(email.html).toContain("write on your ticket in your account")
      expect(email.text).not.toContain("/account/tickets/")
    })
  })

  describe("ticket-status-changed", () => {
    const data = (status: string, extra: object = {}) => ({
      first_name: "Ana",
      ticket_id: "tkt_01",
      display_id: 7,
      subject: HOSTILE.script,
      status,
      status_is: { [status]: true },
      can_rate: false,
      ...extra,
    })

    it.each([
      ["en", "pending_customer", "We are waiting for your reply on ticket #7", "We are waiting for your reply."],
      ["en", "resolved", "Your ticket #7 has been resolved", "Your ticket has been resolved."],
      ["en", "closed", "Your ticket #7 has been closed", "please open a new ticket"],
      ["en", "reopened", "Your ticket #7 has been reopened", "reopened and we are looking into it again"],
      ["en", "open", "We are working on your ticket #7", "open and we are working on it"],
      ["zh-CN", "pending_customer", "工单 #7 正在等待您的回复", "我们正在等待您的回复"],
      ["zh-CN", "resolved", "您的工单 #7 已解决", "您的工单已解决"],
      ["zh-CN", "closed", "您的工单 #7 已关闭", "请提交新的工单"],
      ["zh-CN", "reopened", "您的工单 #7 已重新打开", "已重新打开"],
      ["zh-CN", "open", "我们正在处理您的工单 #7", "正在为您跟进"],
    ])("renders in %s for %s, data escaped", (locale, status, subject, sentence) => {
      const email = mailer().render("ticket-status-changed", data(status), { locale })
      expect(email.subject).toBe(subject)
      expect(email.html).toContain(sentence)
      expect(email.text).toContain(sentence)
      expect(email.html).not.toMatch(/<script/i)
      expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect(email.html).toContain('href="https://shop.example/account/tickets/tkt_01"')
    })

    it.each([
      ["en", "How did we do?", "Rate our support"],
      ["zh-CN", "您对我们的服务满意吗", "为服务打分"],
    ])("invites a %s customer to rate a resolved ticket only when they can", (locale, invitation, label) => {
      const rate = mailer().render("ticket-status-changed", data("resolved", { can_rate: true }), { locale })
      expect(rate.html).toContain(invitation)
      expect(rate.html).toContain(label)
      expect(rate.text).toContain(`${label}`)
      const rated = mailer().render("ticket-status-changed", data("resolved"), { locale })
      expect(rated.html).not.toContain(invitation)
      expect(rated.html).not.toContain(label)
    })
  })

  describe("ticket-escalated", () => {
    const data = {
      ticket_id: "tkt_01",
      display_id: 9,
      subject: HOSTILE.script,
      customer_name: HOSTILE.attribute,
      customer_email: "ana@crm.test",
      breach: "first_response",
      breach_is: { first_response: true },
      priority: "urgent",
      priority_is: { urgent: true },
      previous_priority: "high",
      previous_priority_is: { high: true },
      priority_raised: true,
      due_at: "5 Jan 2026, 15:00 UTC",
      escalated_at: "5 Jan 2026, 15:05 UTC",
      admin_url: "https://admin.shop.example/app",
      staff_notice: true,
    }

    it.each([
      ["en", "Escalated: ticket #9 missed its first-response target", "(raised from high)", "ticket escalations"],
      ["zh-CN", "已升级：工单 #9 超出首次响应时限", "（由高提升）", "工单升级通知"],
    ])("renders in %s for the team with the data escaped and a link to the admin", (locale, subject, raised, footer) => {
      const email = mailer().render("ticket-escalated", data, { locale })
      expect(email.subject).toBe(subject)
      expect(email.html).not.toMatch(/<script/i)
      expect(email.html).not.toContain('" onmouseover=')
      expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect(email.html).toContain("5 Jan 2026, 15:00 UTC")
      expect(email.html).toContain(raised)
      expect(email.html).toContain('href="https://admin.shop.example/app/tickets/tkt_01"')
      expect(email.html).toContain(footer)
      expect(email.html).not.toContain("customer account")
      expect(email.text).toContain(raised)
      expect(email.text).toContain("https://admin.shop.example/app/tickets/tkt_01")
    })

    it("names the resolution breach, an unchanged priority, and has no link without an admin URL", () => {
      const email = mailer().render("ticket-escalated", {
        ...data,
        breach: "resolution",
        breach_is: { resolution: true },
        previous_priority_is: { urgent: true },
        priority_raised: false,
        admin_url: "/",
      })
      expect(email.subject).toBe("Escalated: ticket #9 missed its resolution target")
      expect(email.text).toContain("Priority: urgent\n")
      expect(email.html).not.toContain("raised from")
      expect(email.html).not.toContain("/tickets/tkt_01")
      expect(email.text).not.toContain("/tickets/tkt_01")
    })
  })

  describe("subject", () => {
    it("never lets a newline from data or template reach the subject", () => {
      const templates = folderWith({
        "en/note/subject.hbs": "Hello {{first_name}}\n\nsecond line\r\n",
        "en/note/html.hbs": "<p>x</p>",
        "en/note/text.hbs": "x",
      })
      const email = mailer({ emails: { templates_dir: templates } }).render("note", {
        first_name: "Ann\r\nBcc: victim@example.com\u2028\u0000",
      })

      expect(email.subject).toEqual("Hello Ann Bcc: victim@example.com second line")
      expect(email.subject).not.toMatch(/[\r\n\u2028\u0000]/)
    })

    it("keeps shipped subjects on one line with a hostile store name", () => {
      const email = mailer().render("loyalty-welcome", {
        store_name: "Shop\r\nBcc: victim@example.com",
        points_balance: 1,
      })
      expect(email.subject).toEqual("Welcome to the Shop Bcc: victim@example.com rewards programme")
    })
  })

  describe("layout and partials", () => {
    it("wraps the HTML and text parts in the default layout with header, button and footer", () => {
      const email = mailer().render("loyalty-welcome", { first_name: "Ann", points_balance: 1250 })

      expect(email.locale).toEqual("en")
      expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true)
      expect(email.html).toContain('<html lang="en"')
      expect(email.html).toContain("<title>Welcome to the Shop rewards programme</title>")
      // header partial, linked to the storefront
      expect(email.html).toContain('<a href="https://shop.example/" style="color:#18181b;text-decoration:none;">Shop</a>')
      // body
      expect(email.html).toContain("1,250 <span")
      // button partial
      expect(email.html).toMatch(/<a href="https:\/\/shop\.example\/account"[^>]*>View your account<\/a>/)
      // footer partial and the localized footer-note partial
      expect(email.html).toContain("You are receiving this e-mail because you have a customer account at Shop.")
      expect(email.html).toContain(`&copy; ${YEAR} Shop`)

      expect(email.text).toEqual(
        [
          "Shop",
          "",
          "Welcome, Ann!",
          "",
          "You are now a member of the Shop rewards programme. You earn points with every order and can spend them on your next purchases.",
          "",
          "Your points balance: 1,250 points",
          "",
          "See your points, how to earn more and what you can redeem them for in your account:",
          "https://shop.example/account",
          "",
          "Thank you for shopping with us,",
          "Shop",
          "",
          "---",
          "You are receiving this e-mail because you have a customer account at Shop.",
          "https://shop.example/",
          `© ${YEAR} Shop`,
          "",
        ].join("\n")
      )
    })

    it("leaves the account link out when no storefront URL is set", () => {
      const email = new CrmMailerService({
        crmOptions: parseCrmPluginOptions({ emails: { store_name: "Shop" } }),
      }).render("loyalty-welcome", { points_balance: 5 })

      expect(email.html).not.toContain("View your account")
      expect(email.html).not.toContain("href=")
      expect(email.text).not.toContain("http")
      expect(email.html).toContain("Welcome!")
    })
  })

  describe("locales", () => {
    it("renders Simplified Chinese for zh-CN", () => {
      const email = mailer().render(
        "loyalty-welcome",
        { first_name: "小明", points_balance: 1250 },
        { locale: "zh-CN" }
      )

      expect(email.locale).toEqual("zh-CN")
      expect(email.subject).toEqual("欢迎加入Shop会员积分计划")
      expect(email.html).toContain('<html lang="zh-CN"')
      expect(email.html).toContain("小明，欢迎您！")
      expect(email.html).toContain("查看我的账户")
      expect(email.html).toContain("您收到此邮件，是因为您在Shop拥有顾客账户。")
      expect(email.text).toContain("您当前的积分余额：1,250 积分")
      expect(email.text).not.toMatch(/Welcome|points balance/)
    })

    it("uses the default locale when none is given", () => {
      const email = mailer({ default_locale: "zh-CN" }).render("loyalty-welcome", { points_balance: 1 })
      expect(email.locale).toEqual("zh-CN")
      expect(email.subject).toEqual("欢迎加入Shop会员积分计划")
    })

    it("falls back to English file by file when a locale lacks one", () => {
      const templates = folderWith({
        "en/order-note/subject.hbs": "Your note",
        "en/order-note/html.hbs": "<p>English body</p>",
        "en/order-note/text.hbs": "English body",
        "zh-CN/order-note/subject.hbs": "您的留言",
      })
      const email = mailer({ emails: { templates_dir: templates } }).render(
        "order-note",
        {},
        { locale: "zh-CN" }
      )

      expect(email.subject).toEqual("您的留言")
      expect(email.html).toContain("<p>English body</p>")
      expect(email.text).toContain("English body")
      // the layout still speaks Chinese
      expect(email.html).toContain("您收到此邮件")
      expect(email.html).toContain('<html lang="zh-CN"')
    })

    it("resolves locale tags leniently and never uses a bad one in a path", () => {
      const service = mailer()
      expect(service.resolveLocale("zh-cn")).toEqual("zh-CN")
      expect(service.resolveLocale("zh")).toEqual("zh-CN")
      expect(service.resolveLocale("en-GB")).toEqual("en")
      expect(service.resolveLocale("fr")).toEqual("en")
      expect(service.resolveLocale("../../etc")).toEqual("en")
      expect(service.resolveLocale(null)).toEqual("en")
      expect(mailer({ default_locale: "zh-CN" }).resolveLocale("fr")).toEqual("zh-CN")
    })
  })

  describe("merchant overrides", () => {
    it("replaces exactly the files the override folder has", () => {
      const templates = folderWith({
        "en/loyalty-welcome/subject.hbs": "{{first_name}}, your points are waiting",
        "partials/footer.hbs": "<p>MERCHANT FOOTER {{store_name}}</p>",
      })
      const service = mailer({ emails: { templates_dir: templates } })

      const en = service.render("loyalty-welcome", { first_name: "Ann", points_balance: 3 })
      expect(en.subject).toEqual("Ann, your points are waiting")
      // shipped body, layout, header and button are untouched
      expect(en.html).toContain("You are now a member of the Shop rewards programme.")
      expect(en.html).toContain("<!DOCTYPE html>")
      expect(en.html).toContain("View your account")
      // the overridden partial replaced the shipped one
      expect(en.html).toContain("<p>MERCHANT FOOTER Shop</p>")
      expect(en.html).not.toContain("You are receiving this e-mail")
      // the text layout does not use that partial
      expect(en.text).toContain("You are receiving this e-mail because you have a customer account at Shop.")

      // Chinese keeps its own shipped subject: the override is English only.
      const zh = service.render("loyalty-welcome", { points_balance: 3 }, { locale: "zh-CN" })
      expect(zh.subject).toEqual("欢迎加入Shop会员积分计划")
      expect(zh.html).toContain("<p>MERCHANT FOOTER Shop</p>")
    })

    it("overrides a layout and a localized partial", () => {
      const templates = folderWith({
        "layouts/default.text.hbs": "[{{subject}}]\n{{{body}}}\n{{> footer-note}}",
        "zh-CN/partials/footer-note.hbs": "商家自定义页脚",
      })
      const service = mailer({ emails: { templates_dir: templates } })

      const zh = service.render("loyalty-welcome", { points_balance: 3 }, { locale: "zh-CN" })
      expect(zh.text.startsWith("[欢迎加入Shop会员积分计划]\n欢迎您！")).toBe(true)
      expect(zh.text.trim().endsWith("商家自定义页脚")).toBe(true)
      expect(zh.html).toContain("商家自定义页脚")

      const en = service.render("loyalty-welcome", { points_balance: 3 })
      expect(en.text.trim().endsWith("You are receiving this e-mail because you have a customer account at Shop.")).toBe(true)
    })

    it("adds templates of the merchant's own", () => {
      const templates = folderWith({
        "en/birthday/subject.hbs": "Happy birthday",
        "en/birthday/html.hbs": "<p>Happy birthday {{first_name}}</p>",
        "en/birthday/text.hbs": "Happy birthday {{first_name}}",
      })
      const service = mailer({ emails: { templates_dir: templates } })

      const shipped = mailer().listTemplates()
      expect(shipped).toContain("loyalty-welcome")
      expect(service.listTemplates()).toEqual(["birthday", ...shipped].sort())
      expect(service.hasTemplate("birthday", { locale: "zh-CN" })).toBe(true)
      expect(service.render("birthday", { first_name: "Ann" }).text).toContain("Happy birthday Ann")
    })

    it("names the file when a merchant template does not parse", () => {
      const templates = folderWith({
        "en/broken/subject.hbs": "{{#if x}}never closed",
        "en/broken/html.hbs": "x",
        "en/broken/text.hbs": "x",
      })
      expect(() =>
        mailer({ emails: { templates_dir: templates } }).render("broken", {})
      ).toThrow(/broken[\\/]subject\.hbs/)
    })
  })

  describe("missing templates", () => {
    it("fails with the template, part and locale named", () => {
      let error: unknown
      try {
        mailer().render("no-such-template", {}, { locale: "zh-CN" })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(MedusaError)
      expect((error as Error).message).toContain(
        'e-mail template "no-such-template" has no subject part for locale "zh-CN"'
      )
      expect((error as Error).message).toContain(path.join("zh-CN", "no-such-template", "subject.hbs"))
      expect((error as Error).message).toContain(path.join("en", "no-such-template", "subject.hbs"))
    })

    it("names the missing part when only some exist", () => {
      const templates = folderWith({ "en/half/subject.hbs": "s", "en/half/html.hbs": "h" })
      const service = mailer({ emails: { templates_dir: templates } })
      expect(service.hasTemplate("half")).toBe(false)
      expect(() => service.render("half", {})).toThrow(
        'e-mail template "half" has no text part for locale "en"'
      )
    })

    it("rejects names that are not plain template names", () => {
      for (const name of ["../en/loyalty-welcome", "layouts", "", "a/b"]) {
        expect(() => mailer().render(name, {})).toThrow(/invalid e-mail template name/)
        expect(mailer().hasTemplate(name)).toBe(false)
      }
    })
  })

  it("caches compiled templates until the cache is cleared", () => {
    const templates = folderWith({
      "en/cached/subject.hbs": "first",
      "en/cached/html.hbs": "x",
      "en/cached/text.hbs": "x",
    })
    const renderer = new CrmEmailRenderer({ shippedDir: SHIPPED, overrideDir: templates })
    expect(renderer.render("cached").subject).toEqual("first")

    fs.writeFileSync(path.join(templates, "en/cached/subject.hbs"), "second")
    expect(renderer.render("cached").subject).toEqual("first")
    renderer.clearCache()
    expect(renderer.render("cached").subject).toEqual("second")
  })

  it("reports delivery settings from the options", () => {
    expect(mailer().getDeliverySettings()).toEqual({ enabled: true, channel: "email" })
    expect(
      mailer({ emails: { enabled: false, channel: "mail", from: "shop@example.com" } }).getDeliverySettings()
    ).toEqual({ enabled: false, channel: "mail", from: "shop@example.com" })
  })
})

describe("findShippedTemplatesDir", () => {
  it("finds the templates at the package root from the sources", () => {
    expect(findShippedTemplatesDir(path.join(PACKAGE_ROOT, "src/modules/mailer"))).toEqual(SHIPPED)
  })

  it("finds them from the built package inside node_modules", () => {
    const store = folderWith({
      "package.json": JSON.stringify({ name: "my-store" }),
      "node_modules/medusa-plugin-crm/package.json": JSON.stringify({ name: "medusa-plugin-crm" }),
      "node_modules/medusa-plugin-crm/templates/emails/en/x/subject.hbs": "x",
      // plugin builds copy package.json here, without templates
      "node_modules/medusa-plugin-crm/.medusa/server/package.json": JSON.stringify({
        name: "medusa-plugin-crm",
      }),
      "node_modules/medusa-plugin-crm/.medusa/server/src/modules/mailer/index.js": "",
    })
    const built = path.join(store, "node_modules/medusa-plugin-crm/.medusa/server/src/modules/mailer")

    expect(findShippedTemplatesDir(built)).toEqual(
      path.join(store, "node_modules/medusa-plugin-crm/templates/emails")
    )
  })

  it("says what is missing when there are no templates", () => {
    const elsewhere = folderWith({ "package.json": JSON.stringify({ name: "medusa-plugin-crm" }) })
    expect(() => findShippedTemplatesDir(elsewhere)).toThrow(/cannot find the shipped e-mail templates/)
  })
})
