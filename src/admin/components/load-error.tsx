import { ExclamationCircle } from "@medusajs/icons"
import { Button, Text, clx } from "@medusajs/ui"

/** "Could not load X": the title, the server's message, and a retry button. */
export const LoadError = ({
  title,
  error,
  retryLabel,
  retrying,
  onRetry,
  className,
}: {
  title: string
  error?: { message?: string } | null
  retryLabel: string
  retrying: boolean
  onRetry: () => void
  className?: string
}) => (
  <div className={clx("flex flex-col items-start gap-y-3 px-6 py-4", className)} role="alert">
    <div className="text-ui-fg-error flex items-center gap-x-2">
      <ExclamationCircle />
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
    </div>
    {error?.message ? (
      <Text size="small" className="text-ui-fg-subtle break-words">
        {error.message}
      </Text>
    ) : null}
    <Button size="small" variant="secondary" isLoading={retrying} onClick={onRetry}>
      {retryLabel}
    </Button>
  </div>
)
