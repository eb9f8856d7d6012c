import { Button, Container, Heading, Input, Skeleton, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useReducer, useRef, useState, type FormEvent } from "react"
import { useNavigate } from "react-router-dom"
import { useCreateSegment, useSegmentFields, useUpdateSegment } from "../hooks/segments"
import type { CrmTranslation } from "../lib/i18n"
import {
  SEGMENT_LIMITS,
  SEGMENT_REFRESH_OPTIONS,
  countConditions,
  draftToRule,
  refreshModeLabel,
  ruleReducer,
  ruleToDraft,
  segmentBody,
  segmentToForm,
  validateSegmentForm,
  type AdminSegment,
  type SegmentForm,
} from "../lib/segments"
import { FailureAlert } from "./failure-alert"
import { FormField } from "./form-field"
import { SelectField } from "./select-field"
import { LoadError } from "./load-error"
import { SegmentPreview } from "./segment-preview"
import { SegmentRuleBuilder } from "./segment-rule-builder"

const FORM_ID = "crm-segment-form"

/**
 * A segment's name, description, refresh mode and rules, with the live
 * preview beside the builder: creates a segment (`segment` null, then opens
 * it) or saves what changed of one.
 */
export const SegmentEditor = ({ segment, i18n }: { segment: AdminSegment | null; i18n: CrmTranslation }) => {
  const { t } = i18n
  const navigate = useNavigate()
  const { fields, isPending: fieldsPending, isError: fieldsFailed, error: fieldsError, refetch, isFetching } = useSegmentFields()
  const initial = useMemo(() => segmentToForm(segment), [segment])
  const [form, setForm] = useState<SegmentForm>(initial)
  const [root, dispatch] = useReducer(ruleReducer, segment?.rules, ruleToDraft)
  const [showErrors, setShowErrors] = useState(false)
  const inFlight = useRef(false)
  const create = useCreateSegment()
  const update = useUpdateSegment()
  const mutation = segment ? update : create
  const { isPending, error } = mutation

  const { rule, errors: ruleErrors } = draftToRule(root, fields ?? [])
  const formErrors = validateSegmentForm(form)
  const changes = rule ? segmentBody(form, rule, segment) : null
  const unchanged = !!segment && !!changes && !Object.keys(changes).length

  const set = <K extends keyof SegmentForm>(key: K, value: SegmentForm[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) mutation.reset()
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (inFlight.current) return
    setShowErrors(true)
    if (!rule || !changes || Object.keys(formErrors).length || unchanged) return
    inFlight.current = true
    let saved: AdminSegment
    try {
      saved = segment
        ? (await update.mutateAsync({ id: segment.id, body: changes })).segment
        : (await create.mutateAsync(changes)).segment
    } catch {
      // Shown below the form from the mutation's `error`.
      return
    } finally {
      inFlight.current = false
    }
    toast.success(segment ? t("segmentForm.saved", { name: saved.name }) : t("segmentForm.created", { name: saved.name }), {
      description: t("segmentForm.members", { count: i18n.formatNumber(saved.member_count) }),
    })
    if (!segment) {
      navigate(`/segments/${encodeURIComponent(saved.id)}`)
      return
    }
    // The server stores rules normalised (lower-case countries, lists without
    // repeats): start again from what it kept, so "No changes" is true.
    setForm(segmentToForm(saved))
    dispatch({ type: "replace", root: ruleToDraft(saved.rules) })
    setShowErrors(false)
  }

  const shown = showErrors ? formErrors : {}

  return (
    <Container className="flex flex-col gap-y-6 px-6 py-4">
      <form id={FORM_ID} noValidate onSubmit={onSubmit} className="flex flex-col gap-y-6">
        <Heading level="h2">{t("segmentForm.title")}</Heading>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <FormField id="crm-segment-name" label={t("segmentForm.name")} error={shown.name ? t(shown.name) : undefined}>
            <Input
              id="crm-segment-name"
              autoComplete="off"
              value={form.name}
              disabled={isPending}
              maxLength={SEGMENT_LIMITS.name + 50}
              aria-invalid={!!shown.name || undefined}
              onChange={(event) => set("name", event.target.value)}
            />
          </FormField>
          <SelectField
            id="crm-segment-refresh"
            label={t("segmentForm.refresh")}
            hint={t("segmentForm.refreshHint")}
            value={form.refresh}
            options={SEGMENT_REFRESH_OPTIONS}
            optionLabel={(mode) => refreshModeLabel(mode, t)}
            disabled={isPending}
            onChange={(mode) => set("refresh", mode)}
          />
          <FormField
            id="crm-segment-description"
            label={t("segmentForm.description")}
            error={shown.description ? t(shown.description) : undefined}
            className="md:col-span-2"
          >
            <Textarea
              id="crm-segment-description"
              rows={2}
              value={form.description}
              disabled={isPending}
              aria-invalid={!!shown.description || undefined}
              onChange={(event) => set("description", event.target.value)}
            />
          </FormField>
        </div>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <section aria-labelledby="crm-segment-rules-title" className="flex min-w-0 flex-col gap-y-3">
            <div className="flex flex-col gap-y-1">
              <Heading level="h3" id="crm-segment-rules-title">
                {t("segmentForm.rules")}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("segmentForm.rulesHint")}
              </Text>
            </div>
            {fieldsPending ? (
              <Skeleton className="h-24 w-full" />
            ) : fieldsFailed ? (
              <LoadError
                className="px-0"
                title={t("segmentForm.fieldsFailed")}
                error={fieldsError}
                retryLabel={t("loyalty.retry")}
                retrying={isFetching}
                onRetry={() => refetch()}
              />
            ) : (
              <SegmentRuleBuilder
                root={root}
                fields={fields ?? []}
                dispatch={(action) => {
                  dispatch(action)
                  if (error) mutation.reset()
                }}
                errors={showErrors ? ruleErrors : {}}
                conditionCount={countConditions(root)}
                disabled={isPending}
                i18n={i18n}
              />
            )}
          </section>
          <aside className="bg-ui-bg-subtle h-fit rounded-lg border px-4 py-3">
            <SegmentPreview rule={rule} incomplete={!fields || !rule} i18n={i18n} />
          </aside>
        </div>

        {error ? (
          <FailureAlert title={segment ? t("segmentForm.saveFailed") : t("segmentForm.createFailed")} message={error.message} />
        ) : showErrors && (!rule || Object.keys(formErrors).length) ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {t("settings.fixErrors")}
          </Text>
        ) : null}

        <div className="flex items-center justify-end gap-x-2">
          {unchanged ? (
            <Text size="small" className="text-ui-fg-muted">
              {t("segmentForm.unchanged")}
            </Text>
          ) : null}
          <Button size="small" type="submit" isLoading={isPending} disabled={unchanged}>
            {segment ? t("segmentForm.save") : t("segmentForm.create")}
          </Button>
        </div>
      </form>
    </Container>
  )
}
