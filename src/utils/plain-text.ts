/** Control characters other than tab and newline, and NUL, which PostgreSQL refuses in text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** Text as it is stored: trimmed, \r\n as \n, no control characters. Nothing else changes. */
export function plainText(text: string | null | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim()
}
