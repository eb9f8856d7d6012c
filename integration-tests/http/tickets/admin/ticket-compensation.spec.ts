import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { addTicketMessageStep } from "../../../../src/workflows/tickets/steps/add-ticket-message"
import { changeTicketStep } from "../../../../src/workflows/tickets/steps/change-ticket"
import { closeResolvedTicketsStep } from "../../../../src/workflows/tickets/steps/close-resolved-tickets"
import { createCompensationPromotionStep } from "../../../../src/workflows/tickets/steps/create-compensation-promotion"
import { escalateBreachesStep } from "../../../../src/workflows/tickets/steps/escalate-breaches"
import { openTicketStep } from "../../../../src/workflows/tickets/steps/open-ticket"
import { rateTicketStep } from "../../../../src/workflows/tickets/steps/rate-ticket"
import { recordCompensationStep } from "../../../../src/workflows/tickets/steps/record-compensation"
import { closeResolvedTicketsWorkflow } from "../../../../src/workflows/tickets/workflows/close-resolved-tickets"
import { escalateOverdueTicketsWorkflow } from "../../../../src/workflows/tickets/workflows/escalate-overdue-tickets"
import { openTicketWorkflow, type OpenTicketWorkflowInput } from "../../../../src/workflows/tickets/workflows/open-ticket"
import { updateTicketWorkflow } from "../../../../src/workflows/tickets/workflows/update-ticket"
import type { TicketDTO } from "../../../../src/types/tickets"

jest.setTimeout(240 * 1000)

const DAY = 24 * 60 * 60 * 1000

const failAfterWrites = createStep("crm-test-fail-after-ticket-writes", async () => {
  throw new Error("injected failure")
})

/** Each ticket step followed by a failure: its compensation must put everything back. */
const thenFail = (name: string, step: (input: any) => unknown) =>
  createWorkflow(`crm-test-${name}-then-fail`, (input: any) => {
    step(input)
    failAfterWrites()
  })

const openThenFail = thenFail("open-ticket", openTicketStep)
const messageThenFail = thenFail("add-ticket-message", addTicketMessageStep)
const changeThenFail = thenFail("change-ticket", changeTicketStep)
const rateThenFail = thenFail("rate-ticket", rateTicketStep)
const recordThenFail = thenFail("record-ticket-compensation", recordCompensationStep)
const escalateThenFail = thenFail("escalate-ticket-breaches", escalateBreachesStep)
const closeThenFail = thenFail("close-resolved-tickets", closeResolvedTicketsStep)
const promotionThenFail = thenFail("create-ticket-compensation-promotion", createCompensationPromotionStep)

