import type { MedusaContainer } from "@medusajs/framework/types"
import type SegmentsModuleService from "../../../modules/segments/service"
import { CrmModules } from "../../../types/modules"

export const segmentsOf = (container: MedusaContainer): SegmentsModuleService => container.resolve(CrmModules.SEGMENTS)
