import path from "path"
import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CrmModules } from "../../../types/modules"
import type { ReviewStatus } from "../../../types/reviews"
import { moduleTestDbName } from "../../../../integration-tests/helpers/module-db"
import ReviewsModuleService from "../service"
import type { NewReview } from "../submissions"

jest.setTimeout(180 * 1000)

const moderator = { type: "user" as const, id: "user_mod" }

let serial = 0
const newReview = (overrides: Partial<NewReview> = {}): NewReview => {
  serial += 1
  return {
    product_id: "prod_a",
    customer_id: `cus_${serial}`,
    order_id: null,
    order_line_item_id: null,
    verified_purchase: true,
    author_name: "Jane D.",
    rating: 5,
    title: null,
    content: `A solid kettle, review number ${serial} of many`,
    quality_rating: null,
    logistics_rating: null,
    service_rating: null,
    images: [],
    ...overrides,
  }
}

/** Summaries in product order; a kept row at zero equals no row in a fresh aggregate. */
const byProduct = <T extends { product_id: string; review_count: number }>(rows: T[]) =>
  rows.filter((row) => row.review_count > 0).sort((a, b) => a.product_id.localeCompare(b.product_id))

moduleIntegrationTestRunner<ReviewsModuleService>({
  moduleName: CrmModules.REVIEWS,
  dbName: moduleTestDbName("reviews"),
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
  testSuite: ({ service }) => {
    beforeEach(async () => {
      await service.changeReviewSettings({ rate_limit_count: 0, auto_approve: "all" })
    })

    it("keeps each product's summary equal to a fresh aggregate after any sequence of moderation", async () => {
      const products = ["prod_s1", "prod_s2", "prod_s3"]
      const reviews: string[] = []
      for (let i = 0; i < 24; i++) {
        const { id } = await service.submitReview(newReview({ product_id: products[i % 3], rating: (i % 5) + 1 }))
        reviews.push(id)
      }
      const statuses: ReviewStatus[] = ["approved", "rejected", "flagged", "pending"]
      const step = fc.record({
        ids: fc.uniqueArray(fc.constantFrom(...reviews), { minLength: 1, maxLength: 6 }),
        status: fc.constantFrom(...statuses),
        undo: fc.boolean(),
        edit: fc.option(fc.record({ index: fc.nat(23), rating: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
        remove: fc.option(fc.nat(23), { nil: undefined }),
      })
      const removed = new Set<string>()
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
          for (const s of steps) {
            const live = s.ids.filter((id) => !removed.has(id))
            if (live.length) {
              const { undo } = await service.changeReviewStatuses([{ ids: live, status: s.status }], "because", moderator)
              if (s.undo) {
                await service.undoReviewChanges(undo)
              }
            }
            if (s.edit && !removed.has(reviews[s.edit.index])) {
              const [review] = await service.listReviews({ id: reviews[s.edit.index] })
              await service.reviseReview(review.id, review.customer_id, { rating: s.edit.rating })
            }
            if (s.remove !== undefined && !removed.has(reviews[s.remove])) {
              const [review] = await service.listReviews({ id: reviews[s.remove] })
              const { undo } = await service.removeOwnReview(review.id, review.customer_id)
              if (s.undo) {
                await service.undoReviewChanges(undo)
              } else {
                removed.add(review.id)
              }
            }
            expect(byProduct(await service.keptSummaries(products))).toEqual(byProduct(await service.freshSummaries(products)))
          }
        }),
        { numRuns: 25 }
      )
    })

    it("keeps the summary exact when moderators act on the same reviews at the same time", async () => {
      const product_id = "prod_race"
      const ids: string[] = []
      for (let i = 0; i < 12; i++) {
        ids.push((await service.submitReview(newReview({ product_id, rating: (i % 5) + 1 }))).id)
      }
      const statuses: ReviewStatus[] = ["approved", "rejected", "flagged", "pending"]
      // 16 batches over overlapping, differently ordered id sets, all at once: row locks in id order must serialise them.
      await Promise.all(
        Array.from({ length: 16 }, (_, n) => {
          const batch = ids.filter((_, i) => (i + n) % 3 !== 0).reverse()
          return service.changeReviewStatuses([{ ids: batch, status: statuses[n % 4] }], null, moderator)
        })
      )
      expect(byProduct(await service.keptSummaries([product_id]))).toEqual(byProduct(await service.freshSummaries([product_id])))
    })

    it("moves a review once: a second approve changes nothing and writes no history", async () => {
      const { id } = await service.submitReview(newReview({ product_id: "prod_once", content: "" }))
      const first = await service.changeReviewStatuses([{ ids: [id], status: "rejected" }], "spam", moderator)
      const again = await service.changeReviewStatuses([{ ids: [id], status: "rejected" }], "spam", moderator)
      expect(first.transitions).toEqual([expect.objectContaining({ id, from_status: "approved", to_status: "rejected" })])
      expect(again.transitions).toEqual([])
      const history = await service.listReviewModerations({ review_id: id }, { order: { created_at: "ASC" } })
      expect(history.map((h) => [h.event, h.from_status, h.to_status, h.reason, h.actor_id])).toEqual([
        ["submitted", null, "approved", null, expect.any(String)],
        ["rejected", "approved", "rejected", "spam", "user_mod"],
      ])
    })

    it("fails a whole batch on an unknown id and changes nothing", async () => {
      const { id } = await service.submitReview(newReview({ product_id: "prod_batch" }))
      await expect(
        service.changeReviewStatuses([{ ids: [id, "rev_missing"], status: "rejected" }], null, moderator)
      ).rejects.toThrow("rev_missing")
      expect((await service.retrieveReview(id)).status).toBe("approved")
    })

    it("refuses a second review of the same product by the same customer, and of the same order line", async () => {
      const first = newReview({ product_id: "prod_dup" })
      await service.submitReview(first)
      await expect(service.submitReview({ ...first, content: "Something else entirely, honestly" })).rejects.toMatchObject({
        type: "conflict",
      })
      const verified = newReview({ product_id: "prod_dup", order_id: "order_1", order_line_item_id: "ordli_1" })
      await service.submitReview(verified)
      await expect(service.submitReview({ ...verified, content: "A second go at the same purchase" })).rejects.toMatchObject({
        type: "conflict",
      })
    })

    it("limits submissions per customer, counting deleted reviews, even when they race", async () => {
      await service.changeReviewSettings({ rate_limit_count: 2, rate_limit_window_minutes: 60 })
      const customer_id = "cus_rate"
      const attempts = await Promise.allSettled(
        ["prod_r1", "prod_r2", "prod_r3", "prod_r4"].map((product_id) => service.submitReview(newReview({ product_id, customer_id })))
      )
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(2)
      expect(attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.type)).toEqual([
        "rate_limited",
        "rate_limited",
      ])
      const [mine] = await service.listReviews({ customer_id })
      await service.removeOwnReview(mine.id, customer_id)
      await expect(service.submitReview(newReview({ product_id: "prod_r5", customer_id }))).rejects.toMatchObject({
        type: "rate_limited",
      })
    })

    it("holds a duplicate of another review's text, ignoring case, accents and punctuation", async () => {
      await service.submitReview(newReview({ product_id: "prod_copy", content: "Crème brûlée torch works great, five stars!" }))
      const { id } = await service.submitReview(
        newReview({ product_id: "prod_copy2", content: "creme brulee TORCH works great... five stars" })
      )
      const review = await service.retrieveReview(id)
      expect(review.status).toBe("pending")
      expect(review.status_reason).toMatch(/Same text as review rev_/)
    })

    it("undoes a submission: the review, its history and its share of the summary are gone", async () => {
      const { id, undo } = await service.submitReview(newReview({ product_id: "prod_undo", rating: 4 }))
      expect((await service.ratingSummaries(["prod_undo"])).prod_undo.review_count).toBe(1)
      await service.undoReviewChanges(undo)
      expect(await service.listReviews({ id })).toEqual([])
      expect(await service.listReviewModerations({ review_id: id })).toEqual([])
      expect((await service.ratingSummaries(["prod_undo"])).prod_undo).toEqual({
        average_rating: 0,
        review_count: 0,
        distribution: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
      })
    })

    it("counts a helpful vote once per customer, never the author's own", async () => {
      const author = "cus_author"
      const { id } = await service.submitReview(newReview({ product_id: "prod_vote", customer_id: author }))
      expect(await service.voteHelpful(id, "cus_fan")).toBe(true)
      expect(await service.voteHelpful(id, "cus_fan")).toBe(false)
      expect(await service.voteHelpful(id, "cus_other")).toBe(true)
      await expect(service.voteHelpful(id, author)).rejects.toThrow("own review")
      expect((await service.retrieveReview(id)).helpful_count).toBe(2)
    })
  },
})
