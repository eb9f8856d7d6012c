import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import TicketsModuleService from "./service"

export const TICKETS_MODULE = CrmModules.TICKETS

export default Module(TICKETS_MODULE, { service: TicketsModuleService })

export { TicketsModuleService }
