import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import TicketsModuleService from "../service"

jest.setTimeout(120 * 1000)

/** The tickets module's tables and guards; workflows and routes come with the capability. */
moduleIntegrationTestRunner<TicketsModuleService>({
  moduleName: CrmModules.TICKETS,
  dbName: moduleTestDbName("tickets"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service }) => {
    it("keeps a ticket with its conversation and numbers tickets in order", async () => {
      const [first, second] = await service.createTickets([
        { customer_id: "cus_1", subject: "Torn seam", category: "product_quality" },
        { customer_id: "cus_2", subject: "Where is my parcel?", category: "logistics", priority: "high" },
      ])
      expect(second.display_id).toBeGreaterThan(first.display_id)
      expect(first).toEqual(expect.objectContaining({ status: "open", priority: "normal", source: "customer", pauses: [], flagged: false }))
      await service.createTicketMessages([
        { ticket_id: first.id, author_type: "customer", author_id: "cus_1", body: "The seam tore on day one." },
        { ticket_id: first.id, author_type: "user", author_id: "user_1", body: "Check the batch number", internal: true },
      ])
      const [withMessages] = await service.listTickets({ id: first.id }, { relations: ["messages"] })
      expect(withMessages.messages.map((m) => [m.author_type, m.internal])).toEqual(
        expect.arrayContaining([["customer", false], ["user", true]])
      )
    })

    it("opens at most one ticket per source, and refuses a rating outside 1-5", async () => {
      await service.createTickets({ customer_id: "cus_3", subject: "Low review", source: "review", source_id: "rev_1" })
      await expect(
        service.createTickets({ customer_id: "cus_3", subject: "Low review again", source: "review", source_id: "rev_1" })
      ).rejects.toThrow()
      await expect(service.createTickets({ customer_id: "cus_4", subject: "x", rating_score: 6 })).rejects.toThrow()
    })

    it("settings: defaults on first read, and a change replaces the JSON instead of merging it", async () => {
      const defaults = await service.loadTicketSettings()
      expect(defaults).toEqual(
        expect.objectContaining({ auto_close_days: 7, business_hours: null, escalation_email: null })
      )
      expect(defaults.sla.urgent).toEqual({ first_response_minutes: 60, resolution_minutes: 480 })
      const hours = { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 540, end_minute: 1020 }
      const changed = await service.changeTicketSettings({ business_hours: hours, auto_close_days: 3 })
      expect(changed).toEqual(expect.objectContaining({ business_hours: hours, auto_close_days: 3 }))
      const narrower = await service.changeTicketSettings({ business_hours: { ...hours, weekdays: [1] } })
      expect(narrower.business_hours!.weekdays).toEqual([1])
      expect((await service.changeTicketSettings({ business_hours: null })).business_hours).toBeNull()
    })

    it("two deliveries racing to open a ticket for the same review give one ticket; two compensations racing give one record", async () => {
      const input = {
        customer_id: "cus_race",
        subject: "1-star review",
        category: "product_quality" as const,
        priority: "normal" as const,
        order_id: null,
        product_id: null,
        source: "review" as const,
        source_id: "rev_race",
        message: { author_type: "customer" as const, author_id: "cus_race", body: "Broke at once", internal: false },
      }
      const opened = await Promise.all(Array.from({ length: 4 }, () => service.openTicket(input)))
      expect(new Set(opened.map((result) => result.ticket.id)).size).toBe(1)
      expect(opened.filter((result) => result.created)).toHaveLength(1)
      const [, messages] = await service.listAndCountTicketMessages({ ticket_id: opened[0].ticket.id })
      expect(messages).toBe(1)

      const record = { ticket_id: opened[0].ticket.id, type: "points" as const, points: 100, created_by: "user_1" }
      const given = await Promise.allSettled(Array.from({ length: 3 }, () => service.recordCompensation(record)))
      expect(given.filter((result) => result.status === "fulfilled")).toHaveLength(1)
      expect(given.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.message)).toEqual([
        "This ticket has already been compensated with points",
        "This ticket has already been compensated with points",
      ])
    })
  },
})
