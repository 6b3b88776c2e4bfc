import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReturnAuthorizationDTO,
  StockItemRef,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

type ReturnLine = { id: string; quantity: number }

export type ReturnAuthorizationReceiptPlan = {
  return_authorization: ReturnAuthorizationDTO
  /** lines of Medusa's return, with the authorization's return reason */
  return_items: (ReturnLine & { reason_id?: string })[]
  /** received into stock by Medusa */
  receive_items: ReturnLine[]
  /** received as damaged: Medusa does not restock them */
  dismiss_items: ReturnLine[]
  /** the authorization's items that go back into stock */
  restocked_item_ids: string[]
  /** tracked inventory items at the receiving location (Medusa needs their levels) */
  refs: StockItemRef[]
}

export const validateReturnAuthorizationReceiptStepId = "validate-return-authorization-receipt"

/**
 * Checks that the authorization can be received (it exists and is still
 * authorized) and plans Medusa's return: per order line, the quantity to
 * receive into stock — resellable items of a tracked variant at a location
 * that restocks — and the quantity to receive as damaged, which Medusa
 * records as returned without touching stock. Reads only.
 */
export const validateReturnAuthorizationReceiptStep = createStep(
  validateReturnAuthorizationReceiptStepId,
  async (input: { id: string }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const authorization = await stockroom.retrieveReturnAuthorizationWithItems(input.id)
    if (authorization.state !== "authorized") {
      const when = authorization.state === "received" ? authorization.received_at : authorization.canceled_at
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot receive return authorization ${authorization.number} (${authorization.id}): it was already ${authorization.state}${when ? ` at ${new Date(when).toISOString()}` : ""}; only an authorized one can be received`
      )
    }
    const items = authorization.items ?? []
    const variantIds = [...new Set(items.map((item) => item.variant_id).filter((id): id is string => !!id))]
    const { data: variants } = variantIds.length
      ? await query.graph({
          entity: "product_variant",
          fields: ["id", "manage_inventory"],
          filters: { id: variantIds },
        })
      : { data: [] as any[] }
    const tracked = new Set(
      (variants as any[]).filter((variant) => variant.manage_inventory).map((variant) => variant.id)
    )
    const [setting] = await stockroom.listStockLocationSettings({
      stock_location_id: authorization.location_id,
    })
    const locationRestocks = setting?.restock_inventory ?? stockroom.getOptions().restock_inventory

    const restocks = (item: (typeof items)[number]) =>
      item.resellable && locationRestocks && !!item.inventory_item_id && tracked.has(item.variant_id ?? "")
    // Per line and restock decision, the line quantity: a kit line's items
    // each carry quantity × required quantity of the same line quantity.
    const groups = new Map<string, Map<string, number>>()
    for (const item of items) {
      const key = `${item.line_item_id}|${restocks(item) ? "receive" : "dismiss"}`
      const perItem = groups.get(key) ?? new Map<string, number>()
      const inventoryItemId = item.inventory_item_id ?? ""
      perItem.set(
        inventoryItemId,
        (perItem.get(inventoryItemId) ?? 0) + item.quantity / Math.max(item.required_quantity, 1)
      )
      groups.set(key, perItem)
    }
    const receiveItems: ReturnLine[] = []
    const dismissItems: ReturnLine[] = []
    const perLine = new Map<string, number>()
    for (const [key, perItem] of groups) {
      const [lineId, how] = key.split("|")
      const quantity = Math.round(Math.max(...perItem.values()))
      ;(how === "receive" ? receiveItems : dismissItems).push({ id: lineId, quantity })
      perLine.set(lineId, (perLine.get(lineId) ?? 0) + quantity)
    }
    const refs = [
      ...new Set(
        items
          .filter((item) => item.inventory_item_id && tracked.has(item.variant_id ?? ""))
          .map((item) => item.inventory_item_id!)
      ),
    ].map((inventoryItemId) => ({ inventory_item_id: inventoryItemId, location_id: authorization.location_id }))

    return new StepResponse<ReturnAuthorizationReceiptPlan>({
      return_authorization: authorization,
      return_items: [...perLine].map(([id, quantity]) => ({
        id,
        quantity,
        ...(authorization.return_reason_id ? { reason_id: authorization.return_reason_id } : {}),
      })),
      receive_items: receiveItems,
      dismiss_items: dismissItems,
      restocked_item_ids: items.filter(restocks).map((item) => item.id),
      refs,
    })
  }
)
