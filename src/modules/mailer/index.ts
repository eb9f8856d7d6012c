import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "../../config/validate-options-loader"
import { CrmModules } from "../../types/modules"
import CrmMailerService from "./service"

export const MAILER_MODULE = CrmModules.MAILER

export default Module(MAILER_MODULE, {
  service: CrmMailerService,
  loaders: [validateOptionsLoader],
})

export { CrmMailerService }
export type { CrmEmailDeliverySettings, ICrmMailerService } from "./service"
export type { RenderedEmail, RenderEmailOptions } from "./renderer"
