import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerLoyaltyRoutesMiddlewares } from "./admin/customers/middlewares"
import { adminLoyaltyRoutesMiddlewares } from "./admin/loyalty/middlewares"
import { storeLoyaltyRoutesMiddlewares } from "./store/loyalty/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeLoyaltyRoutesMiddlewares,
    ...adminCustomerLoyaltyRoutesMiddlewares,
    ...adminLoyaltyRoutesMiddlewares,
  ],
})
