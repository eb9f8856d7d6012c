import { Module } from "@medusajs/framework/utils"
import { CrmModules } from "../../types/modules"
import CrmMailerService from "./service"

export const MAILER_MODULE = CrmModules.MAILER

export default Module(MAILER_MODULE, {
  service: CrmMailerService,
})
