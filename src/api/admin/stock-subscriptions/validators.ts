import { z } from "@medusajs/framework/zod"
import { STOCK_SUBSCRIPTION_STATUSES } from "../../../modules/stockroom/types"
import { limitParam } from "../../list-query"

const idOrIds = z.union([z.string().min(1), z.array(z.string().min(1)).max(100)]).optional()
const status = z.enum(STOCK_SUBSCRIPTION_STATUSES)

export const AdminGetStockSubscriptionsParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: limitParam.default(50),
    variant_id: idOrIds,
    sales_channel_id: idOrIds,
    status: z.union([status, z.array(status).max(3)]).optional(),
  })
  .strict()
export type AdminGetStockSubscriptionsParamsType = z.infer<typeof AdminGetStockSubscriptionsParams>

export const AdminGetDemandParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: limitParam.default(50),
    variant_id: idOrIds,
  })
  .strict()
export type AdminGetDemandParamsType = z.infer<typeof AdminGetDemandParams>

export const AdminGetNotificationStatusParams = z.object({}).strict()
