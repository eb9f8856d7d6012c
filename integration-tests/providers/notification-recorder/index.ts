import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { NotificationRecorderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [NotificationRecorderService],
})
