import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import SurveysModuleService from "./service"

export const SURVEYS_MODULE = CrmModules.SURVEYS

export default Module(SURVEYS_MODULE, { service: SurveysModuleService })

export { SurveysModuleService }
