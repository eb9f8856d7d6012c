import type { MedusaContainer } from "@medusajs/framework/types"
import type SurveysModuleService from "../../../modules/surveys/service"
import { CrmModules } from "../../../types/modules"

export const surveysOf = (container: MedusaContainer): SurveysModuleService => container.resolve(CrmModules.SURVEYS)
