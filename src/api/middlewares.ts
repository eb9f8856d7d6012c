import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerLoyaltyRoutesMiddlewares } from "./admin/customers/middlewares"
import { adminLoyaltyRoutesMiddlewares } from "./admin/loyalty/middlewares"
import { storeCartLoyaltyRoutesMiddlewares } from "./store/carts/middlewares"
import { storeLoyaltyRoutesMiddlewares } from "./store/loyalty/middlewares"
import { storeReviewRoutesMiddlewares } from "./store/reviews/middlewares"
import { adminReviewRoutesMiddlewares } from "./admin/reviews/middlewares"
import { storeTicketRoutesMiddlewares } from "./store/tickets/middlewares"
import { adminTicketRoutesMiddlewares } from "./admin/tickets/middlewares"
import { adminTicketStatsRoutesMiddlewares } from "./admin/tickets/stats/middlewares"
import { adminTicketMacroRoutesMiddlewares } from "./admin/ticket-macros/middlewares"
import { adminTicketSettingsRoutesMiddlewares } from "./admin/ticket-settings/middlewares"
import { adminSurveyRoutesMiddlewares } from "./admin/surveys/middlewares"
import { storeSurveyRoutesMiddlewares } from "./store/surveys/middlewares"
import { adminSegmentRoutesMiddlewares } from "./admin/segments/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeLoyaltyRoutesMiddlewares,
    ...storeCartLoyaltyRoutesMiddlewares,
    ...adminCustomerLoyaltyRoutesMiddlewares,
    ...adminLoyaltyRoutesMiddlewares,
    ...storeReviewRoutesMiddlewares,
    ...adminReviewRoutesMiddlewares,
    ...storeTicketRoutesMiddlewares,
    ...adminTicketRoutesMiddlewares,
    ...adminTicketStatsRoutesMiddlewares,
    ...adminTicketMacroRoutesMiddlewares,
    ...adminTicketSettingsRoutesMiddlewares,
    ...adminSurveyRoutesMiddlewares,
    ...storeSurveyRoutesMiddlewares,
    ...adminSegmentRoutesMiddlewares,
  ],
})
