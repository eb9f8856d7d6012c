import { model } from "@medusajs/framework/utils"

/** The store's one row of survey settings (`SurveySettingsDTO`). */
const SurveySettings = model.define(
  { name: "SurveySettings", tableName: "crm_survey_settings" },
  {
    id: model.id({ prefix: "srvset" }).primaryKey(),
    frequency_cap_days: model.number().default(30),
    store_name: model.text().nullable(),
    brand_color: model.text().default("#2563eb"),
    background_color: model.text().default("#f4f4f5"),
    text_color: model.text().default("#18181b"),
    link_base_url: model.text().nullable(),
  }
)

export default SurveySettings
