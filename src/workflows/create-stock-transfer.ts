import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type {
  ApplyStockChangeInput,
  ResolvedStockTransferLine,
  StockTransferLineInput,
  StockTransferWithMovementsDTO,
} from "../modules/stockroom/types"
import {
  createStockTransferStep,
  emitStockEventsStep,
  ensureStockItemsStep,
  recordStockChangesStep,
  resolveStockItemRefsStep,
  validateStockTransferStep,
} from "./steps"

export type CreateStockTransferWorkflowInput = {
  source_location_id?: string | null
  destination_location_id: string
  reference?: string | null
  /** the goods leave the source now and are received at the destination later */
  in_transit?: boolean
  /** when a transfer in transit is expected (`YYYY-MM-DD`) */
  expected_at?: string | null
  items: StockTransferLineInput[]
  /** the admin user creating it; recorded as created_by and the movements' actor */
  created_by?: string | null
}

export const createStockTransferWorkflowId = "stockroom-create-stock-transfer"

/**
 * Moves stock between two locations (Spree's StockTransfer): per item one
 * `transfer_out` at the source and one `transfer_in` at the destination,
 * written in one call of the ledger step, so in one transaction under the
 * stock-item locks. In transit, only the `transfer_out` is booked now: the
 * goods are incoming at the destination until the transfer is received. Without a source the stock is received from a supplier:
 * one `received` movement per item at the destination. Refused before
 * anything is written when the source cannot supply a non-backorderable
 * item; if the ledger refuses anyway (a race), the transfer row is removed.
 */
export const createStockTransferWorkflow = createWorkflow(
  createStockTransferWorkflowId,
  (input: CreateStockTransferWorkflowInput) => {
    // Resolve every line at the destination, then at the source: variants
    // become inventory items, unknown ids and locations are refused.
    const addresses = transform({ input }, ({ input }) =>
      [input.destination_location_id, input.source_location_id]
        .filter((location): location is string => !!location)
        .flatMap((location_id) =>
          input.items.map((item) => ({
            inventory_item_id: item.inventory_item_id,
            variant_id: item.variant_id,
            location_id,
          }))
        )
    )
    const resolved = resolveStockItemRefsStep(addresses)
    const lines = transform(
      { input, resolved },
      ({ input, resolved }): ResolvedStockTransferLine[] =>
        input.items.map((item, index) => ({
          inventory_item_id: resolved[index].inventory_item_id,
          variant_id: resolved[index].variant_id,
          quantity: item.quantity,
        }))
    )
    validateStockTransferStep(
      transform({ input, lines }, ({ input, lines }) => ({
        source_location_id: input.source_location_id,
        destination_location_id: input.destination_location_id,
        lines,
      }))
    )

    const refs = transform({ resolved }, ({ resolved }) =>
      resolved.map(({ inventory_item_id, location_id }) => ({
        inventory_item_id,
        location_id,
      }))
    )
    const ensured = ensureStockItemsStep(refs)

    const transfer = createStockTransferStep(
      transform({ input, lines }, ({ input, lines }) => ({
        reference: input.reference,
        source_location_id: input.source_location_id,
        destination_location_id: input.destination_location_id,
        created_by: input.created_by,
        in_transit: !!input.in_transit,
        expected_at: input.expected_at ?? null,
        lines,
      }))
    )

    const changes = transform(
      { input, lines, ensured, transfer },
      ({ input, lines, ensured, transfer }): ApplyStockChangeInput[] => {
        const attribution = {
          originator_type: "stock_transfer" as const,
          originator_id: transfer.id,
          actor_id: input.created_by ?? null,
          note: input.reference ? `Transfer ${input.reference}` : null,
        }
        const stockItemAt = (inventoryItemId: string, locationId: string) =>
          ensured.stock_item_ids[`${inventoryItemId}|${locationId}`]
        const source = input.source_location_id
        return lines.flatMap((line): ApplyStockChangeInput[] =>
          source
            ? [
                {
                  ...attribution,
                  stock_item_id: stockItemAt(line.inventory_item_id, source),
                  kind: "transfer_out",
                  quantity: -line.quantity,
                  stocked_change: -line.quantity,
                  enforce_availability: true,
                },
                // In transit, the goods arrive when the transfer is received.
                ...(input.in_transit ? [] : [{
                  ...attribution,
                  stock_item_id: stockItemAt(
                    line.inventory_item_id,
                    input.destination_location_id
                  ),
                  kind: "transfer_in" as const,
                  quantity: line.quantity,
                  stocked_change: line.quantity,
                }]),
              ]
            : [
                {
                  ...attribution,
                  stock_item_id: stockItemAt(
                    line.inventory_item_id,
                    input.destination_location_id
                  ),
                  kind: "received",
                  quantity: line.quantity,
                  stocked_change: line.quantity,
                },
              ]
        )
      }
    )
    const result = recordStockChangesStep(changes)
    emitStockEventsStep(transform({ result }, ({ result }) => [result]))

    const stockTransfer = transform(
      { transfer, result },
      ({ transfer, result }): StockTransferWithMovementsDTO => ({
        ...transfer,
        // Same order as GET /admin/stock-transfers/:id: per item, out before in.
        movements: result.movements
          .filter(
            (movement) =>
              movement.originator_type === "stock_transfer" &&
              movement.originator_id === transfer.id
          )
          .sort(
            (a, b) =>
              a.inventory_item_id.localeCompare(b.inventory_item_id) ||
              b.kind.localeCompare(a.kind)
          ),
      })
    )
    return new WorkflowResponse(stockTransfer)
  }
)
