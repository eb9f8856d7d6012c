import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { ticketRowCounts } from "../../../helpers/tickets"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const complaint = { subject: "Torn seam", category: "product_quality", message: "The left sleeve came apart after one wash." }
    /** Every text a store response carries, to show that no internal note leaks into it. */
    const storeText = (data: unknown) => JSON.stringify(data)

    it("a full conversation: open about an order, staff reply and note, wait, the customer's reply, resolve, rate; notes never reach the store", async () => {
      const customer = await member("talk@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)

      const opened = await api.post("/store/tickets", { ...complaint, order_id: order.id, product_id: fixtures.productId }, customer)
      expect(opened.status).toBe(201)
      const ticket = opened.data.ticket
      expect(ticket).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^tkt_/),
          display_id: expect.any(Number),
          status: "open",
          subject: "Torn seam",
          category: "product_quality",
          order_id: order.id,
          product_id: fixtures.productId,
          can_rate: false,
          compensations: [],
        })
      )
      expect(ticket.messages).toEqual([expect.objectContaining({ author_type: "customer", body: complaint.message })])
      expect(ticket).not.toHaveProperty("assignee_id")

      const url = `/admin/tickets/${ticket.id}`
      const staffTicket = (await api.get(url, admin)).data.ticket
      expect(staffTicket.sla).toEqual(
        expect.objectContaining({ first_response_breached: false, resolution_breached: false, paused: false })
      )
      expect(new Date(staffTicket.sla.first_response_due_at).getTime()).toBeGreaterThan(Date.now())
      expect(staffTicket.first_responded_at).toBeNull()

      await api.post(`${url}/messages`, { body: "SECRET: refund likely, check stock first", internal: true }, admin)
      expect((await api.get(url, admin)).data.ticket.first_responded_at).toBeNull()
      const replied = await api.post(
        `${url}/messages`,
        { body: "Sorry about that! Could you send a photo of the seam?", status: "pending_customer" },
        admin
      )
      expect(replied.data.ticket).toEqual(expect.objectContaining({ status: "pending_customer", first_responded_at: expect.any(String) }))
      expect(replied.data.ticket.sla.paused).toBe(true)
      expect(replied.data.ticket.next_due_at).toBeNull()

      const answered = await api.post(`/store/tickets/${ticket.id}/messages`, { body: "Photo attached to my e-mail." }, customer)
      expect(answered.data.ticket.status).toBe("open")

      await api.post(url, { status: "resolved" }, admin)
      const resolved = (await api.get(`/store/tickets/${ticket.id}`, customer)).data.ticket
      expect(resolved).toEqual(expect.objectContaining({ status: "resolved", can_rate: true, resolved_at: expect.any(String) }))
      expect(resolved.messages.map((message: { author_type: string; body: string }) => [message.author_type, message.body])).toEqual([
        ["customer", complaint.message],
        ["user", "Sorry about that! Could you send a photo of the seam?"],
        ["system", "Status changed from Open to Waiting for the customer"],
        ["customer", "Photo attached to my e-mail."],
        ["system", "Status changed from Waiting for the customer to Open"],
        ["system", "Status changed from Open to Resolved"],
      ])

      const rated = await api.post(`/store/tickets/${ticket.id}/rating`, { score: 4, comment: "Quick and kind." }, customer)
      expect(rated.data.ticket).toEqual(expect.objectContaining({ rating_score: 4, rating_comment: "Quick and kind.", can_rate: false }))
      const again = await failedRequest(api.post(`/store/tickets/${ticket.id}/rating`, { score: 1 }, customer))
      expect(again.status).toBe(409)
      expect(again.data.message).toBe("You have already rated this ticket")

      const list = (await api.get("/store/tickets", customer)).data
      expect(list).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
      expect(list.tickets[0]).toEqual(expect.objectContaining({ id: ticket.id, status: "resolved", rating_score: 4 }))
      for (const data of [opened.data, answered.data, resolved, rated.data, list]) {
        expect(storeText(data)).not.toContain("SECRET")
        expect(storeText(data)).not.toContain("internal")
      }
      // Staff see the note.
      const notes = (await api.get(url, admin)).data.ticket.messages.filter((message: { internal: boolean }) => message.internal)
      expect(notes.map((message: { body: string }) => message.body)).toContain("SECRET: refund likely, check stock first")
    })

    it("a customer's reply reopens a resolved ticket; a closed ticket takes no reply (409) and cannot be rated before resolution", async () => {
      const customer = await member("reopen@crm.test")
      const { ticket } = (await api.post("/store/tickets", complaint, customer)).data
      const early = await failedRequest(api.post(`/store/tickets/${ticket.id}/rating`, { score: 5 }, customer))
      expect(early.status).toBe(409)
      expect(early.data.message).toBe("A ticket can be rated once it is resolved")

      await api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, admin)
      const reopened = await api.post(`/store/tickets/${ticket.id}/messages`, { body: "Still broken, sorry." }, customer)
      expect(reopened.data.ticket.status).toBe("reopened")
      expect(reopened.data.ticket.resolved_at).toBeNull()

      await api.post(`/admin/tickets/${ticket.id}`, { status: "closed" }, admin)
      const before = await ticketRowCounts(getContainer())
      const closed = await failedRequest(api.post(`/store/tickets/${ticket.id}/messages`, { body: "Hello?" }, customer))
      expect(closed.status).toBe(409)
      expect(closed.data.message).toBe("This ticket is closed: please open a new ticket")
      expect(await ticketRowCounts(getContainer())).toEqual(before)
    })

    it("another customer's ticket and order are not found (404), and anonymous callers get 401", async () => {
      const owner = await member("owner@crm.test")
      const other = await member("other@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, owner.headers)
      const { ticket } = (await api.post("/store/tickets", { ...complaint, order_id: order.id }, owner)).data
      const before = await ticketRowCounts(getContainer())

      for (const request of [
        () => api.get(`/store/tickets/${ticket.id}`, other),
        () => api.post(`/store/tickets/${ticket.id}/messages`, { body: "Not mine" }, other),
        () => api.post(`/store/tickets/${ticket.id}/rating`, { score: 1 }, other),
        () => api.post("/store/tickets", { ...complaint, order_id: order.id }, other),
      ]) {
        const answer = await failedRequest(request())
        expect(answer.status).toBe(404)
      }
      expect((await api.get("/store/tickets", other)).data).toEqual(expect.objectContaining({ tickets: [], count: 0 }))
      expect(await ticketRowCounts(getContainer())).toEqual(before)

      const anonymous = { headers: { "x-publishable-api-key": fixtures.publishableKey } }
      for (const request of [
        () => api.get("/store/tickets", anonymous),
        () => api.post("/store/tickets", complaint, anonymous),
        () => api.get(`/store/tickets/${ticket.id}`, anonymous),
        () => api.post(`/store/tickets/${ticket.id}/messages`, { body: "hi" }, anonymous),
        () => api.post(`/store/tickets/${ticket.id}/rating`, { score: 5 }, anonymous),
      ]) {
        expect((await failedRequest(request())).status).toBe(401)
      }
    })

    it("bad input is a 400 with a clear message and writes nothing", async () => {
      const customer = await member("bad@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
      const { ticket } = (await api.post("/store/tickets", complaint, customer)).data
      await api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, admin)
      const before = await ticketRowCounts(getContainer())

      const cases: [string, object, RegExp][] = [
        ["/store/tickets", { ...complaint, subject: "   " }, /subject is required/],
        ["/store/tickets", { ...complaint, subject: "x".repeat(201) }, /subject/],
        ["/store/tickets", { ...complaint, category: "shipping" }, /category/],
        ["/store/tickets", { subject: "No words", category: "other" }, /message/],
        ["/store/tickets", { ...complaint, priority: "urgent" }, /priority/],
        ["/store/tickets", { ...complaint, order_id: order.id, product_id: "prod_not_in_order" }, /not part of order/],
        ["/store/tickets", { ...complaint, product_id: "prod_missing" }, /was not found/],
        [`/store/tickets/${ticket.id}/messages`, { body: "" }, /body is required/],
        [`/store/tickets/${ticket.id}/messages`, { body: "hi", internal: true }, /internal/],
        [`/store/tickets/${ticket.id}/rating`, { score: 6 }, /score/],
        [`/store/tickets/${ticket.id}/rating`, { score: 2.5 }, /score/],
        [`/store/tickets/${ticket.id}/rating`, { score: 3, comment: "x".repeat(2001) }, /comment/],
      ]
      for (const [url, body, message] of cases) {
        const answer = await failedRequest(api.post(url, body, customer))
        expect([url, answer.status]).toEqual([url, 400])
        expect(answer.data.message).toMatch(message)
      }
      expect((await failedRequest(api.get("/store/tickets?status=lost", customer))).status).toBe(400)
      expect((await failedRequest(api.get("/store/tickets?limit=101", customer))).status).toBe(400)
      expect(await ticketRowCounts(getContainer())).toEqual(before)
    })

    it("a tier with priority support starts its members' tickets higher", async () => {
      const customer = await member("gold@crm.test")
      const normal = (await api.post("/store/tickets", complaint, customer)).data.ticket
      expect((await api.get(`/admin/tickets/${normal.id}`, admin)).data.ticket.priority).toBe("normal")

      const tiers = (await api.get("/admin/loyalty/tiers", admin)).data.tiers as { id: string; name: string }[]
      const basic = tiers.find((tier) => tier.name === "Basic")!
      await api.post(`/admin/loyalty/tiers/${basic.id}`, { support_priority: "urgent" }, admin)
      const lifted = (await api.post("/store/tickets", { ...complaint, subject: "Again" }, customer)).data.ticket
      expect((await api.get(`/admin/tickets/${lifted.id}`, admin)).data.ticket.priority).toBe("urgent")
    })
  },
})
