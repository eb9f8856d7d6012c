import { Button, Container, Heading, Label, Select, Text, toast } from "@medusajs/ui"
import { useRef, useState, type ReactNode } from "react"
import type { TicketStatus } from "../../types"
import {
  useCurrentStaffUser,
  useUpdateTicket,
  type AdminTicketDetail,
  type AdminUpdateTicket,
  type TicketStaffUser,
} from "../hooks/tickets"
import type { CrmTranslation } from "../lib/i18n"
import {
  TICKET_CATEGORY_OPTIONS,
  TICKET_PRIORITY_OPTIONS,
  isTicketCategory,
  isTicketPriority,
  isTicketStatus,
  staffName,
  ticketCategoryLabel,
  ticketPriorityLabel,
  ticketStatusLabel,
} from "../lib/tickets"

/** Radix's Select has no empty value: this one stands for "nobody". */
const UNASSIGNED = "__none__"

type Field = keyof AdminUpdateTicket

/**
 * The ticket's status (only the moves the server allows from here),
 * priority, category and assignee; each change is saved at once.
 */
export const TicketProperties = ({
  ticket,
  staff,
  i18n,
}: {
  ticket: AdminTicketDetail
  staff: TicketStaffUser[] | undefined
  i18n: CrmTranslation
}) => {
  const { t } = i18n
  const { mutateAsync } = useUpdateTicket()
  const { data: me } = useCurrentStaffUser()
  const [saving, setSaving] = useState<Field | null>(null)
  // Two quick changes would race each other; one at a time.
  const inFlight = useRef(false)

  const save = async (field: Field, body: AdminUpdateTicket) => {
    if (inFlight.current) {
      return
    }
    inFlight.current = true
    setSaving(field)
    try {
      await mutateAsync({ id: ticket.id, body })
      toast.success(t("ticket.properties.saved"))
    } catch (e) {
      toast.error(t("ticket.properties.saveFailed"), {
        description: e instanceof Error ? e.message : undefined,
      })
    } finally {
      inFlight.current = false
      setSaving(null)
    }
  }

  const statuses: TicketStatus[] = [ticket.status, ...(ticket.allowed_statuses ?? []).filter((s) => s !== ticket.status)]
  const assignees = staff ?? []
  const assigneeKnown = !ticket.assignee_id || assignees.some((user) => user.id === ticket.assignee_id)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("ticket.properties.title")}</Heading>
      </div>
      <PropertyRow id="crm-ticket-status" label={t("ticket.properties.status")}>
        <Select
          size="small"
          value={ticket.status}
          disabled={!!saving || statuses.length < 2}
          onValueChange={(status) =>
            isTicketStatus(status) && status !== ticket.status ? save("status", { status }) : undefined
          }
        >
          <Select.Trigger id="crm-ticket-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {statuses.map((status) => (
              <Select.Item key={status} value={status}>
                {ticketStatusLabel(status, t)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </PropertyRow>
      <PropertyRow id="crm-ticket-priority" label={t("ticket.properties.priority")}>
        <Select
          size="small"
          value={ticket.priority}
          disabled={!!saving}
          onValueChange={(priority) =>
            isTicketPriority(priority) && priority !== ticket.priority ? save("priority", { priority }) : undefined
          }
        >
          <Select.Trigger id="crm-ticket-priority">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TICKET_PRIORITY_OPTIONS.map((priority) => (
              <Select.Item key={priority} value={priority}>
                {ticketPriorityLabel(priority, t)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </PropertyRow>
      <PropertyRow id="crm-ticket-category" label={t("ticket.properties.category")}>
        <Select
          size="small"
          value={ticket.category}
          disabled={!!saving}
          onValueChange={(category) =>
            isTicketCategory(category) && category !== ticket.category ? save("category", { category }) : undefined
          }
        >
          <Select.Trigger id="crm-ticket-category">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TICKET_CATEGORY_OPTIONS.map((category) => (
              <Select.Item key={category} value={category}>
                {ticketCategoryLabel(category, t)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </PropertyRow>
      <PropertyRow id="crm-ticket-assignee" label={t("ticket.properties.assignee")}>
        <div className="flex flex-col items-stretch gap-y-1">
          <Select
            size="small"
            value={ticket.assignee_id ?? UNASSIGNED}
            disabled={!!saving}
            onValueChange={(next) => {
              const assignee_id = next === UNASSIGNED ? null : next
              return assignee_id !== ticket.assignee_id ? save("assignee_id", { assignee_id }) : undefined
            }}
          >
            <Select.Trigger id="crm-ticket-assignee">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={UNASSIGNED}>{t("tickets.unassigned")}</Select.Item>
              {assignees.map((user) => (
                <Select.Item key={user.id} value={user.id}>
                  {user.name || user.email}
                </Select.Item>
              ))}
              {!assigneeKnown && ticket.assignee_id ? (
                <Select.Item value={ticket.assignee_id}>{staffName(ticket.assignee_id, staff)}</Select.Item>
              ) : null}
            </Select.Content>
          </Select>
          {me && ticket.assignee_id !== me.id ? (
            <Button
              type="button"
              size="small"
              variant="transparent"
              className="self-end"
              disabled={!!saving}
              onClick={() => save("assignee_id", { assignee_id: me.id })}
            >
              {t("ticket.properties.assignToMe")}
            </Button>
          ) : null}
        </div>
      </PropertyRow>
      {saving ? (
        <div className="px-6 py-2" role="status">
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("ticket.properties.saving")}
          </Text>
        </div>
      ) : null}
    </Container>
  )
}

const PropertyRow = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="grid grid-cols-2 items-start gap-4 px-6 py-3">
    <Label htmlFor={id} size="small" weight="plus" className="text-ui-fg-subtle pt-1.5">
      {label}
    </Label>
    {children}
  </div>
)
