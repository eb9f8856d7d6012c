import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerLoyaltyRoutesMiddlewares } from "./admin/customers/middlewares"
import { adminLoyaltyRoutesMiddlewares } from "./admin/loyalty/middlewares"
import { storeCartLoyaltyRoutesMiddlewares } from "./store/carts/middlewares"
import { storeLoyaltyRoutesMiddlewares } from "./store/loyalty/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeLoyaltyRoutesMiddlewares,
    ...storeCartLoyaltyRoutesMiddlewares,
    ...adminCustomerLoyaltyRoutesMiddlewares,
    ...adminLoyaltyRoutesMiddlewares,
  ],
})
