import { z } from "@medusajs/framework/zod"
import { listParams } from "../../utils/list-params"

export const StoreGetLoyaltyTransactionsParams = z.object(listParams).strict()
export type StoreGetLoyaltyTransactionsParamsType = z.infer<typeof StoreGetLoyaltyTransactionsParams>
