import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewInvitation } from "../../../modules/surveys/invitations"
import { surveysOf } from "./surveys-of"

export const scheduleInvitationsStepId = "crm-schedule-survey-invitations"

/** Schedules invitations (repeats of a source are dropped); compensation deletes the ones it made. */
export const scheduleInvitationsStep = createStep(
  scheduleInvitationsStepId,
  async (invitations: NewInvitation[], { container }) => {
    const ids = await surveysOf(container).scheduleInvitations(invitations)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await surveysOf(container).unscheduleInvitations(ids)
    }
  }
)
