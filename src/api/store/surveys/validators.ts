import { z } from "@medusajs/framework/zod"

const answerValue = z.union([z.number(), z.string().max(10_000), z.array(z.string().max(200)).max(50)], {
  error: "An answer's value is a number, a text or a list of options",
})

export const StoreSurveyResponse = z
  .object({
    answers: z
      .array(z.object({ question_id: z.string().min(1).max(40), value: answerValue }).strict(), { error: "answers must be a list of { question_id, value }" })
      .max(100, "Too many answers"),
  })
  .strict()

export type StoreSurveyResponseType = z.infer<typeof StoreSurveyResponse>
