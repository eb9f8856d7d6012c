import type { Op, SegmentField } from "./fields"

/** A condition's value once checked: a scalar, a list (in, nin) or a pair (between). */
export type ConditionValue = number | string | boolean | (number | string)[]

export type SegmentCondition = {
  field: SegmentField
  op: Op
  value: ConditionValue
  /** bought_* only: count orders placed in the last N days. */
  window_days?: number
}

/** A segment's rules: all/any groups nesting conditions. `{ all: [] }` is every customer. */
export type SegmentRule = { all: SegmentRule[] } | { any: SegmentRule[] } | SegmentCondition

export const isAllGroup = (rule: SegmentRule): rule is { all: SegmentRule[] } => "all" in rule
export const isAnyGroup = (rule: SegmentRule): rule is { any: SegmentRule[] } => "any" in rule
export const isCondition = (rule: SegmentRule): rule is SegmentCondition => "field" in rule

/** Every condition of a rule tree, depth first. */
export function conditionsOf(rule: SegmentRule): SegmentCondition[] {
  if (isCondition(rule)) {
    return [rule]
  }
  return (isAllGroup(rule) ? rule.all : rule.any).flatMap(conditionsOf)
}
