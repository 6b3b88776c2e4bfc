/**
 * The shapes the Stockroom admin routes return, as the browser sees them
 * (dates arrive as strings). Enums come from the module's single source.
 */
import type {
  InventoryUnitDTO,
  ReturnAuthorizationDTO,
  InventoryUnitState,
  OriginatorType,
  ReasonCode,
  StockItemWithCountsDTO,
  StockLocationSettingDTO,
  StockMovementDTO,
  StockMovementKind,
} from "../../modules/stockroom/types"
import type { StockroomResponse } from "../../client"

export {
  INVENTORY_UNIT_STATES,
  MANUAL_MOVEMENT_KINDS,
  ORIGINATOR_TYPES,
  RETURN_AUTHORIZATION_STATES,
  REASON_CODES,
  STOCK_MOVEMENT_KINDS,
} from "../../modules/stockroom/types"
export type {
  AuditProblem,
  InventoryUnitState,
  ReturnAuthorizationState,
  OriginatorType,
  ReasonCode,
  StockMovementKind,
  StockroomOptions,
} from "../../modules/stockroom/types"

export type StockItem = StockItemWithCountsDTO & {
  /** units live checkout holds keep here (carts whose customers are paying) */
  held?: number
}
export type StockMovement = StockMovementDTO
export type StockLocationSetting = Pick<
  StockLocationSettingDTO,
  | "stock_location_id"
  | "backorderable_default"
  | "propagate_all_variants"
  | "restock_inventory"
  | "allocation_priority"
>

export type PaginatedResponse = { count: number; offset: number; limit: number }

/*
 * The list responses here (`StockItemsResponse`, `BackordersResponse`, ...)
 * have whole rows. The typed client types a list row with every key but `id`
 * optional, since `fields` can cut it down; the admin asks for no `fields`,
 * so its hooks read the rows as whole.
 */

export type StockItemsResponse = PaginatedResponse & { stock_items: StockItem[] }
export type StockMovementsResponse = PaginatedResponse & {
  stock_movements: StockMovement[]
}
export type AuditResponse = StockroomResponse<"adminAuditStockroom">

export type StockItemFilters = {
  inventory_item_id?: string | string[]
  variant_id?: string | string[]
  location_id?: string | string[]
  low_stock?: "true" | "false"
  backordered?: "true" | "false"
  q?: string
  offset?: number
  limit?: number
  order?: string
}

export type StockMovementFilters = {
  stock_item_id?: string | string[]
  inventory_item_id?: string | string[]
  variant_id?: string | string[]
  location_id?: string | string[]
  kind?: StockMovementKind | StockMovementKind[]
  originator_type?: OriginatorType | OriginatorType[]
  originator_id?: string | string[]
  reason_code?: ReasonCode | ReasonCode[]
  created_at?: { gte?: string; lte?: string }
  offset?: number
  limit?: number
  order?: string
}

export type CreateStockMovementBody = {
  stock_item_id: string
  quantity: number
  reason?: string | null
  reason_code?: ReasonCode
  note?: string | null
}

export type UpdateStockItemBody = {
  backorderable?: boolean
  low_stock_threshold?: number | null
  safety_stock?: number
}

export type CreateStockTransferBody = {
  source_location_id?: string
  destination_location_id: string
  reference?: string
  in_transit?: boolean
  expected_at?: string
  items: { inventory_item_id: string; quantity: number }[]
}

export type InventoryUnit = InventoryUnitDTO

export type OrderInventoryUnitsResponse = {
  inventory_units: InventoryUnit[]
  count: number
  /** Quantity per state, e.g. `{ on_hand: 2, backordered: 1 }`. */
  totals: Partial<Record<InventoryUnitState, number>>
}

/** A backordered unit with what an admin needs to recognise it. */
export type Backorder = InventoryUnit & BackorderEtaFields & {
  order: {
    id: string
    display_id: number
    email: string | null
    created_at: string
    status: string
  } | null
  variant: {
    id: string
    title: string | null
    sku: string | null
    product: { id: string; title: string } | null
  } | null
}

/** Where a backordered unit stands in the queue, and when incoming stock should reach it. */
export type BackorderEtaFields = { expected_at?: string | null; queue_position?: number | null }

export type BackordersResponse = PaginatedResponse & { backorders: Backorder[] }

export type BackorderFilters = {
  location_id?: string | string[]
  variant_id?: string | string[]
  order_id?: string | string[]
  offset?: number
  limit?: number
}

/** A return authorization as the admin routes return it. */
export type ReturnAuthorization = ReturnAuthorizationDTO & {
  order?: { id: string; display_id: number | null; email: string | null } | null
  movements?: StockMovement[]
}

export type ReturnAuthorizationsResponse = PaginatedResponse & {
  return_authorizations: ReturnAuthorization[]
}

export type CreateReturnAuthorizationBody = {
  order_id: string
  items: { line_item_id: string; quantity: number; resellable: boolean }[]
  reason?: string
  return_reason_id?: string
  amount?: number
  location_id: string
  memo?: string
}

/** One of Medusa's return reasons, as the authorization form offers it. */
export type ReturnReasonOption = { id: string; label: string }

export { PURCHASE_ORDER_STATES } from "../../modules/stockroom/types"
export type { PurchaseOrderState } from "../../modules/stockroom/types"
import type { PurchaseOrderDTO } from "../../modules/stockroom/types"

/** A purchase order as the admin routes return it (dates as strings). */
export type PurchaseOrder = PurchaseOrderDTO
export type PurchaseOrdersResponse = PaginatedResponse & { purchase_orders: PurchaseOrder[] }
export type PurchaseOrderResponse = { purchase_order: PurchaseOrder }

export type CreatePurchaseOrderBody = {
  supplier: string
  location_id: string
  items: { inventory_item_id: string; quantity: number; unit_cost?: number }[]
  expected_at?: string
  reference?: string
  note?: string
  ordered?: boolean
}

export type ReceiptLineBody = {
  inventory_item_id: string
  accepted: number
  rejected?: number
  rejection_reason?: string
}

export { STOCK_COUNT_STATES } from "../../modules/stockroom/types"
export type { StockCountState } from "../../modules/stockroom/types"
import type { StockCountDTO, StockCountItemDTO } from "../../modules/stockroom/types"

/** A stock count (stocktake) and its items, as the admin routes return them. */
export type StockCount = StockCountDTO
export type StockCountItem = StockCountItemDTO
export type StockCountsResponse = PaginatedResponse & { stock_counts: StockCount[] }
export type RecordStockCountBody = { items: { inventory_item_id: string; counted: number }[] }
