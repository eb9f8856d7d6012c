import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { segmentsOf } from "../workflows/segments/steps/segments-of"
import { refreshSegmentWorkflow } from "../workflows/segments/workflows/refresh-segment"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

/**
 * Every five minutes: refreshes the hourly segments last refreshed an hour
 * ago and the daily ones a day ago, one after the other. One failing
 * segment is logged and does not stop the others.
 */
export default async function refreshDueSegmentsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    for (const id of await segmentsOf(container).dueSegmentIds(new Date())) {
      try {
        const { result } = await refreshSegmentWorkflow(container).run({ input: { segment_id: id } })
        logger.info(`crm: segment ${id} refreshed: ${result.joined} joined, ${result.left} left, ${result.segment.member_count} members`)
      } catch (error) {
        logger.error(`crm: refreshing segment ${id} failed: ${(error as Error)?.message ?? error}`)
      }
    }
  })
}

export const config = jobConfig("crm-segments-refresh-due", "*/5 * * * *")
