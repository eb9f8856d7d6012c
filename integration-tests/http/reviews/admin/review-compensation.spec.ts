import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { changeReviewStatusesStep } from "../../../../src/workflows/reviews/steps/change-review-statuses"
import { createReviewStep } from "../../../../src/workflows/reviews/steps/create-review"
import { removeOwnReviewStep } from "../../../../src/workflows/reviews/steps/remove-own-review"
import { respondToReviewStep } from "../../../../src/workflows/reviews/steps/respond-to-review"
import { reviseReviewStep } from "../../../../src/workflows/reviews/steps/revise-review"
import { updateReviewSettingsStep } from "../../../../src/workflows/reviews/steps/update-review-settings"
import { repairRatingSummariesWorkflow } from "../../../../src/workflows/reviews/workflows/repair-rating-summaries"
import { permissiveModeration, reviewsOf } from "../../../helpers/reviews"

jest.setTimeout(240 * 1000)

const failAfterWrites = createStep("crm-test-fail-after-review-writes", async () => {
  throw new Error("injected failure")
})

/** Each review step followed by a failure: its compensation must put everything back. */
const thenFail = (name: string, step: (input: any) => unknown) =>
  createWorkflow(`crm-test-${name}-then-fail`, (input: any) => {
    step(input)
    failAfterWrites()
  })

const createThenFail = thenFail("create-review", createReviewStep)
const moderateThenFail = thenFail("moderate-reviews", changeReviewStatusesStep)
const reviseThenFail = thenFail("revise-review", reviseReviewStep)
const respondThenFail = thenFail("respond-to-review", respondToReviewStep)
const removeThenFail = thenFail("remove-own-review", removeOwnReviewStep)
const settingsThenFail = thenFail("update-review-settings", updateReviewSettingsStep)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const product_id = "prod_compensation"
    let customer = 0
    const newReview = (rating: number) => ({
      product_id,
      customer_id: `cus_comp_${++customer}`,
      order_id: null,
      order_line_item_id: null,
      verified_purchase: false,
      author_name: "Comp E.",
      rating,
      title: null,
      content: `Compensation review number ${customer}, rated ${rating}`,
      quality_rating: null,
      logistics_rating: null,
      service_rating: null,
      images: [],
    })
    /** Reviews (all columns that change), their history and the product's summary. */
    const snapshot = async () => {
      const reviews = reviewsOf(getContainer())
      const rows = await reviews.listReviews({}, { withDeleted: true, order: { id: "ASC" } })
      return {
        reviews: rows.map((r: any) => [r.id, r.rating, r.content, r.status, r.status_reason, r.response, r.deleted_at]),
        history: (await reviews.listReviewModerations({}, { order: { id: "ASC" } })).map((m) => m.id),
        summary: await reviews.ratingSummaries([product_id]),
      }
    }
    const expectUndone = async (run: Promise<{ errors: any[] }>, before: unknown) => {
      const { errors } = await run
      expect(errors.map((e) => e.error.message)).toEqual(["injected failure"])
      expect(await snapshot()).toEqual(before)
    }

    beforeEach(async () => {
      await permissiveModeration(getContainer())
    })

    it("a failure after each review step leaves reviews, history and summary as they were", async () => {
      const reviews = reviewsOf(getContainer())
      const approved = await reviews.submitReview(newReview(5))
      const other = await reviews.submitReview(newReview(2))
      const before = await snapshot()
      expect(before.summary[product_id].review_count).toBe(2)

      await expectUndone(createThenFail(getContainer()).run({ input: newReview(4), throwOnError: false }), before)
      await expectUndone(
        moderateThenFail(getContainer()).run({
          input: { changes: [{ ids: [approved.id, other.id], status: "rejected" }], reason: "x", actor: { type: "user", id: "user_1" } },
          throwOnError: false,
        }),
        before
      )
      const [{ customer_id }] = await reviews.listReviews({ id: approved.id })
      await expectUndone(
        reviseThenFail(getContainer()).run({ input: { id: approved.id, customer_id, changes: { rating: 1, content: "Changed" } }, throwOnError: false }),
        before
      )
      await expectUndone(
        respondThenFail(getContainer()).run({ input: { id: approved.id, response: "Thanks!", actor_id: "user_1" }, throwOnError: false }),
        before
      )
      await expectUndone(removeThenFail(getContainer()).run({ input: { id: approved.id, customer_id }, throwOnError: false }), before)
    })

    it("a failure after changing the settings puts them back", async () => {
      const before = await reviewsOf(getContainer()).loadReviewSettings()
      const { errors } = await settingsThenFail(getContainer()).run({
        input: { blocked_words: ["nope"], auto_approve: "none" },
        throwOnError: false,
      })
      expect(errors.map((e: any) => e.error.message)).toEqual(["injected failure"])
      expect(await reviewsOf(getContainer()).loadReviewSettings()).toEqual(expect.objectContaining({ blocked_words: before.blocked_words, auto_approve: before.auto_approve }))
    })

    it("the summary check finds a summary edited behind the module's back, and the repair rewrites it", async () => {
      const reviews = reviewsOf(getContainer())
      await reviews.submitReview(newReview(5))
      await reviews.submitReview(newReview(3))
      const check = async (repair: boolean) => (await repairRatingSummariesWorkflow(getContainer()).run({ input: { repair } })).result
      expect((await check(false)).differing).toEqual([])

      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex.raw(`UPDATE crm_review_summary SET review_count = review_count + 1, rating_1 = rating_1 + 1, rating_sum = rating_sum + 1 WHERE product_id = ?`, [product_id])
      expect((await check(false)).differing).toEqual([product_id])
      expect((await check(true)).differing).toEqual([product_id])
      expect((await check(false)).differing).toEqual([])
      expect(await reviews.keptSummaries([product_id])).toEqual(await reviews.freshSummaries([product_id]))
    })
  },
})
