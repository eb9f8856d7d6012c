import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import validateOptionsLoader from "../../config/validate-options-loader"
import LoyaltyModuleService from "./service"

export const LOYALTY_MODULE = CrmModules.LOYALTY

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
  loaders: [validateOptionsLoader],
})

export { LoyaltyModuleService }
