import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { InvitationClaim, SentInvitation } from "../../../modules/surveys/invitations"
import { hashInvitationToken } from "../../../modules/surveys/tokens"
import { surveysOf } from "./surveys-of"

export const claimDueInvitationsStepId = "crm-claim-due-survey-invitations"

/**
 * The e-mail's idempotency key carries part of the token's hash: an
 * invitation released after a failed send goes out again, with its new
 * token, under a new key.
 */
export const invitationEmailKey = (invitation: Pick<SentInvitation, "id" | "token">) =>
  `crm:survey-invitation:${invitation.id}:${hashInvitationToken(invitation.token).slice(0, 12)}`

type ClaimUndo = { sent: { id: string; key: string }[]; skipped: string[] }

/**
 * Claims the due invitations (tokens made, frequency cap applied). When a
 * later step fails, compensation puts back to scheduled the skipped ones
 * and every sent one whose e-mail did not go out (the Notification module
 * has no successful notification under its key); one whose e-mail went
 * out keeps its token, or the link the customer has would stop working.
 */
export const claimDueInvitationsStep = createStep(
  claimDueInvitationsStepId,
  async (input: { now: Date | string; limit: number }, { container }) => {
    const claim: InvitationClaim = await surveysOf(container).claimDueInvitations(new Date(input.now), input.limit)
    const undo: ClaimUndo = {
      sent: claim.sent.map((invitation) => ({ id: invitation.id, key: invitationEmailKey(invitation) })),
      skipped: claim.skipped.map((invitation) => invitation.id),
    }
    return new StepResponse(claim, undo)
  },
  async (undo, { container }) => {
    if (!undo || (!undo.sent.length && !undo.skipped.length)) {
      return
    }
    const delivered = new Set<string>()
    if (undo.sent.length) {
      const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications(
        { idempotency_key: undo.sent.map((invitation) => invitation.key), status: "success" } as any,
        { select: ["idempotency_key"] }
      )
      notifications.forEach((notification) => delivered.add(notification.idempotency_key as string))
    }
    const release = [...undo.sent.filter((invitation) => !delivered.has(invitation.key)).map((invitation) => invitation.id), ...undo.skipped]
    await surveysOf(container).releaseInvitations(release)
  }
)

export const expireInvitationsStepId = "crm-expire-survey-invitations"

/**
 * Marks sent invitations past their expiry as expired. No compensation:
 * the clock expired them, whatever happens to the rest of the run.
 */
export const expireInvitationsStep = createStep(expireInvitationsStepId, async (input: { now: Date | string }, { container }) => {
  return new StepResponse(await surveysOf(container).expireInvitations(new Date(input.now)))
})
