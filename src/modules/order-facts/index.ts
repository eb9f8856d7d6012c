import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import OrderFactsModuleService from "./service"

export const ORDER_FACTS_MODULE = CrmModules.ORDER_FACTS

export default Module(ORDER_FACTS_MODULE, { service: OrderFactsModuleService })

export { OrderFactsModuleService }
