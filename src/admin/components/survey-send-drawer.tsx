import { PaperPlane, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Checkbox, Drawer, IconButton, Input, Label, Select, Tabs, Text, toast } from "@medusajs/ui"
import { useEffect, useRef, useState, type FormEvent } from "react"
import type { SurveyDTO } from "../../types/surveys"
import {
  useCustomerGroups,
  useCustomerSearch,
  useSendSurvey,
  type AdminSendSurvey,
  type SurveyCustomerOption,
} from "../hooks/surveys"
import type { CrmTranslation } from "../lib/i18n"
import { DrawerFormFooter } from "./drawer-form-footer"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"

const FORM_ID = "crm-survey-send-form"
/** More than anyone picks by hand; the server has its own limit. */
const MAX_CUSTOMERS = 500
const SEARCH_DELAY_MS = 250

type Audience = "customers" | "group"

/**
 * "Send now": invites chosen customers (searched by name or e-mail) or a
 * customer group (segments keep one) to the survey at once. The server
 * skips whoever the frequency cap or an earlier invitation rules out, and
 * says how many.
 */
export const SurveySendDrawer = ({ survey, i18n }: { survey: SurveyDTO; i18n: CrmTranslation }) => {
  const { t } = i18n
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  return (
    <Drawer open={open} onOpenChange={(next) => (busy ? undefined : setOpen(next))}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <PaperPlane />
          {t("surveySend.open")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("surveySend.title")}</Drawer.Title>
        </Drawer.Header>
        {open ? <SendForm survey={survey} onBusyChange={setBusy} onDone={() => setOpen(false)} i18n={i18n} /> : null}
      </Drawer.Content>
    </Drawer>
  )
}

const SendForm = ({
  survey,
  onBusyChange,
  onDone,
  i18n,
}: {
  survey: SurveyDTO
  onBusyChange: (busy: boolean) => void
  onDone: () => void
  i18n: CrmTranslation
}) => {
  const { t, formatNumber } = i18n
  const [audience, setAudience] = useState<Audience>("customers")
  const [selected, setSelected] = useState<SurveyCustomerOption[]>([])
  const [groupId, setGroupId] = useState<string | null>(null)
  const [showErrors, setShowErrors] = useState(false)
  const inFlight = useRef(false)
  const { mutateAsync, isPending, error, reset } = useSendSurvey()

  const problem =
    audience === "customers"
      ? !selected.length
        ? t("surveySend.validation.customers")
        : selected.length > MAX_CUSTOMERS
          ? t("surveySend.validation.tooMany", { max: MAX_CUSTOMERS })
          : null
      : !groupId
        ? t("surveySend.validation.group")
        : null

  const toggle = (customer: SurveyCustomerOption) => {
    setSelected((previous) =>
      previous.some((one) => one.id === customer.id) ? previous.filter((one) => one.id !== customer.id) : [...previous, customer]
    )
    if (error) reset()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    setShowErrors(true)
    if (problem) return
    const body: AdminSendSurvey =
      audience === "customers" ? { customer_ids: selected.map((customer) => customer.id) } : { customer_group_id: groupId! }
    inFlight.current = true
    onBusyChange(true)
    let answer: { invitations: number; skipped: number }
    try {
      answer = await mutateAsync({ id: survey.id, body })
    } catch {
      // Shown in the drawer from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
      onBusyChange(false)
    }
    const skipped = answer.skipped ? t("surveySend.skipped", { count: formatNumber(answer.skipped) }) : undefined
    if (answer.invitations) {
      const sent = answer.invitations === 1 ? t("surveySend.sentOne") : t("surveySend.sent", { count: formatNumber(answer.invitations) })
      toast.success(sent, { description: skipped })
    } else {
      toast.warning(t("surveySend.noneSent"), { description: skipped })
    }
    onDone()
  }

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          {t("surveySend.description", { name: survey.name })}
        </Drawer.Description>
        {!survey.active ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("surveySend.inactive")}
          </Text>
        ) : null}
        <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
          <Tabs
            value={audience}
            onValueChange={(next) => {
              setAudience(next === "group" ? "group" : "customers")
              if (error) reset()
            }}
          >
            <Tabs.List aria-label={t("surveySend.audience")}>
              <Tabs.Trigger value="customers">{t("surveySend.customers")}</Tabs.Trigger>
              <Tabs.Trigger value="group">{t("surveySend.group")}</Tabs.Trigger>
            </Tabs.List>
          </Tabs>
          {audience === "customers" ? (
            <CustomerPicker
              selected={selected}
              onToggle={toggle}
              error={showErrors ? problem ?? undefined : undefined}
              disabled={isPending}
              i18n={i18n}
            />
          ) : (
            <GroupPicker
              value={groupId}
              onChange={(next) => {
                setGroupId(next)
                if (error) reset()
              }}
              error={showErrors ? problem ?? undefined : undefined}
              disabled={isPending}
              i18n={i18n}
            />
          )}
          {error ? <FailureAlert title={t("surveySend.failed")} message={error.message} /> : null}
        </form>
      </Drawer.Body>
      <DrawerFormFooter
        formId={FORM_ID}
        isPending={isPending}
        cancelLabel={t("ticket.cancel")}
        submitLabel={
          audience === "customers" && selected.length
            ? t("surveySend.submitCount", { count: formatNumber(selected.length) })
            : t("surveySend.submit")
        }
      />
    </>
  )
}

