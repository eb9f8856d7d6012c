import { z } from "@medusajs/framework/zod"

const colour = (field: string) => z.string().regex(/^#[0-9a-fA-F]{6}$/, `${field} is a colour like #2563eb`)

export const AdminUpdateSurveySettings = z
  .object({
    frequency_cap_days: z.number().int("frequency_cap_days must be a whole number").min(0, "frequency_cap_days is 0 (no cap) to 365").max(365, "frequency_cap_days is 0 (no cap) to 365"),
    store_name: z.string().trim().min(1, "store_name cannot be empty (null uses the e-mail store name)").max(200).nullable(),
    brand_color: colour("brand_color"),
    background_color: colour("background_color"),
    text_color: colour("text_color"),
    link_base_url: z
      .string()
      .trim()
      .url("link_base_url must be an absolute URL")
      .refine((url) => /^https?:\/\//i.test(url), "link_base_url must be an http(s) URL")
      .nullable(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to change" })

export type AdminUpdateSurveySettingsType = z.infer<typeof AdminUpdateSurveySettings>
