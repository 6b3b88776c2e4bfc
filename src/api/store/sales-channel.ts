import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The sales channel a store request counts stock in: the publishable key's
 * only channel, or the `sales_channel_id` asked for when the key has several
 * (it must be one of them).
 */
export function requestSalesChannelId(req: MedusaRequest, requested?: string): string {
  const allowed: string[] = (req as any).publishable_key_context?.sales_channel_ids ?? []
  if (requested) {
    if (!allowed.includes(requested)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `sales_channel_id ${requested} is not a sales channel of this publishable key`
      )
    }
    return requested
  }
  if (allowed.length === 1) {
    return allowed[0]
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    allowed.length
      ? "This publishable key has several sales channels: pass sales_channel_id"
      : "This publishable key has no sales channel"
  )
}