const TICKET_TABLES = ["crm_ticket", "crm_ticket_message", "crm_ticket_compensation"] as const

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let customer = 0
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /**
     * Every row of every ticket table, deleted or not. `updated_at` is left
     * out: an undo writes the old values back, which touches it.
     */
    const snapshot = async () => {
      const tables = await Promise.all(TICKET_TABLES.map((table) => knex()(table).select("*").orderBy("id")))
      return Object.fromEntries(
        TICKET_TABLES.map((table, index) => [table, tables[index].map(({ updated_at, ...row }: Record<string, unknown>) => row)])
      )
    }
    const expectUndone = async (run: Promise<{ errors: any[] }>, before: unknown) => {
      const { errors } = await run
      expect(errors.map((e) => e.error.message)).toEqual(["injected failure"])
      expect(await snapshot()).toEqual(before)
    }
    const open = async (input: Partial<OpenTicketWorkflowInput> = {}) => {
      const [{ id: customerId }] = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers([{ email: `comp-${++customer}@crm.test` }])
      const { result } = await openTicketWorkflow(getContainer()).run({
        input: {
          customer_id: customerId,
          subject: `Compensation ticket ${customer}`,
          category: "other",
          message: "Something went wrong.",
          source: "customer",
          author_type: "customer",
          author_id: null,
          ...input,
        },
      })
      return result.ticket as TicketDTO
    }
    const move = (id: string, status: "resolved" | "closed" | "pending_customer") =>
      updateTicketWorkflow(getContainer()).run({ input: { id, status, actor_id: "user_1" } })

    it("a failure after each step of a ticket's life leaves every ticket table as it was", async () => {
      const running = await open()
      const resolved = await open()
      await move(resolved.id, "resolved")
      const before = await snapshot()
      expect(before.crm_ticket).toHaveLength(2)

      await expectUndone(
        openThenFail(getContainer()).run({
          input: {
            customer_id: "cus_comp_new",
            subject: "Never kept",
            category: "payment",
            priority: "high",
            order_id: null,
            product_id: null,
            source: "survey",
            source_id: "resp_1",
            assignee_id: null,
            message: { author_type: "customer", author_id: "cus_comp_new", body: "Charged twice", internal: false },
          },
          throwOnError: false,
        }),
        before
      )
      // A reply that sets first_responded_at, last_message_at and the status (a pause, a status note).
      await expectUndone(
        messageThenFail(getContainer()).run({
          input: {
            ticket_id: running.id,
            status: "pending_customer",
            message: { author_type: "user", author_id: "user_1", body: "Can you send a photo?", internal: false },
          },
          throwOnError: false,
        }),
        before
      )
      // The customer's reply that reopens a resolved ticket (resolved_at cleared, the pause ended).
      await expectUndone(
        messageThenFail(getContainer()).run({
          input: {
            ticket_id: resolved.id,
            customer_id: resolved.customer_id,
            message: { author_type: "customer", author_id: resolved.customer_id, body: "Still broken", internal: false },
          },
          throwOnError: false,
        }),
        before
      )
      await expectUndone(
        changeThenFail(getContainer()).run({
          input: { id: running.id, status: "closed", priority: "urgent", category: "payment", assignee_id: "user_2", actor_id: "user_1" },
          throwOnError: false,
        }),
        before
      )
      await expectUndone(
        rateThenFail(getContainer()).run({
          input: { id: resolved.id, customer_id: resolved.customer_id, score: 2, comment: "Slow" },
          throwOnError: false,
        }),
        before
      )
      await expectUndone(
        recordThenFail(getContainer()).run({
          input: { ticket_id: running.id, type: "points", points: 100, created_by: "user_1" },
          throwOnError: false,
        }),
        before
      )
    })

    // Two days on, a normal ticket has missed its first reply (1440 minutes) but not its resolution (4320).
    const inTwoDays = () => new Date(Date.now() + 2 * DAY)

    it("a failure after the escalation sweep takes it back, and the next run escalates", async () => {
      const late = await open({ priority: "normal" })
      const waiting = await open({ priority: "urgent" })
      await move(waiting.id, "pending_customer")
      const before = await snapshot()
      const now = inTwoDays()

      await expectUndone(escalateThenFail(getContainer()).run({ input: { now, limit: 10 }, throwOnError: false }), before)

      // The sweep really had something to do: run without a failure, it escalates the late ticket once.
      const { result: escalated } = await escalateOverdueTicketsWorkflow(getContainer()).run({ input: { now, limit: 10 } })
      expect(escalated.map((e) => [e.id, e.breach, e.previous_priority, e.priority])).toEqual([[late.id, "first_response", "normal", "high"]])
      expect(await snapshot()).not.toEqual(before)
    })

    /**
     * BUG (src/modules/tickets/ticket-sweeps.ts undoEscalations, called by
     * escalateBreachesStep's compensation): a ticket past both due times is
     * escalated twice in one step, the resolution escalation recording the
     * first one's result as its "previous" priority and flag. The undo walks
     * the escalations in the order they were made, so the second undo writes
     * the first escalation's result back: the ticket stays flagged and one
     * priority step up (high -> urgent here) with neither breach marked, and
     * the next run escalates it again from there.
     */
    it("a failure after escalating both breaches of one ticket takes both back", async () => {
      // High: first reply due after 240 minutes, resolution after 1440; both missed two days on.
      await open({ priority: "high" })
      const before = await snapshot()
      await expectUndone(escalateThenFail(getContainer()).run({ input: { now: inTwoDays(), limit: 10 }, throwOnError: false }), before)
    })

    it("a failure after the auto-close sweep reopens nothing it closed, and the next run closes", async () => {
      const done = await open()
      await move(done.id, "resolved")
      const kept = await open()
      const before = await snapshot()
      // Eight days on, the resolved ticket is past the seven days after which it closes.
      const now = new Date(Date.now() + 8 * DAY)

      await expectUndone(closeThenFail(getContainer()).run({ input: { now, limit: 10 }, throwOnError: false }), before)

      const { result: closed } = await closeResolvedTicketsWorkflow(getContainer()).run({ input: { now, limit: 10 } })
      expect(closed.map((c) => c.id)).toEqual([done.id])
      expect(closed.map((c) => c.id)).not.toContain(kept.id)
      expect(await snapshot()).not.toEqual(before)
    })

    it("a failure after the compensation promotion is created deletes it", async () => {
      const ticket = await open()
      const before = await snapshot()
      const promotions = getContainer().resolve(Modules.PROMOTION)
      const count = async () => (await promotions.listPromotions({}, { select: ["id"] })).length
      expect(await count()).toBe(0)
      await expectUndone(
        promotionThenFail(getContainer()).run({
          input: { ticket_id: ticket.id, display_id: ticket.display_id, customer_id: ticket.customer_id, type: "percentage", value: 10, currency_code: null },
          throwOnError: false,
        }),
        before
      )
      expect(await count()).toBe(0)
    })
  },
})
