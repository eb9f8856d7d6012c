import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type {
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"

const store = globalThis as unknown as {
  __crmRecordedNotifications?: ProviderSendNotificationDTO[]
}

/** What the recorder provider received, in order (tests only). */
export const recordedNotifications = (): ProviderSendNotificationDTO[] =>
  (store.__crmRecordedNotifications ??= [])

export const clearRecordedNotifications = () => {
  store.__crmRecordedNotifications = []
}

/**
 * A real notification provider for the tests: Medusa's Notification module
 * hands it each notification exactly as it would hand SendGrid or Resend,
 * and it keeps them in memory for the test to read.
 */
export class NotificationRecorderService extends AbstractNotificationProviderService {
  static identifier = "notification-recorder"

  async send(
    notification: ProviderSendNotificationDTO
  ): Promise<ProviderSendNotificationResultsDTO> {
    recordedNotifications().push(notification)
    return { id: `recorded_${recordedNotifications().length}` }
  }
}
