import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkAnswers } from "../../../modules/surveys/answers"
import {
  answersFromForm,
  checkFormToken,
  formTokenFor,
  FORM_TOKEN_FIELD,
  isSameOriginPost,
  PAGE_STRINGS,
  renderSurveyPage,
  resolvePageLocale,
  SECURITY_HEADERS,
  UNAVAILABLE_STATUS,
  type SurveyPageLocale,
  type SurveyPageView,
  type UnavailableReason,
} from "../../../modules/surveys/page"
import { linkProblem, type TokenInvitation } from "../../../modules/surveys/responses"
import { hashInvitationToken } from "../../../modules/surveys/tokens"
import { CrmErrorTypes } from "../../../types/errors"
import type { SurveyAnswer } from "../../../types/surveys"
import { submitSurveyResponseWorkflow } from "../../../workflows/surveys/workflows/submit-survey-response"
import { surveysOf } from "../../utils/admin-surveys"
import { reviewProductsFor } from "../../utils/review-prompt"
import { surveyBranding } from "../../utils/survey-answering"

/**
 * The hosted survey page: what an invitation e-mail links to, so a store
 * needs no storefront change to collect answers. Plain HTML (no script, no
 * external asset), the form posted back here with a signed form token.
 */

type PageContext = { req: MedusaRequest; res: MedusaResponse; locale: SurveyPageLocale }

async function sendPage({ req, res, locale }: PageContext, status: number, view: Record<string, unknown> & { kind: SurveyPageView["kind"] }) {
  const html = renderSurveyPage({ ...view, branding: await surveyBranding(req.scope), locale } as SurveyPageView)
  res.status(status).set({ ...SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8" }).send(html)
}

const unavailable = (page: PageContext, reason: UnavailableReason) => sendPage(page, UNAVAILABLE_STATUS[reason], { kind: "unavailable", reason })

/** The form tokens' key: the store's cookie secret, so every server of the store checks the same. */
const formSecret = (req: MedusaRequest) => req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.cookieSecret as string

const pageContext = (req: MedusaRequest, res: MedusaResponse): PageContext => ({
  req,
  res,
  locale: resolvePageLocale(req.get("accept-language")),
})

function showForm(page: PageContext, invitation: TokenInvitation, status = 200, filled?: { answers: SurveyAnswer[]; errors: string[] }) {
  const token = page.req.params.token
  return sendPage(page, status, {
    kind: "form",
    survey_name: invitation.survey.name,
    questions: invitation.survey.questions,
    form_token: formTokenFor(formSecret(page.req), hashInvitationToken(token)),
    answers: filled?.answers ?? null,
    errors: filled?.errors ?? null,
  })
}

/** The invitation of the link when it can be answered; otherwise answers the page saying why and gives null. */
async function openInvitation(page: PageContext, intent: "read" | "answer"): Promise<TokenInvitation | null> {
  const invitation = await surveysOf(page.req.scope).invitationByToken(page.req.params.token)
  const problem = linkProblem(invitation, intent, new Date())
  if (problem) {
    await unavailable(page, problem)
    return null
  }
  return invitation
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pageContext(req, res)
  const invitation = await openInvitation(page, "read")
  if (invitation) {
    await showForm(page, invitation)
  }
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = pageContext(req, res)
  if (!isSameOriginPost(req.headers, [req.get("host") ?? ""])) {
    res.status(403).set(SECURITY_HEADERS).type("text/plain").send("Forbidden")
    return
  }
  const invitation = await openInvitation(page, "answer")
  if (!invitation) {
    return
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const answers = answersFromForm(invitation.survey.questions, body)
  if (!checkFormToken(formSecret(req), hashInvitationToken(req.params.token), body[FORM_TOKEN_FIELD])) {
    await showForm(page, invitation, 400, { answers, errors: [PAGE_STRINGS[page.locale].form_expired] })
    return
  }
  const check = checkAnswers(invitation.survey.questions, answers)
  if (!check.ok) {
    await showForm(page, invitation, 400, { answers, errors: check.problems })
    return
  }
  try {
    const {
      result: { response },
    } = await submitSurveyResponseWorkflow(req.scope).run({ input: { token: req.params.token, answers } })
    const products = await reviewProductsFor(req.scope, invitation, response)
    await sendPage(page, 200, {
      kind: "thanks",
      review_links: products.flatMap((product) => (product.url ? [{ title: product.title, url: product.url }] : [])),
    })
  } catch (error) {
    // Lost a race with another answer, or the link expired meanwhile.
    const type = (error as { type?: string }).type
    if (type === MedusaError.Types.CONFLICT) return await unavailable(page, "answered")
    if (type === CrmErrorTypes.GONE) return await unavailable(page, "expired")
    throw error
  }
}
