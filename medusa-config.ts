/**
 * The dev store: this repository run as a Medusa store with the plugin's own
 * code loaded from source. `npm run dev`, `npm run demo` and the integration
 * tests use it. Merchants register the published package under `plugins`
 * instead (see README).
 */
import path from "path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL
const isTest = process.env.NODE_ENV === "test"

/** The same options object a merchant passes to the plugin. */
const crmOptions = {
  default_locale: (process.env.CRM_DEFAULT_LOCALE ?? "en") as "en" | "zh-CN",
  emails: {
    store_name: process.env.CRM_STORE_NAME ?? "CRM Demo Store",
    ...(process.env.CRM_EMAIL_TEMPLATES_DIR
      ? { templates_dir: process.env.CRM_EMAIL_TEMPLATES_DIR }
      : {}),
  },
}

const crmModules = [
  { resolve: "./src/modules/loyalty", options: crmOptions },
  { resolve: "./src/modules/mailer", options: crmOptions },
  { resolve: "./src/modules/order-facts" },
  { resolve: "./src/modules/reviews" },
  { resolve: "./src/modules/tickets" },
  { resolve: "./src/modules/surveys" },
  { resolve: "./src/modules/segments" },
]

/**
 * Scale-out mode: with REDIS_URL, Medusa's Redis event bus (with retries),
 * workflow engine, cache and locking, and MEDUSA_WORKER_MODE honoured.
 * Without it, Medusa's in-memory defaults.
 */
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl,
          jobOptions: {
            attempts: Number(process.env.CRM_EVENT_ATTEMPTS ?? 3),
            backoff: { type: "fixed", delay: 1000 },
            removeOnComplete: { age: 3600, count: 1000 },
            removeOnFail: { age: 86400 },
          },
        },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

/**
 * Tests record what would be e-mailed with a provider that keeps messages in
 * memory; the demo and dev store log them with Medusa's local provider.
 */
const notificationModule = {
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      isTest
        ? {
            // Absolute: Medusa reads "./x" as "./src/x".
            resolve: path.join(__dirname, "integration-tests/providers/notification-recorder"),
            id: "recorder",
            options: { channels: ["email"] },
          }
        : {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["email"] },
          },
    ],
  },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE as
      | "shared"
      | "worker"
      | "server"
      | undefined,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  modules: [...crmModules, ...redisModules, notificationModule],
})
