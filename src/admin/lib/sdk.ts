import Medusa from "@medusajs/js-sdk"

/**
 * The one JS SDK instance the plugin's admin extensions share.
 *
 * The dashboard that loads these extensions defines `__BACKEND_URL__` and
 * `__AUTH_TYPE__` (from the store's `admin.backendUrl` / `MEDUSA_BACKEND_URL`
 * and `ADMIN_AUTH_TYPE`) when it bundles them, so the plugin talks to the
 * same backend, the same way, as the dashboard itself. That is what Medusa's
 * docs use for plugins: `import.meta.env.VITE_*` is replaced once, when
 * `medusa plugin:build` runs on the plugin author's machine, and would never
 * see the store's settings. It stays as the second choice for code loaded
 * from source (this repository run as a store), then the same origin.
 */
const hostBackendUrl =
  typeof __BACKEND_URL__ !== "undefined" ? __BACKEND_URL__ : undefined
const hostAuthType =
  typeof __AUTH_TYPE__ !== "undefined" ? __AUTH_TYPE__ : undefined
const hostJwtStorageKey =
  typeof __JWT_TOKEN_STORAGE_KEY__ !== "undefined"
    ? __JWT_TOKEN_STORAGE_KEY__
    : undefined

export const sdk = new Medusa({
  baseUrl: hostBackendUrl || import.meta.env.VITE_BACKEND_URL || "/",
  auth: {
    type: hostAuthType ?? "session",
    jwtTokenStorageKey: hostJwtStorageKey || undefined,
  },
})
