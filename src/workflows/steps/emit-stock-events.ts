import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LedgerResult } from "../../modules/stockroom/types"
import { StockroomEvents } from "../../modules/stockroom/events"

export const emitStockEventsStepId = "emit-stock-events"

/**
 * Emits `stockroom.stock_movement.created` per movement, the low /
 * out-of / back-in stock signals, and a backorder_filled per filled unit
 * plus backorders_filled per order left with none. Grouped with the workflow's events, so
 * nothing is sent unless the workflow succeeds.
 */
export const emitStockEventsStep = createStep(
  emitStockEventsStepId,
  async (results: (LedgerResult | undefined)[], context) => {
    const messages: { name: string; data: Record<string, unknown> }[] =
      results.filter((result): result is LedgerResult => !!result).flatMap((result) => [
      ...result.movements.map((movement) => ({
        name: StockroomEvents.STOCK_MOVEMENT_CREATED,
        data: {
          id: movement.id,
          stock_item_id: movement.stock_item_id,
          inventory_item_id: movement.inventory_item_id,
          location_id: movement.location_id,
          kind: movement.kind,
          quantity: movement.quantity,
          stocked_change: movement.stocked_change,
          count_on_hand_after: movement.count_on_hand_after,
          stocked_after: movement.stocked_after,
        },
      })),
      ...result.signals.map(({ name, ...data }) => ({
        name: StockroomEvents.signal(name),
        data,
      })),
      ...(result.filled ?? []).map((unit) => ({
        name: StockroomEvents.INVENTORY_UNIT_BACKORDER_FILLED,
        data: { id: unit.inventory_unit_id, ...unit },
      })),
      ...(result.orders_without_backorders ?? []).map((orderId) => ({
        name: StockroomEvents.ORDER_BACKORDERS_FILLED,
        data: { id: orderId, order_id: orderId },
      })),
    ])
    if (!messages.length) {
      return new StepResponse(void 0)
    }
    const eventBus = context.container.resolve(Modules.EVENT_BUS)
    await eventBus.emit(
      messages.map((message) => ({
        ...message,
        metadata: context.eventGroupId
          ? { eventGroupId: context.eventGroupId }
          : undefined,
      }))
    )
    return new StepResponse(void 0, context.eventGroupId)
  },
  async (eventGroupId, { container }) => {
    if (!eventGroupId) {
      return
    }
    await container.resolve(Modules.EVENT_BUS).clearGroupedEvents(eventGroupId)
  }
)
