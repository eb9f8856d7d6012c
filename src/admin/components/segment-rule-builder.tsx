import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Select, Text, clx } from "@medusajs/ui"
import type { Dispatch } from "react"
import type { CrmTranslation } from "../lib/i18n"
import {
  SEGMENT_LIMITS,
  canNestGroup,
  fieldKind,
  opLabel,
  opsOf,
  valueInputOf,
  type ConditionDraft,
  type GroupDraft,
  type RuleAction,
  type RuleErrors,
  type SegmentFieldInfo,
  type SegmentOp,
} from "../lib/segments"
import { SegmentValueInput } from "./segment-value-input"

type BuilderProps = {
  root: GroupDraft
  fields: SegmentFieldInfo[]
  dispatch: Dispatch<RuleAction>
  /** Shown next to the rows they belong to. */
  errors: RuleErrors
  conditionCount: number
  disabled: boolean
  i18n: CrmTranslation
}

/**
 * The visual rule builder: nested "all"/"any" groups of conditions. A
 * condition row picks a field (from `GET /admin/segments/fields`), an op
 * among the field's own, and the value input that field and op need.
 */
export const SegmentRuleBuilder = (props: BuilderProps) => <RuleGroup {...props} group={props.root} depth={0} />

const RuleGroup = ({ group, depth, ...props }: BuilderProps & { group: GroupDraft; depth: number }) => {
  const { fields, dispatch, disabled, conditionCount, i18n } = props
  const { t } = i18n
  const root = depth === 0
  const full = conditionCount >= SEGMENT_LIMITS.conditions
  const today = () => new Date()
  const first = fields[0]

  return (
    <div
      role="group"
      aria-label={root ? t("segmentRules.rootGroup") : t("segmentRules.group")}
      className={clx("flex flex-col gap-y-3", !root && "bg-ui-bg-subtle rounded-lg border px-4 py-3")}
    >
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex items-center gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">
            {t("segmentRules.match")}
          </Text>
          <Select
            size="small"
            value={group.mode}
            disabled={disabled}
            onValueChange={(mode) => dispatch({ type: "set-mode", key: group.key, mode: mode === "any" ? "any" : "all" })}
          >
            <Select.Trigger aria-label={t("segmentRules.mode")} className="w-28">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">{t("segmentRules.all")}</Select.Item>
              <Select.Item value="any">{t("segmentRules.any")}</Select.Item>
            </Select.Content>
          </Select>
          <Text size="small" className="text-ui-fg-subtle">
            {t("segmentRules.ofThese")}
          </Text>
        </div>
        {!root ? (
          <IconButton
            type="button"
            size="small"
            variant="transparent"
            aria-label={t("segmentRules.removeGroup")}
            disabled={disabled}
            onClick={() => dispatch({ type: "remove", key: group.key })}
          >
            <Trash />
          </IconButton>
        ) : null}
      </div>

      {group.children.length ? (
        <ul className="flex flex-col gap-y-3">
          {group.children.map((child) => (
            <li key={child.key}>
              {child.kind === "group" ? (
                <RuleGroup {...props} group={child} depth={depth + 1} />
              ) : (
                <ConditionRow {...props} condition={child} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {root ? t("segmentRules.emptyRoot") : t("segmentRules.emptyGroup")}
        </Text>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          size="small"
          variant="secondary"
          disabled={disabled || full || !first}
          onClick={() => first && dispatch({ type: "add-condition", parent: group.key, field: first, today: today() })}
        >
          <Plus />
          {t("segmentRules.addCondition")}
        </Button>
        {canNestGroup(depth) ? (
          <Button
            type="button"
            size="small"
            variant="transparent"
            disabled={disabled || full || !first}
            onClick={() => first && dispatch({ type: "add-group", parent: group.key, field: first, today: today() })}
          >
            <Plus />
            {group.mode === "all" ? t("segmentRules.addAnyGroup") : t("segmentRules.addAllGroup")}
          </Button>
        ) : null}
        {full ? (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("segmentRules.tooMany", { max: SEGMENT_LIMITS.conditions })}
          </Text>
        ) : null}
      </div>
    </div>
  )
}

const ConditionRow = ({ condition, fields, dispatch, errors, disabled, i18n }: BuilderProps & { condition: ConditionDraft }) => {
  const { t } = i18n
  const info = fields.find((one) => one.field === condition.field)
  // "exists" only for fields a customer can lack a value for.
  const ops = info ? opsOf(info).filter((op) => op !== "exists" || info.nullable) : [condition.op]
  const id = `crm-segment-${condition.key}`
  const error = errors[condition.key]

  const pickField = (name: string) => {
    const next = fields.find((one) => one.field === name)
    if (next) dispatch({ type: "set-field", key: condition.key, field: next, today: new Date() })
  }
  const pickOp = (op: string) => {
    if (info) dispatch({ type: "set-op", key: condition.key, op: op as SegmentOp, field: info, today: new Date() })
  }

  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex flex-wrap items-start gap-2">
        <Select size="small" value={condition.field} disabled={disabled} onValueChange={pickField}>
          <Select.Trigger id={`${id}-field`} aria-label={t("segmentRules.field")} className="w-56">
            <Select.Value placeholder={condition.field} />
          </Select.Trigger>
          <Select.Content>
            {fields.map((one) => (
              <Select.Item key={one.field} value={one.field}>
                {one.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={condition.op} disabled={disabled || !info} onValueChange={pickOp}>
          <Select.Trigger id={`${id}-op`} aria-label={t("segmentRules.operator")} className="w-44">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ops.map((op) => (
              <Select.Item key={op} value={op}>
                {opLabel(op, t, info && fieldKind(info))}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {info ? (
          <SegmentValueInput
            id={`${id}-value`}
            input={valueInputOf(fieldKind(info), condition.op)}
            info={info}
            value={condition.value}
            invalid={!!error}
            disabled={disabled}
            onChange={(value) => dispatch({ type: "set-value", key: condition.key, value })}
            i18n={i18n}
          />
        ) : null}
        {info && fieldKind(info) === "bought" ? <WindowInput id={id} condition={condition} {...{ dispatch, disabled, i18n }} /> : null}
        <IconButton
          type="button"
          size="small"
          variant="transparent"
          className="ml-auto"
          aria-label={t("segmentRules.removeCondition")}
          disabled={disabled}
          onClick={() => dispatch({ type: "remove", key: condition.key })}
        >
          <Trash />
        </IconButton>
      </div>
      {error ? (
        <Text size="xsmall" className="text-ui-fg-error">
          {t(error)}
        </Text>
      ) : null}
    </div>
  )
}

/** bought_*: only orders of the last N days count (empty: all of them). */
const WindowInput = ({
  id,
  condition,
  dispatch,
  disabled,
  i18n: { t },
}: {
  id: string
  condition: ConditionDraft
  dispatch: Dispatch<RuleAction>
  disabled: boolean
  i18n: CrmTranslation
}) => (
  <div className="flex items-center gap-x-2">
    <Text size="small" className="text-ui-fg-subtle">
      {t("segmentRules.windowPrefix")}
    </Text>
    <Input
      id={`${id}-window`}
      size="small"
      type="number"
      min={1}
      step={1}
      inputMode="numeric"
      className="w-20"
      aria-label={t("segmentRules.window")}
      placeholder={t("segmentRules.windowAny")}
      disabled={disabled}
      value={condition.window_days}
      onChange={(event) => dispatch({ type: "set-window", key: condition.key, window_days: event.target.value })}
    />
    <Text size="small" className="text-ui-fg-subtle">
      {t("segmentRules.days")}
    </Text>
  </div>
)

