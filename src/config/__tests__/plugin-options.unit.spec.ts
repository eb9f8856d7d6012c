import os from "os"
import {
  CrmOptionsError,
  parseCrmPluginOptions,
  pluginOptionsFromModuleOptions,
} from "../plugin-options"

const problemsOf = (raw: unknown): string[] => {
  try {
    parseCrmPluginOptions(raw)
  } catch (error) {
    if (error instanceof CrmOptionsError) {
      return error.problems
    }
    throw error
  }
  throw new Error("expected the options to be rejected")
}

describe("plugin options", () => {
  it("fills in the documented defaults when nothing is given", () => {
    expect(parseCrmPluginOptions(undefined)).toEqual({
      default_locale: "en",
      emails: { enabled: true, channel: "email", store_name: "Our store" },
    })
  })

  it("keeps valid options and resolves the templates folder", () => {
    const options = parseCrmPluginOptions({
      default_locale: "zh-CN",
      emails: { templates_dir: os.tmpdir(), from: "shop@example.com", enabled: false },
    })
    expect(options.default_locale).toEqual("zh-CN")
    expect(options.emails).toEqual({
      enabled: false,
      channel: "email",
      store_name: "Our store",
      templates_dir: os.tmpdir(),
      from: "shop@example.com",
    })
  })

  it("names an unknown option, also a nested one", () => {
    expect(problemsOf({ default_lcoale: "en" })).toEqual(['"default_lcoale": unknown option'])
    expect(problemsOf({ emails: { templates: "x" } })).toEqual([
      '"emails.templates": unknown option',
    ])
  })

  it("names the option and what is allowed for a bad value", () => {
    const [problem] = problemsOf({ default_locale: "fr" })
    expect(problem).toContain('"default_locale"')
    expect(problem).toContain('"en"')
    expect(problem).toContain('"zh-CN"')
  })

  it("rejects a templates folder that does not exist", () => {
    expect(problemsOf({ emails: { templates_dir: "/no/such/folder" } })).toEqual([
      '"emails.templates_dir": must be a path to an existing folder',
    ])
  })

  it("reports every bad option at once in the error message", () => {
    expect(() =>
      parseCrmPluginOptions({ default_locale: 1, emails: { from: "not-an-email" } })
    ).toThrow(/invalid plugin options[\s\S]*"default_locale"[\s\S]*"emails.from"/)
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    expect(
      pluginOptionsFromModuleOptions({ database: { clientUrl: "x" }, default_locale: "en" })
    ).toEqual({ default_locale: "en" })
  })
})
