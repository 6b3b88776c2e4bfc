import type { Context } from "@medusajs/framework/types"
import type {
  AbstractModuleService,
  ModelConfigurationsToConfigTemplate,
} from "@medusajs/framework/utils"
import type * as Models from "../models"
import type { CheckoutShortfall } from "../lib/shortfall"
import type { AuditProblem, ApplyStockChangeInput, LedgerResult, ReconcileStockItemInput, StockItemRef, StockItemWithCountsDTO, StockMovementDTO } from "./ledger"
import type { StockLocationSettingDTO } from "./locations"
import type { StockroomOptions } from "./options"
import type {
  CreateReturnAuthorizationInput,
  ReceiveReturnAuthorizationUnitsInput,
  ReturnAuthorizationDTO,
} from "./return-authorizations"
import type { OpenStockCountInput, RecordStockCountInput } from "./stock-counts"
import type { PlaceOrderUnitsInput, ReceiveReturnUnitsInput, ShipFulfillmentUnitsInput } from "./units"

type StockroomModels = {
  InventoryUnit: typeof Models.InventoryUnit
  StockLocationSetting: typeof Models.StockLocationSetting
  StockItem: typeof Models.StockItem
  StockMovement: typeof Models.StockMovement
  StockTransfer: typeof Models.StockTransfer
  StockTransferItem: typeof Models.StockTransferItem
  VariantTrackingSuspension: typeof Models.VariantTrackingSuspension
  ReturnAuthorization: typeof Models.ReturnAuthorization
  ReturnAuthorizationItem: typeof Models.ReturnAuthorizationItem
  StockCount: typeof Models.StockCount
  StockCountItem: typeof Models.StockCountItem
}

/**
 * The generated data methods (`listStockItems`, `createStockTransfers`, …),
 * less the ones that would edit the ledger: movements are append-only.
 */
type StockroomDataMethods = Omit<
  AbstractModuleService<ModelConfigurationsToConfigTemplate<StockroomModels>>,
  "updateStockMovements" | "deleteStockMovements" | "softDeleteStockMovements" | "restoreStockMovements"
>

/** The storefront's view of one variant in a sales channel. */
export type VariantStockRow = {
  variant_id: string
  product_id: string
  /** false: untracked (manage_inventory off or no inventory item) — never short */
  tracked: boolean
  /** units sellable from stock over the channel's locations */
  available: number
  /** every inventory item has a backorderable stock item at one of the channel's locations */
  backorderable: boolean
}

export type CartStockLine = { line_item_id?: string; variant_id: string; quantity: number }

/** The fields the stock-item list may be ordered by. */
export const STOCK_ITEM_ORDER_FIELDS = [
  "created_at",
  "updated_at",
  "count_on_hand",
  "on_hand",
  "location_id",
  "inventory_item_id",
  "id",
] as const

export type StockItemFilters = {
  id?: string[]
  inventory_item_id?: string[]
  location_id?: string[]
  backordered?: boolean
  low_stock?: boolean
  q?: string
}

/**
 * What steps, routes, subscribers and jobs may call on Stockroom's module
 * (resolve it as `container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)`).
 * Every method that takes `sharedContext` runs in the caller's transaction
 * when given one.
 */
export interface IStockroomModuleService extends StockroomDataMethods {
  getOptions(): StockroomOptions
  getVersion(): string

  ensureStockLocationSettings(
    stockLocationIds: string[],
    sharedContext?: Context
  ): Promise<{ settings: StockLocationSettingDTO[]; created_ids: string[] }>
  ensureStockItems(
    refs: StockItemRef[],
    sharedContext?: Context
  ): Promise<{ created_ids: string[]; movements: StockMovementDTO[] }>
  findStockItemIds(refs: StockItemRef[], sharedContext?: Context): Promise<Record<string, string>>
  listStockItemsWithCounts(
    filters?: StockItemFilters,
    config?: { offset?: number; limit?: number; order?: string },
    sharedContext?: Context
  ): Promise<[StockItemWithCountsDTO[], number]>
  listStockAtLocations(
    inventoryItemIds: string[],
    locationIds: string[],
    sharedContext?: Context
  ): Promise<{ inventory_item_id: string; location_id: string; available: number; backorderable: boolean }[]>

