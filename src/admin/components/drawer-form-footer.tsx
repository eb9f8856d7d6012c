import { Button, Drawer } from "@medusajs/ui"

/** A form drawer's footer: Cancel closes the drawer, the other button submits the form `formId`. */
export const DrawerFormFooter = ({
  formId,
  isPending,
  cancelLabel,
  submitLabel,
  submitDisabled,
}: {
  formId: string
  isPending: boolean
  cancelLabel: string
  submitLabel: string
  submitDisabled?: boolean
}) => (
  <Drawer.Footer>
    <Drawer.Close asChild>
      <Button size="small" variant="secondary" disabled={isPending}>
        {cancelLabel}
      </Button>
    </Drawer.Close>
    <Button size="small" type="submit" form={formId} isLoading={isPending} disabled={submitDisabled}>
      {submitLabel}
    </Button>
  </Drawer.Footer>
)
