import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import SegmentsModuleService from "./service"

export const SEGMENTS_MODULE = CrmModules.SEGMENTS

export default Module(SEGMENTS_MODULE, { service: SegmentsModuleService })

export { SegmentsModuleService }
