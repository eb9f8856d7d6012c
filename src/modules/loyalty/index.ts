import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import eventBusWarningLoader from "../../config/event-bus-warning-loader"
import validateOptionsLoader from "../../config/validate-options-loader"
import LoyaltyModuleService from "./service"

export const LOYALTY_MODULE = CrmModules.LOYALTY

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
  loaders: [validateOptionsLoader, eventBusWarningLoader],
})

export { LoyaltyModuleService }
