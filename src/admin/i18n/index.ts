import { crmMessages } from "../lib/i18n"

/**
 * Resources the dashboard merges into its own i18next instance, under the
 * plugin's namespace "crm". Only what the dashboard itself renders needs to
 * be here (the sidebar labels of the Loyalty, Tiers, Reviews, review
 * moderation, Tickets, Surveys and Segments pages, `translationNs: "crm"`);
 * the plugin's components use `useCrmTranslation()`, with their texts in
 * lib/i18n.ts (the tickets' in lib/ticket-messages.ts, the surveys' in
 * lib/survey-messages.ts, the segments' in lib/segment-messages.ts).
 * i18next reads "." as a nesting separator, so
 * `t("nav.loyalty", { ns: "crm" })` looks up `nav.loyalty` below.
 * Language codes are the dashboard's ("en", "zhCN").
 */
export default {
  en: {
    crm: {
      nav: {
        loyalty: crmMessages.en["loyalty.title"],
        loyaltyTiers: crmMessages.en["tiers.title"],
        reviews: crmMessages.en["reviews.title"],
        reviewSettings: crmMessages.en["reviewSettings.title"],
        tickets: crmMessages.en["tickets.title"],
        ticketMacros: crmMessages.en["ticketMacros.title"],
        ticketSettings: crmMessages.en["ticketSettings.title"],
        surveys: crmMessages.en["surveys.title"],
        surveySettings: crmMessages.en["surveySettings.title"],
        segments: crmMessages.en["segments.title"],
      },
    },
  },
  zhCN: {
    crm: {
      nav: {
        loyalty: crmMessages["zh-CN"]["loyalty.title"],
        loyaltyTiers: crmMessages["zh-CN"]["tiers.title"],
        reviews: crmMessages["zh-CN"]["reviews.title"],
        reviewSettings: crmMessages["zh-CN"]["reviewSettings.title"],
        tickets: crmMessages["zh-CN"]["tickets.title"],
        ticketMacros: crmMessages["zh-CN"]["ticketMacros.title"],
        ticketSettings: crmMessages["zh-CN"]["ticketSettings.title"],
        surveys: crmMessages["zh-CN"]["surveys.title"],
        surveySettings: crmMessages["zh-CN"]["surveySettings.title"],
        segments: crmMessages["zh-CN"]["segments.title"],
      },
    },
  },
}
