import { XMarkMini } from "@medusajs/icons"
import { Badge, Checkbox, IconButton, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useState, type KeyboardEvent } from "react"
import type { CrmTranslation } from "../lib/i18n"
import type { DraftValue, SegmentFieldInfo, ValueInput } from "../lib/segments"

type Props = {
  id: string
  input: ValueInput
  info: SegmentFieldInfo | undefined
  value: DraftValue
  invalid: boolean
  disabled: boolean
  onChange: (value: DraftValue) => void
  i18n: CrmTranslation
}

const asText = (value: DraftValue) => (typeof value === "string" ? value : "")
const asList = (value: DraftValue) => (Array.isArray(value) ? value : [])

/** The value part of a condition row: the input its field type and op need (`valueInputOf`). */
export const SegmentValueInput = ({ id, input, info, value, invalid, disabled, onChange, i18n }: Props) => {
  const { t } = i18n
  const label = t("segmentRules.value")
  const common = { id, disabled, "aria-invalid": invalid || undefined, size: "small" as const }
  switch (input) {
    case "number":
    case "days":
      return (
        <div className="flex items-center gap-x-2">
          <Input
            {...common}
            type="number"
            inputMode="decimal"
            aria-label={label}
            className="w-32"
            min={input === "days" ? 0 : undefined}
            step={input === "days" ? 1 : "any"}
            value={asText(value)}
            onChange={(event) => onChange(event.target.value)}
          />
          {input === "days" ? (
            <Text size="small" className="text-ui-fg-subtle">
              {t("segmentRules.days")}
            </Text>
          ) : null}
        </div>
      )
    case "date":
      return (
        <Input
          {...common}
          type="date"
          aria-label={label}
          className="w-40"
          // A stored date-time shows as its day; changing it writes a day.
          value={asText(value).slice(0, 10)}
          onChange={(event) => onChange(event.target.value)}
        />
      )
    case "number_pair":
    case "date_pair": {
      const pair = asList(value)
      const set = (index: 0 | 1, next: string) => onChange(index === 0 ? [next, pair[1] ?? ""] : [pair[0] ?? "", next])
      const type = input === "date_pair" ? "date" : "number"
      const show = (text: string | undefined) => (input === "date_pair" ? (text ?? "").slice(0, 10) : text ?? "")
      return (
        <div className="flex items-center gap-x-2">
          <Input
            {...common}
            type={type}
            aria-label={t("segmentRules.from")}
            className="w-36"
            value={show(pair[0])}
            onChange={(event) => set(0, event.target.value)}
          />
          <Text size="small" className="text-ui-fg-subtle">
            {t("segmentRules.and")}
          </Text>
          <Input
            {...common}
            id={`${id}-to`}
            type={type}
            aria-label={t("segmentRules.to")}
            className="w-36"
            value={show(pair[1])}
            onChange={(event) => set(1, event.target.value)}
          />
        </div>
      )
    }
    case "text":
      return (
        <Input
          {...common}
          aria-label={label}
          className="w-56"
          placeholder={info?.type === "bought" || info?.type === "ids" ? t("segmentRules.idPlaceholder") : undefined}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )
    case "text_list":
    case "number_list":
      return <ListInput {...{ id, value: asList(value), invalid, disabled, onChange, i18n }} numeric={input === "number_list"} />
    case "choice":
      return (
        <Select size="small" value={asText(value) || undefined} disabled={disabled} onValueChange={onChange}>
          <Select.Trigger id={id} aria-label={label} aria-invalid={invalid || undefined} className="w-48">
            <Select.Value placeholder={t("segmentRules.choose")} />
          </Select.Trigger>
          <Select.Content>
            {(info?.values ?? []).map((choice) => (
              <Select.Item key={choice.value} value={choice.value}>
                {choice.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      )
    case "choice_list": {
      const chosen = asList(value)
      return (
        <div role="group" aria-label={label} className="flex flex-wrap gap-x-4 gap-y-2">
          {(info?.values ?? []).map((choice) => {
            const checkboxId = `${id}-${choice.value}`
            return (
              <div key={choice.value} className="flex items-center gap-x-1.5">
                <Checkbox
                  id={checkboxId}
                  checked={chosen.includes(choice.value)}
                  disabled={disabled}
                  onCheckedChange={(checked) =>
                    onChange(checked ? [...chosen, choice.value] : chosen.filter((one) => one !== choice.value))
                  }
                />
                <Label htmlFor={checkboxId} size="small">
                  {choice.label}
                </Label>
              </div>
            )
          })}
        </div>
      )
    }
    case "boolean":
      return (
        <div className="flex items-center gap-x-2">
          <Switch id={id} checked={value === true} disabled={disabled} onCheckedChange={(checked) => onChange(checked)} />
          <Label htmlFor={id} size="small">
            {value === true ? t("segmentRules.yes") : t("segmentRules.no")}
          </Label>
        </div>
      )
    case "exists":
      return (
        <Select size="small" value={value === false ? "false" : "true"} disabled={disabled} onValueChange={(next) => onChange(next === "true")}>
          <Select.Trigger id={id} aria-label={label} className="w-44">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="true">{t("segmentRules.hasValue")}</Select.Item>
            <Select.Item value="false">{t("segmentRules.hasNoValue")}</Select.Item>
          </Select.Content>
        </Select>
      )
  }
}

/** Values typed one by one (Enter, a comma or leaving the field adds one), shown as removable badges. */
const ListInput = ({
  id,
  value,
  numeric,
  invalid,
  disabled,
  onChange,
  i18n: { t },
}: {
  id: string
  value: string[]
  numeric: boolean
  invalid: boolean
  disabled: boolean
  onChange: (value: string[]) => void
  i18n: CrmTranslation
}) => {
  const [typed, setTyped] = useState("")
  const add = () => {
    const items = typed
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item && !value.includes(item))
    if (items.length) onChange([...value, ...items])
    setTyped("")
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault()
      add()
    } else if (event.key === "Backspace" && !typed && value.length) {
      onChange(value.slice(0, -1))
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {value.map((item) => (
        <Badge key={item} size="2xsmall" className="gap-x-0.5 pr-0.5">
          {item}
          <IconButton
            type="button"
            size="2xsmall"
            variant="transparent"
            aria-label={t("segmentRules.removeValue", { value: item })}
            disabled={disabled}
            onClick={() => onChange(value.filter((one) => one !== item))}
          >
            <XMarkMini />
          </IconButton>
        </Badge>
      ))}
      <Input
        id={id}
        size="small"
        className="w-44"
        inputMode={numeric ? "decimal" : undefined}
        aria-label={t("segmentRules.listValue")}
        aria-invalid={invalid || undefined}
        placeholder={t("segmentRules.listPlaceholder")}
        disabled={disabled}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  )
}
