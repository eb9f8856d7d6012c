import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import ReviewsModuleService from "./service"

export const REVIEWS_MODULE = CrmModules.REVIEWS

export default Module(REVIEWS_MODULE, { service: ReviewsModuleService })

export { ReviewsModuleService }
