import type { CrmTranslation } from "./i18n"

/** The texts of a table's pagination bar, in the plugin's language. */
export const paginationTranslations = (t: CrmTranslation["t"]) => ({
  of: t("pagination.of"),
  results: t("pagination.results"),
  pages: t("pagination.pages"),
  prev: t("pagination.prev"),
  next: t("pagination.next"),
})
