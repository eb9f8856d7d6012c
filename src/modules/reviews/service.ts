import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  RatingSummary,
  ReviewStatus,
  REVIEW_SETTINGS_ID,
  ReviewOrder,
  ReviewSettingsDTO,
  ReviewTransition,
  UpdateReviewSettings,
} from "../../types/reviews"
import { knexOf } from "../../utils/module-sql"
import { ensureSettingsRow, SettingsRow, writeSettingsRow } from "../../utils/settings-row"
import Review from "./models/review"
import ReviewModeration from "./models/review-moderation"
import ReviewSettings from "./models/review-settings"
import ReviewSummary from "./models/review-summary"
import ReviewVote from "./models/review-vote"
import { Actor, changeStatuses, deleteOwnReview, setResponse, StatusChange, voteHelpful } from "./moderation-actions"
import { ReviewChange, ReviewUndo, undoReviewChanges } from "./review-rows"
import { insertReview, NewReview, ReviewContent, reviseReview } from "./submissions"
import { aggregateSummaries, readSummaries, rebuildSummaries, reviewedProductIds, SummaryRow, toRatingSummary } from "./summary"
import { PublicReviewRow, publicReviewsPage } from "./public-page"

const REVIEW_SETTINGS_ROW: SettingsRow = { table: "crm_review_settings", id: REVIEW_SETTINGS_ID, json_columns: ["blocked_words"] }

export interface IReviewsModuleService {
  loadReviewSettings(sharedContext?: Context): Promise<ReviewSettingsDTO>
  changeReviewSettings(data: UpdateReviewSettings, sharedContext?: Context): Promise<ReviewSettingsDTO>
  submitReview(review: NewReview, sharedContext?: Context): Promise<{ id: string; status: ReviewStatus; undo: ReviewUndo }>
  reviseReview(id: string, customerId: string, changes: Partial<ReviewContent>, sharedContext?: Context): Promise<ReviewChange>
  removeOwnReview(id: string, customerId: string, sharedContext?: Context): Promise<ReviewChange>
  changeReviewStatuses(
    changes: StatusChange[],
    reason: string | null,
    actor: Actor,
    sharedContext?: Context
  ): Promise<{ transitions: ReviewTransition[]; undo: ReviewUndo }>
  respondToReview(id: string, response: string | null, actor: Actor, sharedContext?: Context): Promise<ReviewChange>
  undoReviewChanges(undo: ReviewUndo, sharedContext?: Context): Promise<void>
  voteHelpful(reviewId: string, customerId: string, sharedContext?: Context): Promise<boolean>
  ratingSummaries(productIds: string[], sharedContext?: Context): Promise<Record<string, RatingSummary>>
  publicReviewsPage(
    productId: string,
    page: { rating?: number; order: ReviewOrder; limit: number; offset: number },
    sharedContext?: Context
  ): Promise<PublicReviewRow[]>
  freshSummaries(productIds: string[], sharedContext?: Context): Promise<SummaryRow[]>
  keptSummaries(productIds: string[], sharedContext?: Context): Promise<SummaryRow[]>
  rebuildSummaries(productIds: string[], sharedContext?: Context): Promise<void>
  reviewedProductIds(sharedContext?: Context): Promise<string[]>
}

/**
 * Product reviews: submissions through the auto-moderation pipeline,
 * moderation with a full history, replies, helpful votes, and per-product
 * rating summaries kept in step with every status change.
 */
