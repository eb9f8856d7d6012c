import { Alert, Text } from "@medusajs/ui"

/** A failed save: what failed, and the server's own message (as text). */
export const FailureAlert = ({ title, message }: { title: string; message?: string }) => (
  <Alert variant="error" role="alert">
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {message ? (
        <Text size="small" className="break-words">
          {message}
        </Text>
      ) : null}
    </div>
  </Alert>
)
