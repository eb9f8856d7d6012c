import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { claimDueInvitationsStep } from "../../../src/workflows/surveys/steps/claim-due-invitations"
import { scheduleInvitationsStep } from "../../../src/workflows/surveys/steps/schedule-invitations"
import { submitSurveyResponseStep } from "../../../src/workflows/surveys/steps/submit-survey-response"
import { updateSurveySettingsStep } from "../../../src/workflows/surveys/steps/update-survey-settings"
import { createSurveyStep, deleteSurveyStep, updateSurveyStep } from "../../../src/workflows/surveys/steps/write-survey"
import { createNpsSurvey, sentInvitation, surveysOf } from "../../helpers/surveys"

jest.setTimeout(240 * 1000)

const failAfterWrites = createStep("crm-test-fail-after-survey-writes", async () => {
  throw new Error("injected failure")
})

/** Each survey step followed by a failure: its compensation must put everything back. */
const thenFail = (name: string, step: (input: any) => unknown) =>
  createWorkflow(`crm-test-${name}-then-fail`, (input: any) => {
    step(input)
    failAfterWrites()
  })

const createThenFail = thenFail("create-survey", createSurveyStep)
const updateThenFail = thenFail("update-survey", updateSurveyStep)
const deleteThenFail = thenFail("delete-survey", deleteSurveyStep)
const settingsThenFail = thenFail("update-survey-settings", updateSurveySettingsStep)
const scheduleThenFail = thenFail("schedule-survey-invitations", scheduleInvitationsStep)
const claimThenFail = thenFail("claim-due-survey-invitations", claimDueInvitationsStep)
const submitThenFail = thenFail("submit-survey-response", submitSurveyResponseStep)

const SURVEY_TABLES = ["crm_survey", "crm_survey_invitation", "crm_survey_response", "crm_survey_settings", "crm_survey_daily_count"] as const

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /** Every row of every survey table, deleted or not, without `updated_at` (an undo touches it). */
    const snapshot = async () => {
      const tables = await Promise.all(SURVEY_TABLES.map((table) => knex()(table).select("*").orderByRaw("1, 2")))
      return Object.fromEntries(
        SURVEY_TABLES.map((table, index) => [table, tables[index].map(({ updated_at, ...row }: Record<string, unknown>) => row)])
      )
    }
    const expectUndone = async (run: Promise<{ errors: any[] }>, before: unknown) => {
      const { errors } = await run
      expect(errors.map((e) => e.error.message)).toEqual(["injected failure"])
      expect(await snapshot()).toEqual(before)
    }
    const run = (workflow: ReturnType<typeof thenFail>, input: unknown) => workflow(getContainer()).run({ input, throwOnError: false })

    it("a failure after each survey step leaves every survey table as it was", async () => {
      const [customer, other] = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers([{ email: "comp-survey@crm.test" }, { email: "comp-survey-2@crm.test" }])
      await surveysOf(getContainer()).loadSurveySettings()
      const survey = await createNpsSurvey(getContainer())
      const answered = await sentInvitation(getContainer(), survey.id, customer.id)
      await surveysOf(getContainer()).submitSurveyResponse({ token: answered.token, answers: [{ question_id: "score", value: 9 }] }, new Date())
      const open = await sentInvitation(getContainer(), survey.id, other.id, { now: new Date(Date.now() - 40 * 86_400_000) })
      const [due] = await surveysOf(getContainer()).scheduleInvitations([
        { survey_id: survey.id, customer_id: customer.id, source_type: "order", source_id: "order_due", source_display_id: 7, email: "comp-survey@crm.test", due_at: new Date() },
      ])
      const before = await snapshot()
      expect(before.crm_survey_daily_count.length).toBeGreaterThan(0)

      await expectUndone(run(createThenFail, { name: "Never", type: "nps", questions: [] }), before)
      await expectUndone(run(updateThenFail, { id: survey.id, change: { name: "Renamed", active: false, questions: [] } }), before)
      await expectUndone(run(deleteThenFail, survey.id), before)
      await expectUndone(run(settingsThenFail, { frequency_cap_days: 3, brand_color: "#000000", link_base_url: "https://x.example/s" }), before)
      await expectUndone(
        run(scheduleThenFail, [{ survey_id: survey.id, customer_id: other.id, source_type: "ticket", source_id: "tkt_1", source_display_id: 1, email: "x@crm.test", due_at: new Date() }]),
        before
      )
      await expectUndone(run(claimThenFail, { now: new Date(), limit: 10 }), before)
      await expectUndone(run(submitThenFail, { token: open.token, answers: [{ question_id: "score", value: 2 }], now: new Date(Date.now() - 39 * 86_400_000) }), before)
      expect(due).toBeDefined()
    })
  },
})
