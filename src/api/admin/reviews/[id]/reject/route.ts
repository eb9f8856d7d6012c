import { moderationRoute } from "../../../../utils/moderate-review"

export const POST = moderationRoute("reject")
