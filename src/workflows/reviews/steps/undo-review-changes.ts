import type { MedusaContainer } from "@medusajs/framework/types"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import type { ReviewUndo } from "../../../modules/reviews/review-rows"
import { CrmModules } from "../../../types/modules"

/** The compensation of every step that changes reviews: put them back as they were. */
export async function undoReviewChanges(undo: ReviewUndo | undefined, { container }: { container: MedusaContainer }) {
  if (undo) {
    await container.resolve<IReviewsModuleService>(CrmModules.REVIEWS).undoReviewChanges(undo)
  }
}
