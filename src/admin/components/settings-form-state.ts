import { useMemo, useState } from "react"

const asIs = (form: unknown) => form

/**
 * A settings form's inputs as edited, from `initial` (what was loaded):
 * `set` one field, `isDirty` when they differ from `initial` (compared as
 * `comparable` makes them), `showErrors` once a save was tried, `discard` to
 * start again. Editing or discarding clears a failed save's `error`.
 */
export const useSettingsFormState = <Form extends object>(
  initial: Form,
  { error, reset }: { error: unknown; reset: () => void },
  comparable: (form: Form) => unknown = asIs
) => {
  const [form, setForm] = useState<Form>(initial)
  const [showErrors, setShowErrors] = useState(false)
  const isDirty = useMemo(
    () => JSON.stringify(comparable(form)) !== JSON.stringify(comparable(initial)),
    [form, initial, comparable]
  )

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((previous) => ({ ...previous, [key]: value }))
    if (error) {
      reset()
    }
  }

  const discard = () => {
    setForm(initial)
    setShowErrors(false)
    reset()
  }

  return { form, set, isDirty, showErrors, setShowErrors, discard }
}
