import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answeringConflicts } from "../../../utils/conflict"
import { openInvitation, surveyBranding } from "../../../utils/survey-answering"

/**
 * The survey a link invites to, for a storefront's own survey page: 404
 * for an unknown link, 410 for a used or expired one. The token is the
 * only credential.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await answeringConflicts(res, async () => {
    const invitation = await openInvitation(req.scope, req.params.token, "read")
    const { name, type, questions } = invitation.survey
    res.json({
      survey: { name, type, questions },
      invitation: { expires_at: invitation.expires_at, source_type: invitation.source_type },
      store: await surveyBranding(req.scope),
    })
  })
}
