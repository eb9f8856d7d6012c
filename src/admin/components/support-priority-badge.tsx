import { StatusBadge } from "@medusajs/ui"
import type { SupportPriority } from "../../types"
import type { CrmMessageKey, CrmTranslation } from "../lib/i18n"
import { PRIORITY_COLORS } from "../lib/tiers"

/** A tier's support priority: where its members' tickets start. */
export const SupportPriorityBadge = ({
  priority,
  t,
}: {
  priority: SupportPriority
  t: CrmTranslation["t"]
}) => (
  <StatusBadge color={PRIORITY_COLORS[priority] ?? "grey"}>
    {t(`tiers.priority.${priority}` as CrmMessageKey)}
  </StatusBadge>
)
