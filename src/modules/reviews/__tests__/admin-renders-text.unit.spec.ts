import fs from "fs"
import path from "path"
import { safeHttpUrl } from "../../../admin/lib/reviews"

const adminRoot = path.join(__dirname, "../../../admin")

const sourcesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourcesUnder(full) : /\.(tsx?|jsx?)$/.test(entry.name) ? [full] : []
  })

/**
 * Review text reaches the admin as data and React escapes it; these are the
 * ways around that escaping, and none may appear in the admin's source.
 */
describe("the admin renders customer text as text", () => {
  const sources = sourcesUnder(adminRoot).map((file) => ({ file: path.relative(adminRoot, file), text: fs.readFileSync(file, "utf8") }))

  it("has admin sources to check (the scan is not looking at an empty folder)", () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([expect.stringMatching(/reviews/)]))
  })

  it.each(["dangerouslySetInnerHTML", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("])(
    "never uses %s",
    (api) => {
      expect(sources.filter((s) => s.text.includes(api)).map((s) => s.file)).toEqual([])
    }
  )

  it("never puts customer data straight into an href: image links go through safeHttpUrl", () => {
    const raw = sources.filter((s) => /href=\{(image|review\.|url)/.test(s.text)).map((s) => s.file)
    expect(raw).toEqual([])
    expect(safeHttpUrl("https://img.example/a.jpg")).toBe("https://img.example/a.jpg")
    for (const unsafe of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example", "vbscript:x"]) {
      expect(safeHttpUrl(unsafe)).toBeNull()
    }
  })
})
