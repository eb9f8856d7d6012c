import { eventBusWarning, registeredEventBus } from "../event-bus-warning"

const LOCAL = "@medusajs/medusa/event-bus-local"
const REDIS = "@medusajs/medusa/event-bus-redis"

describe("eventBusWarning", () => {
  it("warns on the in-memory bus outside development and tests, naming the Redis modules and the README section", () => {
    for (const nodeEnv of ["production", "staging", undefined]) {
      const warning = eventBusWarning({ nodeEnv, eventBusName: LOCAL })
      expect(warning).toContain("in-memory event bus (@medusajs/medusa/event-bus-local)")
      expect(warning).toContain("not retried")
      expect(warning).toContain("lost if the process crashes")
      expect(warning).toContain("@medusajs/medusa/event-bus-redis with jobOptions.attempts")
      expect(warning).toContain("@medusajs/medusa/workflow-engine-redis")
      expect(warning).toContain("@medusajs/medusa/locking-redis")
      expect(warning).toContain('"Running at scale"')
    }
    expect(eventBusWarning({ nodeEnv: "production", eventBusName: LOCAL })).toContain("NODE_ENV=production")
    expect(eventBusWarning({ nodeEnv: undefined, eventBusName: LOCAL })).toContain("NODE_ENV=(unset)")
  })

  it("recognises the in-memory bus by its standalone package name or a path into it", () => {
    for (const eventBusName of ["@medusajs/event-bus-local", "/app/node_modules/@medusajs/event-bus-local/dist/index.js"]) {
      expect(eventBusWarning({ nodeEnv: "production", eventBusName })).not.toBeNull()
    }
  })

  it("says nothing in development or tests", () => {
    expect(eventBusWarning({ nodeEnv: "development", eventBusName: LOCAL })).toBeNull()
    expect(eventBusWarning({ nodeEnv: "test", eventBusName: LOCAL })).toBeNull()
  })

  it("says nothing on the Redis bus or another bus", () => {
    for (const eventBusName of [REDIS, "./src/modules/rabbitmq-event-bus", "my-event-bus-localish", null]) {
      expect(eventBusWarning({ nodeEnv: "production", eventBusName })).toBeNull()
    }
  })
})

describe("registeredEventBus", () => {
  it("is the registration's resolve", () => {
    expect(registeredEventBus({ event_bus: { resolve: REDIS, options: {} } })).toBe(REDIS)
    expect(registeredEventBus({ event_bus: { resolve: LOCAL } })).toBe(LOCAL)
  })

  it("is Medusa's default, the in-memory bus, without a registration or its resolve", () => {
    expect(registeredEventBus(undefined)).toBe(LOCAL)
    expect(registeredEventBus({})).toBe(LOCAL)
    expect(registeredEventBus({ event_bus: true })).toBe(LOCAL)
    expect(registeredEventBus({ event_bus: { options: {} } })).toBe(LOCAL)
  })

  it("is null for a disabled bus or one given as module exports", () => {
    expect(registeredEventBus({ event_bus: false })).toBeNull()
    expect(registeredEventBus({ event_bus: { resolve: { service: class {} } as any } })).toBeNull()
  })
})
