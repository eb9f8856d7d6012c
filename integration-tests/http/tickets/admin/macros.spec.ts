import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type TicketsModuleService from "../../../../src/modules/tickets/service"
import { CrmModules } from "../../../../src/types/modules"
import type { TicketDTO } from "../../../../src/types/tickets"
import { createTicketMacroStep } from "../../../../src/workflows/tickets/steps/create-ticket-macro"
import { deleteTicketMacroStep } from "../../../../src/workflows/tickets/steps/delete-ticket-macro"
import { updateTicketMacroStep } from "../../../../src/workflows/tickets/steps/update-ticket-macro"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderThroughStore } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

const failAfterWrite = createStep("crm-test-fail-after-ticket-macro", async () => {
  throw new Error("injected failure")
})

/** Each macro step followed by a failure: its compensation must put everything back. */
const thenFail = (name: string, step: (input: any) => unknown) =>
  createWorkflow(`crm-test-${name}-then-fail`, (input: any) => {
    step(input)
    failAfterWrite()
  })

const createThenFail = thenFail("create-ticket-macro", createTicketMacroStep)
const updateThenFail = thenFail("update-ticket-macro", updateTicketMacroStep)
const deleteThenFail = thenFail("delete-ticket-macro", deleteTicketMacroStep)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // `emails.store_name` of the dev store (medusa-config.ts).
    const storeName = process.env.CRM_STORE_NAME ?? "CRM Demo Store"
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const tickets = (): TicketsModuleService => getContainer().resolve(CrmModules.TICKETS)
    const create = async (body: object) => (await api.post("/admin/ticket-macros", body, admin)).data.ticket_macro
    /** Every macro row, deleted ones included: what a failed write must leave as it was. */
    const rows = async () =>
      (await tickets().listTicketMacros({}, { withDeleted: true, order: { id: "ASC" } })).map((m: any) => [m.id, m.name, m.category, m.body, m.deleted_at])

    it("creates, reads, lists (search, category, order, pages), changes and deletes canned responses", async () => {
      const late = await create({ name: "Late parcel", category: "logistics", body: "Hi {{customer.first_name}}, your parcel is on its way." })
      expect(late).toEqual({
        id: expect.stringMatching(/^tktmac_/),
        name: "Late parcel",
        category: "logistics",
        body: "Hi {{customer.first_name}}, your parcel is on its way.",
        created_at: expect.any(String),
        updated_at: expect.any(String),
        deleted_at: null,
      })
      const refund = await create({ name: "Refund sent", category: "payment", body: "The refund of order #{{order.display_id}} is on its way: 100% sure." })
      const general = await create({ name: "  Apology  ", body: "We are sorry. {{store.name}}" })
      expect(general).toEqual(expect.objectContaining({ name: "Apology", category: null }))
      expect((await api.get(`/admin/ticket-macros/${refund.id}`, admin)).data.ticket_macro).toEqual(refund)

      const names = async (query: string) => (await api.get(`/admin/ticket-macros${query}`, admin)).data.ticket_macros.map((m: any) => m.name)
      expect(await names("")).toEqual(["Apology", "Late parcel", "Refund sent"])
      expect(await names("?order=-name")).toEqual(["Refund sent", "Late parcel", "Apology"])
      expect(await names("?order=-created_at")).toEqual(["Apology", "Refund sent", "Late parcel"])
      expect(await names("?q=ON ITS WAY")).toEqual(["Late parcel", "Refund sent"])
      expect(await names("?q=apol")).toEqual(["Apology"])
      expect(await names("?q=100%25")).toEqual(["Refund sent"])
      expect(await names("?q=0_")).toEqual([])
      expect(await names("?category=payment")).toEqual(["Refund sent"])
      expect(await names("?category=payment&q=parcel")).toEqual([])
      const page = (await api.get("/admin/ticket-macros?limit=1&offset=1", admin)).data
      expect(page).toEqual({ ticket_macros: [expect.objectContaining({ name: "Late parcel" })], count: 3, offset: 1, limit: 1 })

      const changed = (await api.post(`/admin/ticket-macros/${late.id}`, { category: null, body: "Your parcel, {{customer.first_name}}." }, admin)).data.ticket_macro
      expect(changed).toEqual(expect.objectContaining({ id: late.id, name: "Late parcel", category: null, body: "Your parcel, {{customer.first_name}}." }))
      expect((await api.post(`/admin/ticket-macros/${late.id}`, { name: "Parcel" }, admin)).data.ticket_macro).toEqual(
        expect.objectContaining({ name: "Parcel", category: null, body: "Your parcel, {{customer.first_name}}." })
      )

      expect((await api.delete(`/admin/ticket-macros/${late.id}`, admin)).data).toEqual({ id: late.id, object: "ticket_macro", deleted: true })
      expect(await names("")).toEqual(["Apology", "Refund sent"])
      expect((await failedRequest(api.get(`/admin/ticket-macros/${late.id}`, admin))).status).toBe(404)
      expect((await failedRequest(api.delete(`/admin/ticket-macros/${late.id}`, admin))).status).toBe(404)
    })

    it("renders a macro for a ticket with its customer, order, ticket, store and agent; names what it had no value for", async () => {
      const fixtures = await createStoreFixtures(getContainer(), 25)
      const customer = await registerMember(api, getContainer(), fixtures.publishableKey, "ana@crm.test")
      const placed = await placeOrderThroughStore(api, fixtures, customer.headers)
      const {
        data: [order],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["display_id", "created_at"], filters: { id: placed.id } })
      await getContainer().resolve(Modules.USER).updateUsers({ id: admin.userId, first_name: "Sam" })
      const withOrder = (await tickets().createTickets({
        customer_id: customer.customerId,
        order_id: placed.id,
        subject: "Torn seam",
        category: "product_quality",
      })) as unknown as TicketDTO
      const withoutOrder = (await tickets().createTickets({ customer_id: "cus_unknown", subject: "A question", category: "other" })) as unknown as TicketDTO
      const macro = await create({
        name: "Everything",
        body:
          "Dear {{customer.first_name}} {{customer.last_name}} ({{customer.email}}), about order #{{order.display_id}} of {{order.created_at}} " +
          "({{order.total}} {{order.currency_code}}), ticket #{{ticket.display_id}} \"{{ticket.subject}}\" [{{ticket.category}}]{{#if order}}.{{/if}} {{agent.first_name}}, {{store.name}}",
      })
      const render = async (ticketId: string) => (await api.post(`/admin/ticket-macros/${macro.id}/render`, { ticket_id: ticketId }, admin)).data.rendered

      expect(await render(withOrder.id)).toEqual({
        body:
          `Dear Test ana (ana@crm.test), about order #${order.display_id} of ${new Date(order.created_at).toISOString().slice(0, 10)} ` +
          `(25.00 EUR), ticket #${withOrder.display_id} "Torn seam" [product_quality]. Sam, ${storeName}`,
        missing: [],
      })
      expect(await render(withoutOrder.id)).toEqual({
        body: `Dear   (), about order # of  ( ), ticket #${withoutOrder.display_id} "A question" [other] Sam, ${storeName}`,
        missing: ["customer.first_name", "customer.last_name", "customer.email", "order.display_id", "order.created_at", "order.total", "order.currency_code"],
      })

      // The order's day is the store's (business hours' zone), not UTC's.
      await api.post("/admin/ticket-settings", { business_hours: { time_zone: "Pacific/Kiritimati", weekdays: [1], start_minute: 0, end_minute: 60 } }, admin)
      const kiritimati = new Date(new Date(order.created_at).getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10)
      expect((await render(withOrder.id)).body).toContain(`of ${kiritimati} `)
    })

    it("a body that is not a valid template is a 400 naming the problem, and nothing is written", async () => {
      const kept = await create({ name: "Kept", body: "Hello {{customer.first_name}}" })
      const before = await rows()
      const bad: [object, RegExp | null][] = [
        [{ name: "Broken", body: "Hi {{#if customer}}" }, /The body is not a valid template: Parse error on line 1: a \{\{ or a block is not closed/],
        [{ name: "Broken", body: "Hi {{customer.first_name" }, /The body is not a valid template: Parse error on line 1/],
        [{ name: "Helper", body: "{{shout customer.first_name}}" }, /unknown helper shout/],
        [{ name: "Partial", body: "{{> signature}}" }, /The partial signature could not be found/],
        [{ name: "Empty", body: "   " }, /body is required/],
        [{ name: "", body: "Hi" }, null],
        [{ body: "Hi" }, null],
        [{ name: "Long", body: "x".repeat(10001) }, /body.*10000/],
        [{ name: "Category", body: "Hi", category: "billing" }, null],
        [{ name: "Extra", body: "Hi", colour: "red" }, null],
      ]
      for (const [body, message] of bad) {
        const answer = await failedRequest(api.post("/admin/ticket-macros", body, admin))
        expect([body, answer.status]).toEqual([body, 400])
        if (message) {
          expect(answer.data.message).toMatch(message)
        }
      }
      for (const body of [{ body: "{{#each}}" }, {}, { name: "" }, { category: "billing" }, { id: "tktmac_other" }]) {
        expect((await failedRequest(api.post(`/admin/ticket-macros/${kept.id}`, body, admin))).status).toBe(400)
      }
      for (const query of ["?limit=101", "?order=body", "?category=billing", "?offset=-1", "?colour=red"]) {
        expect((await failedRequest(api.get(`/admin/ticket-macros${query}`, admin))).status).toBe(400)
      }
      expect((await failedRequest(api.post(`/admin/ticket-macros/${kept.id}/render`, {}, admin))).status).toBe(400)
      expect(await rows()).toEqual(before)
    })

    it("every route is 401 without a user, and an unknown macro or ticket is a 404", async () => {
      const macro = await create({ name: "Auth", body: "Hi" })
      const ticket = (await tickets().createTickets({ customer_id: "cus_auth", subject: "Auth", category: "other" })) as unknown as TicketDTO
      const before = await rows()
      const anonymous = { headers: {} }
      const requests = [
        () => api.get("/admin/ticket-macros", anonymous),
        () => api.post("/admin/ticket-macros", { name: "Sneaky", body: "Hi" }, anonymous),
        () => api.get(`/admin/ticket-macros/${macro.id}`, anonymous),
        () => api.post(`/admin/ticket-macros/${macro.id}`, { name: "Sneaky" }, anonymous),
        () => api.delete(`/admin/ticket-macros/${macro.id}`, anonymous),
        () => api.post(`/admin/ticket-macros/${macro.id}/render`, { ticket_id: ticket.id }, anonymous),
      ]
      for (const request of requests) {
        expect((await failedRequest(request())).status).toBe(401)
      }
      expect(await rows()).toEqual(before)

      const unknown = [
        () => api.get("/admin/ticket-macros/tktmac_missing", admin),
        () => api.post("/admin/ticket-macros/tktmac_missing", { name: "Ghost" }, admin),
        () => api.delete("/admin/ticket-macros/tktmac_missing", admin),
        () => api.post("/admin/ticket-macros/tktmac_missing/render", { ticket_id: ticket.id }, admin),
        () => api.post(`/admin/ticket-macros/${macro.id}/render`, { ticket_id: "tkt_missing" }, admin),
      ]
      for (const request of unknown) {
        expect((await failedRequest(request())).status).toBe(404)
      }
      await tickets().softDeleteTickets([ticket.id])
      expect((await failedRequest(api.post(`/admin/ticket-macros/${macro.id}/render`, { ticket_id: ticket.id }, admin))).status).toBe(404)
      expect(await rows()).toEqual(before)
    })

    it("a failure after creating, changing or deleting a macro leaves it as it was", async () => {
      const macro = await create({ name: "Original", category: "logistics", body: "Hi {{customer.first_name}}" })
      const before = await rows()
      const run = async (workflow: typeof createThenFail, input: object) => {
        const { errors } = await workflow(getContainer()).run({ input, throwOnError: false })
        expect(errors.map((e: any) => e.error.message)).toEqual(["injected failure"])
        expect(await rows()).toEqual(before)
      }
      await run(createThenFail, { name: "New", body: "New" })
      await run(updateThenFail, { id: macro.id, name: "Renamed", category: null })
      await run(deleteThenFail, macro.id)
      const { errors } = await createThenFail(getContainer()).run({ input: { name: "Bad", body: "{{#if}}" }, throwOnError: false })
      expect(errors.map((e: any) => e.error.message)).toEqual([expect.stringMatching(/^The body is not a valid template/)])
      expect(await rows()).toEqual(before)
    })
  },
})