  /** Stockroom's own changes to stock: the one ledgered write path. */
  applyStockChanges(changes: ApplyStockChangeInput[], sharedContext?: Context): Promise<LedgerResult>
  /** Changes Medusa made on its own, recorded once. */
  reconcileStockItems(inputs: ReconcileStockItemInput[], sharedContext?: Context): Promise<LedgerResult>
  listDriftedStockItemIds(limit?: number, sharedContext?: Context): Promise<string[]>
  listLevelsOutOfStep(levelIds: string[], sharedContext?: Context): Promise<StockItemRef[]>
  listUntrackedLevels(limit?: number, sharedContext?: Context): Promise<StockItemRef[]>
  audit(sharedContext?: Context): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }>

  listVariantStock(salesChannelId: string, variantIds: string[], sharedContext?: Context): Promise<VariantStockRow[]>
  listProductStock(
    salesChannelId: string,
    productIds?: string[],
    sharedContext?: Context
  ): Promise<{ product_id: string; has_stock: boolean }[]>
  checkCartStock(
    salesChannelId: string,
    lines: CartStockLine[]
  ): Promise<{
    lines: (CartStockLine & { available: number; backordered: number })[]
    refused: CheckoutShortfall[]
  }>
  isVariantTrackingOutOfStep(sharedContext?: Context): Promise<boolean>
  takeVariantTrackingBatch(
    limit?: number,
    sharedContext?: Context
  ): Promise<{ variant_ids: string[]; manage_inventory: boolean }>
  clearVariantTrackingSuspensions(variantIds: string[], sharedContext?: Context): Promise<void>
  listVariantBackorderDrift(
    inventoryItemIds: string[],
    sharedContext?: Context
  ): Promise<{ variant_id: string; allow_backorder: boolean; backorderable: boolean }[]>

  placeOrderUnits(input: PlaceOrderUnitsInput, sharedContext?: Context): Promise<LedgerResult & { created: boolean }>
  shipFulfillmentUnits(input: ShipFulfillmentUnitsInput, sharedContext?: Context): Promise<LedgerResult>
  unshipFulfillmentUnits(
    input: { order_id: string; fulfillment_id: string },
    sharedContext?: Context
  ): Promise<LedgerResult>
  markUnitsShipped(fulfillmentIds: string[], sharedContext?: Context): Promise<number>
  cancelOrderUnits(orderId: string, sharedContext?: Context): Promise<LedgerResult>
  receiveReturnUnits(input: ReceiveReturnUnitsInput, sharedContext?: Context): Promise<LedgerResult>

  createReturnAuthorization(
    input: CreateReturnAuthorizationInput,
    sharedContext?: Context
  ): Promise<ReturnAuthorizationDTO>
  removeReturnAuthorization(id: string, sharedContext?: Context): Promise<void>
  retrieveReturnAuthorizationWithItems(id: string, sharedContext?: Context): Promise<ReturnAuthorizationDTO>
  cancelReturnAuthorization(
    id: string,
    canceledBy?: string | null,
    sharedContext?: Context
  ): Promise<{ return_authorization: ReturnAuthorizationDTO; released_unit_ids: string[] }>
  reopenReturnAuthorization(id: string, unitIds: string[], sharedContext?: Context): Promise<void>
  claimReturnAuthorizationReceipt(id: string, receivedBy?: string | null, sharedContext?: Context): Promise<void>
  releaseReturnAuthorizationReceipt(id: string, sharedContext?: Context): Promise<void>
  receiveReturnAuthorizationUnits(
    input: ReceiveReturnAuthorizationUnitsInput,
    sharedContext?: Context
  ): Promise<LedgerResult & { returned_unit_ids: string[] }>
  unreceiveReturnAuthorizationUnits(id: string, sharedContext?: Context): Promise<void>

  /** Opens a count of a location (every stock item there, or the given inventory items); returns its id. */
  openStockCount(input: OpenStockCountInput, sharedContext?: Context): Promise<string>
  /** Records counts on an open count; the last count of an item wins. */
  recordStockCount(id: string, input: RecordStockCountInput, sharedContext?: Context): Promise<void>
  /** Books each counted difference against on hand at its counted_at, in one transaction. */
  applyStockCount(id: string, actorId?: string | null, sharedContext?: Context): Promise<LedgerResult>
  cancelStockCount(id: string, sharedContext?: Context): Promise<void>
}
