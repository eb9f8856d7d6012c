import { Badge, Button, Hint } from "@medusajs/ui"
import type { CrmTranslation } from "../lib/i18n"
import { FailureAlert } from "./failure-alert"

/**
 * A settings form's footer: a failed save (titled `saveFailedTitle`) or a
 * hint to fix the fields, the unsaved badge, Discard and Save (the form's
 * submit). Save stays off while nothing changed, and while errors are shown.
 */
export const SettingsFormFooter = ({
  saveFailedTitle,
  error,
  isPending,
  isDirty,
  showErrors,
  hasErrors,
  hasChanges,
  onDiscard,
  i18n: { t },
}: {
  saveFailedTitle: string
  error: Error | null
  isPending: boolean
  isDirty: boolean
  showErrors: boolean
  hasErrors: boolean
  hasChanges: boolean
  onDiscard: () => void
  i18n: CrmTranslation
}) => (
  <div className="flex flex-col gap-y-3 px-6 py-4">
    {error ? (
      <FailureAlert title={saveFailedTitle} message={error.message} />
    ) : showErrors && hasErrors ? (
      <Hint variant="error">{t("settings.fixErrors")}</Hint>
    ) : null}
    <div className="flex items-center justify-end gap-x-2">
      {isDirty ? (
        <Badge size="2xsmall" color="orange" className="mr-auto">
          {t("settings.unsaved")}
        </Badge>
      ) : null}
      <Button type="button" size="small" variant="secondary" disabled={!isDirty || isPending} onClick={onDiscard}>
        {t("settings.discard")}
      </Button>
      <Button
        type="submit"
        size="small"
        isLoading={isPending}
        disabled={(!hasErrors && !hasChanges) || (showErrors && hasErrors)}
      >
        {t("settings.save")}
      </Button>
    </div>
  </div>
)
