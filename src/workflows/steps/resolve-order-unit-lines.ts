import type { IStockroomModuleService } from "../../modules/stockroom/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quantityOf } from "../../lib/medusa-values"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  OrderUnitLineInput,
  PlaceOrderUnitsInput,
  StockItemRef,
} from "../../modules/stockroom/types"
import { STOCKROOM_MODULE } from "../../modules/stockroom/types"

export const resolveOrderUnitLinesStepId = "resolve-order-unit-lines"

export type ResolvedOrderUnits = PlaceOrderUnitsInput & { refs: StockItemRef[] }

/**
 * Reads what an order needs per line and inventory item (line quantity ×
 * required quantity, for kits) and where Medusa reserved it. Untracked
 * variants (`manage_inventory` false, or `track_inventory_levels` off) get
 * lines without an inventory item. Reads only, so no compensation.
 */
export const resolveOrderUnitLinesStep = createStep(
  resolveOrderUnitLinesStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const trackLevels = stockroom.getOptions().track_inventory_levels
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "created_at",
        "status",
        "items.id",
        // The order module only computes an item's quantity when its raw
        // value or detail is asked for as well.
        "items.quantity",
        "items.raw_quantity",
        "items.detail.quantity",
        "items.variant_id",
        "items.variant.manage_inventory",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
      ],
      filters: { id: input.order_id },
    })
    // A canceled order's units are all canceled; it never gets new ones.
    if (!order || !trackLevels || order.status === "canceled") {
      return new StepResponse<ResolvedOrderUnits>({
        order_id: input.order_id,
        ordered_at: order?.created_at ?? new Date(),
        lines: [],
        refs: [],
      })
    }
    const items = (order.items ?? []).filter(Boolean) as any[]
    const { data: reservations } = items.length
      ? await query.graph({
          entity: "reservation",
          fields: ["line_item_id", "inventory_item_id", "location_id"],
          filters: { line_item_id: items.map((item) => item.id) },
        })
      : { data: [] as any[] }
    const reservedAt = new Map<string, string>(
      reservations.map((reservation: any) => [
        `${reservation.line_item_id}|${reservation.inventory_item_id}`,
        reservation.location_id,
      ])
    )

    const lines: OrderUnitLineInput[] = []
    for (const item of items) {
      const quantity = quantityOf(item.quantity ?? item.detail?.quantity ?? item.raw_quantity)
      const inventoryItems = (item.variant?.inventory_items ?? []).filter(Boolean)
      if (!item.variant?.manage_inventory || !inventoryItems.length) {
        lines.push({
          line_item_id: item.id,
          variant_id: item.variant_id ?? null,
          inventory_item_id: null,
          location_id: null,
          quantity,
        })
        continue
      }
      for (const link of inventoryItems) {
        const reservedLocation = reservedAt.get(`${item.id}|${link.inventory_item_id}`)
        if (!reservedLocation) {
          // Medusa holds no stock for this line (its exchange confirmation
          // reserves nothing, for one): without a location a unit could only
          // pretend to be on hand, so the line gets none until it is reserved.
          continue
        }
        lines.push({
          line_item_id: item.id,
          variant_id: item.variant_id ?? null,
          inventory_item_id: link.inventory_item_id,
          location_id: reservedLocation,
          quantity: quantity * quantityOf(link.required_quantity ?? 1),
        })
      }
    }
    const refs = lines
      .filter((line) => line.inventory_item_id && line.location_id)
      .map((line) => ({
        inventory_item_id: line.inventory_item_id!,
        location_id: line.location_id!,
      }))
    return new StepResponse<ResolvedOrderUnits>({
      order_id: order.id,
      ordered_at: order.created_at as any,
      lines,
      refs,
    })
  }
)