class ReviewsModuleService
  extends MedusaService({ Review, ReviewModeration, ReviewSettings, ReviewSummary, ReviewVote })
  implements IReviewsModuleService
{
  @InjectManager()
  async loadReviewSettings(@MedusaContext() sharedContext: Context = {}): Promise<ReviewSettingsDTO> {
    const [existing] = await this.listReviewSettings({ id: REVIEW_SETTINGS_ID }, { take: 1 }, sharedContext)
    if (existing) {
      return existing as unknown as ReviewSettingsDTO
    }
    await this.ensureSettings_(sharedContext)
    return (await this.retrieveReviewSettings(REVIEW_SETTINGS_ID, {}, sharedContext)) as unknown as ReviewSettingsDTO
  }

  @InjectManager()
  async changeReviewSettings(
    data: UpdateReviewSettings,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReviewSettingsDTO> {
    await this.changeReviewSettings_(data, sharedContext)
    return await this.loadReviewSettings(sharedContext)
  }

  @InjectTransactionManager()
  protected async changeReviewSettings_(data: UpdateReviewSettings, @MedusaContext() sharedContext: Context = {}) {
    await writeSettingsRow(knexOf(sharedContext), REVIEW_SETTINGS_ROW, data)
  }

  @InjectTransactionManager()
  protected async ensureSettings_(@MedusaContext() sharedContext: Context = {}) {
    await ensureSettingsRow(knexOf(sharedContext), REVIEW_SETTINGS_ROW)
  }

  @InjectManager()
  async submitReview(review: NewReview, @MedusaContext() sharedContext: Context = {}) {
    const settings = await this.loadReviewSettings(sharedContext)
    return await this.submitReview_(review, settings, sharedContext)
  }

  @InjectTransactionManager()
  protected async submitReview_(review: NewReview, settings: ReviewSettingsDTO, @MedusaContext() sharedContext: Context = {}) {
    return await insertReview(knexOf(sharedContext), review, settings)
  }

  @InjectManager()
  async reviseReview(
    id: string,
    customerId: string,
    changes: Partial<ReviewContent>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReviewChange> {
    const settings = await this.loadReviewSettings(sharedContext)
    return await this.reviseReview_(id, customerId, changes, settings, sharedContext)
  }

  @InjectTransactionManager()
  protected async reviseReview_(
    id: string,
    customerId: string,
    changes: Partial<ReviewContent>,
    settings: ReviewSettingsDTO,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReviewChange> {
    return await reviseReview(knexOf(sharedContext), id, customerId, changes, settings)
  }

  @InjectTransactionManager()
  async removeOwnReview(id: string, customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return await deleteOwnReview(knexOf(sharedContext), id, customerId)
  }

  @InjectTransactionManager()
  async changeReviewStatuses(
    changes: StatusChange[],
    reason: string | null,
    actor: Actor,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await changeStatuses(knexOf(sharedContext), changes, reason, actor)
  }

  @InjectTransactionManager()
  async respondToReview(id: string, response: string | null, actor: Actor, @MedusaContext() sharedContext: Context = {}) {
    return await setResponse(knexOf(sharedContext), id, response, actor)
  }

  @InjectTransactionManager()
  async undoReviewChanges(undo: ReviewUndo, @MedusaContext() sharedContext: Context = {}) {
    await undoReviewChanges(knexOf(sharedContext), undo)
  }

  @InjectTransactionManager()
  async voteHelpful(reviewId: string, customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return await voteHelpful(knexOf(sharedContext), reviewId, customerId)
  }

  /** The kept summaries of the products (zeros for a product without approved reviews). */
  @InjectManager()
  async ratingSummaries(productIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const rows = await readSummaries(knexOf(sharedContext), productIds)
    return Object.fromEntries(
      productIds.map((id) => [id, toRatingSummary(rows.find((row) => row.product_id === id))])
    )
  }

  @InjectManager()
  async publicReviewsPage(
    productId: string,
    page: { rating?: number; order: ReviewOrder; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await publicReviewsPage(knexOf(sharedContext), productId, page)
  }

  @InjectManager()
  async freshSummaries(productIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await aggregateSummaries(knexOf(sharedContext), productIds)
  }

  @InjectManager()
  async keptSummaries(productIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await readSummaries(knexOf(sharedContext), productIds)
  }

  @InjectManager()
  async reviewedProductIds(@MedusaContext() sharedContext: Context = {}) {
    return await reviewedProductIds(knexOf(sharedContext))
  }

  @InjectTransactionManager()
  async rebuildSummaries(productIds: string[], @MedusaContext() sharedContext: Context = {}) {
    await rebuildSummaries(knexOf(sharedContext), productIds)
  }
}

export default ReviewsModuleService
