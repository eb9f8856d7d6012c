/**
 * Container keys of the plugin's modules. Every `resolve(...)`, link and
 * query over a CRM module goes through these, never a bare string.
 */
export const CrmModules = {
  LOYALTY: "crmLoyalty",
  MAILER: "crmMailer",
  ORDER_FACTS: "crmOrderFacts",
  REVIEWS: "crmReviews",
  TICKETS: "crmTickets",
  SURVEYS: "crmSurveys",
  SEGMENTS: "crmSegments",
} as const

export type CrmModuleKey = (typeof CrmModules)[keyof typeof CrmModules]
