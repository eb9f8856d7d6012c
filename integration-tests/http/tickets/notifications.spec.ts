import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { FilterableNotificationProps } from "@medusajs/framework/types"
import type TicketsModuleService from "../../../src/modules/tickets/service"
import { CrmModules } from "../../../src/types/modules"
import {
  TicketEvents,
  type TicketAuthorType,
  type TicketDTO,
  type TicketEscalatedEventData,
  type TicketEventData,
  type TicketRepliedEventData,
  type TicketStatus,
  type TicketStatusChangedEventData,
} from "../../../src/types/tickets"
import { createPublishableKey, registerMember } from "../../helpers/auth"
import { deliver } from "../../helpers/events"
import { useReadableHttpErrors } from "../../helpers/http"
import { clearRecordedNotifications, recordedNotifications } from "../../providers/notification-recorder/service"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // `emails.store_name` of the dev store (medusa-config.ts).
    const storeName = process.env.CRM_STORE_NAME ?? "CRM Demo Store"
    let publishableKey: string

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      clearRecordedNotifications()
      publishableKey = await createPublishableKey(getContainer())
    })

    const tickets = (): TicketsModuleService => getContainer().resolve(CrmModules.TICKETS)
    const member = (email: string, metadata?: Record<string, unknown>) =>
      registerMember(api, getContainer(), publishableKey, email, metadata)
    const mails = (template: string) => recordedNotifications().filter((n) => n.template === template)
    const notificationsWithKey = (key: string) =>
      getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ idempotency_key: key } as FilterableNotificationProps)

    /** A ticket the customer opened, with their first message, written straight through the module. */
    async function openTicket(customerId: string, subject = "Zip <b>broke</b> on day one") {
      const ticket = (await tickets().createTickets({
        customer_id: customerId,
        subject,
        category: "product_quality",
      })) as unknown as TicketDTO
      await tickets().createTicketMessages({ ticket_id: ticket.id, author_type: "customer", author_id: customerId, body: "It broke." })
      return ticket
    }

    const message = async (ticketId: string, author_type: TicketAuthorType, body: string, internal = false) =>
      (await tickets().createTicketMessages({ ticket_id: ticketId, author_type, author_id: null, body, internal })) as { id: string }

    const eventData = (ticket: TicketDTO, status: TicketStatus = ticket.status): TicketEventData => ({
      id: ticket.id,
      display_id: ticket.display_id,
      customer_id: ticket.customer_id,
      order_id: ticket.order_id,
      status,
      priority: ticket.priority,
      category: ticket.category,
    })

    const replied = (ticket: TicketDTO, message_id: string, times = 2) =>
      deliver(getContainer(), TicketEvents.REPLIED, { ...eventData(ticket), message_id } satisfies TicketRepliedEventData, times)

    const statusChanged = (
      ticket: TicketDTO,
      from_status: TicketStatus,
      status: TicketStatus,
      message_id: string,
      actor_type: TicketAuthorType = "user",
      times = 2
    ) =>
      deliver(
        getContainer(),
        TicketEvents.STATUS_CHANGED,
        { ...eventData(ticket, status), from_status, message_id, actor_type } satisfies TicketStatusChangedEventData,
        times
      )

    describe("crm.ticket.replied", () => {
      it("e-mails a staff reply to the customer once, its content escaped in the HTML, keyed by the message", async () => {
        const { customerId } = await member("ann@crm.test")
        const ticket = await openTicket(customerId)
        const reply = await message(ticket.id, "user", "Sorry! <script>x</script>\nA new one is on its way.")

        await replied(ticket, reply.id)

        const sent = mails("ticket-replied")
        expect(sent).toHaveLength(1)
        expect(sent[0]).toEqual(
          expect.objectContaining({
            to: "ann@crm.test",
            data: expect.objectContaining({ display_id: ticket.display_id, ticket_id: ticket.id, locale: "en" }),
          })
        )
        const content = sent[0].content as { subject: string; html: string; text: string }
        expect(content.subject).toBe(`${storeName} replied to your ticket #${ticket.display_id}: Zip <b>broke</b> on day one`)
        expect(content.html).toContain("Sorry! &lt;script&gt;x&lt;/script&gt;")
        expect(content.html).toContain("Zip &lt;b&gt;broke&lt;/b&gt; on day one")
        expect(content.html).not.toContain("<script>")
        expect(content.text).toContain("A new one is on its way.")
        // No storefront URL in the dev store: no link, the account is named instead.
        expect(content.html).not.toContain("/account/tickets/")
        const [stored] = await notificationsWithKey(`crm:ticket-replied:${reply.id}`)
        expect(stored).toEqual(expect.objectContaining({ status: "success", receiver_id: customerId, resource_id: ticket.id }))

        // Another reply is another e-mail.
        const second = await message(ticket.id, "user", "It has shipped.")
        await replied(ticket, second.id)
        expect(mails("ticket-replied").map((n) => (n.content as any).text.includes("It has shipped."))).toEqual([false, true])
      })

      it("never e-mails an internal note, the customer's own message or another ticket's message", async () => {
        const { customerId } = await member("bob@crm.test")
        const ticket = await openTicket(customerId)
        const other = await openTicket(customerId, "Another one")
        const note = await message(ticket.id, "user", "Customer is difficult, offer 10% max", true)
        const own = await message(ticket.id, "customer", "Any news?")
        const elsewhere = await message(other.id, "user", "Reply on the other ticket")

        await replied(ticket, note.id)
        await replied(ticket, own.id)
        await replied(ticket, elsewhere.id)
        await replied(ticket, "tktmsg_unknown")

        expect(recordedNotifications()).toEqual([])
        expect(await notificationsWithKey(`crm:ticket-replied:${note.id}`)).toEqual([])
      })

      it("writes in the customer's locale", async () => {
        const { customerId } = await member("chen@crm.test", { locale: "zh-CN" })
        const ticket = await openTicket(customerId, "拉链坏了")
        const reply = await message(ticket.id, "user", "很抱歉！")

        await replied(ticket, reply.id)

        const [sent] = mails("ticket-replied")
        expect((sent.content as any).subject).toBe(`${storeName}回复了您的工单 #${ticket.display_id}：拉链坏了`)
        expect(sent.data).toEqual(expect.objectContaining({ locale: "zh-CN" }))
      })
    })

    describe("crm.ticket.status_changed", () => {
      it("tells the customer once what a move by staff means, with a rating invitation on resolution", async () => {
        const { customerId } = await member("dana@crm.test")
        const ticket = await openTicket(customerId)
        const waiting = await message(ticket.id, "system", "Status: pending customer")
        const resolved = await message(ticket.id, "system", "Status: resolved")

        await statusChanged(ticket, "open", "pending_customer", waiting.id)
        await statusChanged(ticket, "open", "resolved", resolved.id)

        const sent = mails("ticket-status-changed")
        expect(sent.map((n) => n.to)).toEqual(["dana@crm.test", "dana@crm.test"])
        const [first, second] = sent.map((n) => n.content as { subject: string; html: string; text: string })
        expect(first.subject).toBe(`We are waiting for your reply on ticket #${ticket.display_id}`)
        expect(first.text).toContain("We are waiting for your reply.")
        expect(second.subject).toBe(`Your ticket #${ticket.display_id} has been resolved`)
        expect(second.text).toContain("How did we do?")
        expect(second.html).toContain("Zip &lt;b&gt;broke&lt;/b&gt; on day one")
        expect(await notificationsWithKey(`crm:ticket-status:${resolved.id}`)).toHaveLength(1)
      })

      it("says nothing when the customer moved it, and invites no rating once rated", async () => {
        const { customerId } = await member("eve@crm.test")
        const ticket = await openTicket(customerId)
        const reopened = await message(ticket.id, "system", "Status: reopened")
        await statusChanged(ticket, "resolved", "reopened", reopened.id, "customer")
        expect(recordedNotifications()).toEqual([])

        const internal = await message(ticket.id, "user", "Closing quietly", true)
        await statusChanged(ticket, "reopened", "closed", internal.id)
        expect(recordedNotifications()).toEqual([])

        await tickets().updateTickets({ id: ticket.id, rating_score: 5, rated_at: new Date() })
        const resolved = await message(ticket.id, "system", "Status: resolved")
        await statusChanged(ticket, "reopened", "resolved", resolved.id, "system")
        const [sent] = mails("ticket-status-changed")
        expect((sent.content as any).subject).toBe(`Your ticket #${ticket.display_id} has been resolved`)
        expect((sent.content as any).text).not.toContain("How did we do?")
      })
    })

    describe("crm.ticket.escalated", () => {
      const escalated = (ticket: TicketDTO, breach: "first_response" | "resolution", times = 2) =>
        deliver(
          getContainer(),
          TicketEvents.ESCALATED,
          {
            ...eventData(ticket),
            priority: "urgent",
            breach,
            previous_priority: "high",
            due_at: "2026-01-05T14:00:00.000Z",
            escalated_at: "2026-01-05T14:05:00.000Z",
          } satisfies TicketEscalatedEventData,
          times
        )

      it("e-mails nobody without an escalation address, and the team once per breach with one", async () => {
        const { customerId } = await member("fay@crm.test", { locale: "zh-CN" })
        const ticket = await openTicket(customerId)

        await escalated(ticket, "first_response")
        expect(recordedNotifications()).toEqual([])

        await tickets().changeTicketSettings({
          escalation_email: "support@crm.test",
          business_hours: { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 540, end_minute: 1020 },
        })
        await escalated(ticket, "first_response")
        await escalated(ticket, "resolution")

        const sent = mails("ticket-escalated")
        expect(sent).toHaveLength(2)
        expect(sent.map((n) => n.to)).toEqual(["support@crm.test", "support@crm.test"])
        // The plugin's default locale, not the customer's.
        expect(sent[0].data).toEqual(expect.objectContaining({ locale: "en", breach: "first_response" }))
        const content = sent[0].content as { subject: string; html: string; text: string }
        expect(content.subject).toBe(`Escalated: ticket #${ticket.display_id} missed its first-response target`)
        expect(content.text).toContain(`The ticket #${ticket.display_id} “Zip <b>broke</b> on day one” missed`)
        expect(content.text).toContain("Customer: Test fay (fay@crm.test)")
        expect(content.text).toContain("Priority: urgent (raised from high)")
        // Shown in the store's time zone: 14:00 UTC is 15:00 in Berlin in January.
        expect(content.text).toMatch(/due Jan 5, 2026, 0?3:00\sPM GMT\+1/)
        expect(content.text).toContain("this address is set to receive ticket escalations")
        expect(content.html).toContain("Zip &lt;b&gt;broke&lt;/b&gt; on day one")
        // The dev store's admin URL is the relative default "/": no link.
        expect(content.html).not.toContain("/tickets/")
        expect((sent[1].content as any).subject).toBe(`Escalated: ticket #${ticket.display_id} missed its resolution target`)
        expect(await notificationsWithKey(`crm:ticket-escalated:${ticket.id}:first_response`)).toHaveLength(1)
      })
    })
  },
})
