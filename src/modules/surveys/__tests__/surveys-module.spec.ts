import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import SurveysModuleService from "../service"
import { newInvitationToken } from "../tokens"

jest.setTimeout(120 * 1000)

/** The surveys module's tables and guards; workflows and routes come with the capability. */
moduleIntegrationTestRunner<SurveysModuleService>({
  moduleName: CrmModules.SURVEYS,
  dbName: moduleTestDbName("surveys"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service }) => {
    const nps = { name: "After delivery", type: "nps" as const, trigger: "delivery" as const, delay_hours: 48, active: true }

    it("keeps one invitation per survey and source, and one response per invitation", async () => {
      const survey = await service.createSurveys(nps)
      const invitation = { survey_id: survey.id, customer_id: "cus_1", source_type: "order", source_id: "order_1", due_at: new Date() }
      const [first] = await service.createSurveyInvitations([invitation])
      await expect(service.createSurveyInvitations([invitation])).rejects.toThrow()
      await service.createSurveyInvitations([{ ...invitation, source_type: "manual", source_id: null }])
      await service.createSurveyInvitations([{ ...invitation, source_type: "manual", source_id: null }])

      const response = { survey_id: survey.id, invitation_id: first.id, customer_id: "cus_1", score: 9, answers: [] }
      await service.createSurveyResponses([response])
      await expect(service.createSurveyResponses([{ ...response, score: 3 }])).rejects.toThrow()
    })

    it("refuses a score outside 0-10, a sent invitation without a token hash, and a token hash used twice", async () => {
      const survey = await service.createSurveys(nps)
      const base = { survey_id: survey.id, customer_id: "cus_2", source_type: "manual", due_at: new Date() }
      await expect(service.createSurveyResponses([{ survey_id: survey.id, invitation_id: "srvinv_x", customer_id: "cus_2", score: 11 }])).rejects.toThrow()
      await expect(service.createSurveyInvitations([{ ...base, status: "sent" }])).rejects.toThrow()
      const { hash } = newInvitationToken()
      await service.createSurveyInvitations([{ ...base, status: "sent", token_hash: hash }])
      await expect(service.createSurveyInvitations([{ ...base, status: "sent", token_hash: hash }])).rejects.toThrow()
      await expect(service.createSurveyInvitations([{ ...base, source_type: "email" }])).rejects.toThrow()
    })
  },
})