/** The text typed, passed on once typing pauses. */
const useDebounced = (value: string, delay: number) => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return debounced
}

const CustomerPicker = ({
  selected,
  onToggle,
  error,
  disabled,
  i18n: { t },
}: {
  selected: SurveyCustomerOption[]
  onToggle: (customer: SurveyCustomerOption) => void
  error?: string
  disabled: boolean
  i18n: CrmTranslation
}) => {
  const [q, setQ] = useState("")
  const search = useDebounced(q.trim(), SEARCH_DELAY_MS)
  const { data: customers, isPending, isError } = useCustomerSearch(search)
  const chosen = new Set(selected.map((customer) => customer.id))

  return (
    <FormField id="crm-survey-send-search" label={t("surveySend.search")} hint={t("surveySend.searchHint")} error={error}>
      <Input
        id="crm-survey-send-search"
        type="search"
        autoComplete="off"
        autoFocus
        value={q}
        disabled={disabled}
        placeholder={t("surveySend.searchPlaceholder")}
        aria-describedby="crm-survey-send-search-hint"
        onChange={(event) => setQ(event.target.value)}
      />
      <div className="max-h-64 overflow-y-auto rounded-lg border" aria-busy={isPending}>
        {isError ? (
          <Text size="small" className="text-ui-fg-error px-3 py-2">
            {t("surveySend.searchFailed")}
          </Text>
        ) : customers?.length ? (
          <ul className="divide-y">
            {customers.map((customer) => {
              const id = `crm-survey-send-customer-${customer.id}`
              return (
                <li key={customer.id} className="flex items-center gap-x-3 px-3 py-2">
                  <Checkbox id={id} checked={chosen.has(customer.id)} disabled={disabled} onCheckedChange={() => onToggle(customer)} />
                  <Label htmlFor={id} size="small" className="flex min-w-0 flex-1 flex-col">
                    <span className="text-ui-fg-base truncate">{customer.name || customer.email}</span>
                    {customer.name ? <span className="text-ui-fg-subtle truncate">{customer.email}</span> : null}
                  </Label>
                </li>
              )
            })}
          </ul>
        ) : (
          <Text size="small" className="text-ui-fg-muted px-3 py-2">
            {isPending ? t("surveySend.searching") : t("surveySend.noCustomers")}
          </Text>
        )}
      </div>
      {selected.length ? (
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus" leading="compact">
            {t("surveySend.selected", { count: selected.length })}
          </Text>
          <ul className="flex flex-wrap gap-1.5">
            {selected.map((customer) => (
              <li key={customer.id}>
                <Badge size="small" className="gap-x-1 pr-1">
                  <span className="max-w-[200px] truncate">{customer.name || customer.email}</span>
                  <IconButton
                    size="2xsmall"
                    variant="transparent"
                    type="button"
                    disabled={disabled}
                    aria-label={t("surveySend.remove", { name: customer.name || customer.email })}
                    onClick={() => onToggle(customer)}
                  >
                    <XMarkMini />
                  </IconButton>
                </Badge>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </FormField>
  )
}

const GroupPicker = ({
  value,
  onChange,
  error,
  disabled,
  i18n: { t },
}: {
  value: string | null
  onChange: (id: string) => void
  error?: string
  disabled: boolean
  i18n: CrmTranslation
}) => {
  const { data: groups, isPending, isError } = useCustomerGroups()
  return (
    <FormField id="crm-survey-send-group" label={t("surveySend.groupLabel")} hint={t("surveySend.groupHint")} error={error}>
      <Select value={value ?? undefined} disabled={disabled || isPending || !groups?.length} onValueChange={onChange}>
        <Select.Trigger id="crm-survey-send-group" aria-describedby="crm-survey-send-group-hint">
          <Select.Value
            placeholder={isPending ? t("surveySend.loadingGroups") : groups?.length ? t("surveySend.chooseGroup") : t("surveySend.noGroups")}
          />
        </Select.Trigger>
        <Select.Content className="max-h-80">
          {groups?.map((group) => (
            <Select.Item key={group.id} value={group.id}>
              {group.name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {isError ? (
        <Text size="small" className="text-ui-fg-error">
          {t("surveySend.groupsFailed")}
        </Text>
      ) : null}
    </FormField>
  )
}
