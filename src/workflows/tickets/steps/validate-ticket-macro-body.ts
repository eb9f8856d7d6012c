import { MedusaError } from "@medusajs/framework/utils"
import { macroTemplateProblem } from "../../../modules/tickets/macro"

/** A body that could never render is refused before anything is written (the route's validator says the same first). */
export function assertValidMacroBody(body: string | undefined) {
  const problem = body === undefined ? null : macroTemplateProblem(body)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
}
