import fs from "fs"
import path from "path"

export const PACKAGE_NAME = "medusa-plugin-crm"

/** Where the shipped e-mail templates live, relative to the package root. */
export const SHIPPED_TEMPLATES_SUBDIR = path.join("templates", "emails")

const readPackageName = (file: string): string | undefined => {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown }
    return typeof parsed.name === "string" ? parsed.name : undefined
  } catch {
    return undefined
  }
}

const isDirectory = (folder: string): boolean => {
  try {
    return fs.statSync(folder).isDirectory()
  } catch {
    return false
  }
}

/**
 * The folder of the shipped e-mail templates (`<package root>/templates/emails`).
 *
 * `medusa plugin:build` compiles only TypeScript, so the templates ship next
 * to `.medusa/` (package.json `files`), never beside this file. The code runs
 * from `src/modules/mailer` (dev store, tests) or from
 * `node_modules/medusa-plugin-crm/.medusa/server/src/modules/mailer` (an
 * installed package), so walk up from here to the first `package.json` named
 * `medusa-plugin-crm` that has a `templates/emails` folder. The folder check
 * matters: builds copy `package.json` into `.medusa/server/`, which has the
 * same name but no templates.
 */
export function findShippedTemplatesDir(startDir: string = __dirname): string {
  let dir = path.resolve(startDir)
  for (;;) {
    const templates = path.join(dir, SHIPPED_TEMPLATES_SUBDIR)
    if (readPackageName(path.join(dir, "package.json")) === PACKAGE_NAME && isDirectory(templates)) {
      return templates
    }
    const parent = path.dirname(dir)
    if (parent === dir) {
      throw new Error(
        `${PACKAGE_NAME}: cannot find the shipped e-mail templates: no folder above ` +
          `${startDir} has a package.json named "${PACKAGE_NAME}" and a ` +
          `${SHIPPED_TEMPLATES_SUBDIR} folder (is "templates" missing from the package's "files"?)`
      )
    }
    dir = parent
  }
}
