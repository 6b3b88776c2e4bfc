import type { Context } from "@medusajs/framework/types"
import type {
  AbstractModuleService,
  ModelConfigurationsToConfigTemplate,
} from "@medusajs/framework/utils"
import type * as Models from "../models"
import type { CheckoutShortfall } from "../lib/shortfall"
import type {
  AuditProblem,
  ApplyStockChangeInput,
  LedgerResult,
  ReconcileStockItemInput,
  StockItemRef,
  StockItemWithCountsDTO,
  StockMovementDTO,
  StockMovementFilters,
  StockMovementKeyset,
  StockMovementPageOrder,
  MovementAttribution,
  SetStockLevelInput,
} from "./ledger"
import type { StockLocationSettingDTO } from "./locations"
import type { StockroomOptions } from "./options"
import type {
  CreateReturnAuthorizationInput,
  ReceiveReturnAuthorizationUnitsInput,
  ReturnAuthorizationDTO,
} from "./return-authorizations"
import type {
  CreateStockSubscriptionInput,
  RaisedStockAlert,
  StockAlertKind,
  StockSubscriptionDTO,
  StockSubscriptionFilters,
  StockSubscriptionWithTokenDTO,
  VariantDemandRow,
  WaitingSubscriptionTarget,
} from "./notifications"
import type { OpenStockCountInput, RecordStockCountInput } from "./stock-counts"
import type {
  LineReallocationPlan,
  LineReallocationTarget,
  PlaceOrderUnitsInput,
  ReallocateOrderLineInput,
  ReceiveReturnUnitsInput,
  ShipFulfillmentUnitsInput,
} from "./units"
import type {
  BackorderEta,
  CreatePurchaseOrderInput,
  IncomingStock,
  PurchaseOrderState,
  ReceivePurchaseOrderInput,
  ReceiveStockTransferInput,
  UpdatePurchaseOrderInput,
  PurchaseOrderEditUndo,
  StockTransferUndo,
} from "./purchase-orders"

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
  PurchaseOrder: typeof Models.PurchaseOrder
  PurchaseOrderItem: typeof Models.PurchaseOrderItem
  PurchaseOrderReceipt: typeof Models.PurchaseOrderReceipt
  PurchaseOrderReceiptLine: typeof Models.PurchaseOrderReceiptLine
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

/** One row of a cart's checkout hold, as released (and as restored when its checkout rolls back). */
export type CheckoutHoldRow = {
  id: string
  cart_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  expires_at: Date
}

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
  incoming?: boolean
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

  /** Stockroom's own changes to stock: the one ledgered write path. */
  applyStockChanges(changes: ApplyStockChangeInput[], sharedContext?: Context): Promise<LedgerResult>
  /** Sets how much on hand is kept out of sale and fills; writes no movement, fills backorders when lowered. */
  setSafetyStock(
    stockItemId: string,
    safetyStock: number,
    sharedContext?: Context
  ): Promise<LedgerResult & { previous_safety_stock: number }>
  /** Books the opposite of each movement (reason `rollback`): a failed operation's compensation. */
  reverseMovements(movementIds: string[], why: string, sharedContext?: Context): Promise<void>
  /** A batch of changes in one transaction; any refused row refuses all, named by index. */
  applyStockChangeBatch(changes: ApplyStockChangeInput[], sharedContext?: Context): Promise<LedgerResult>
  /** Sets absolute physical on-hand levels, each booked as one movement of the difference. */
  setStockLevels(
    levels: SetStockLevelInput[],
    attribution: MovementAttribution,
    sharedContext?: Context
  ): Promise<LedgerResult & { unchanged: number }>
  /** Changes Medusa made on its own, recorded once. */
  reconcileStockItems(inputs: ReconcileStockItemInput[], sharedContext?: Context): Promise<LedgerResult>
  listDriftedStockItemIds(limit?: number, sharedContext?: Context): Promise<string[]>
  listLevelsOutOfStep(levelIds: string[], sharedContext?: Context): Promise<StockItemRef[]>
  listUntrackedLevels(limit?: number, sharedContext?: Context): Promise<StockItemRef[]>
  audit(sharedContext?: Context): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }>
  /** How many movements match the ledger's filters (see queries/ledger-pages.ts). */
  countStockMovements(filters: StockMovementFilters, sharedContext?: Context): Promise<number>
  /** The newest movement's created_at as exact text (microseconds), null for an empty ledger. */
  newestStockMovementTime(sharedContext?: Context): Promise<string | null>
  /** One page of the ledger after a keyset (see queries/ledger-pages.ts). */
  listStockMovementPage(
    filters: StockMovementFilters,
    page: {
      order: StockMovementPageOrder
      limit: number
      after?: StockMovementKeyset | null
      until?: string | null
    },
    sharedContext?: Context
  ): Promise<{ movements: StockMovementDTO[]; next: StockMovementKeyset | null }>

  listVariantStock(salesChannelId: string, variantIds: string[], sharedContext?: Context): Promise<VariantStockRow[]>
  listProductStock(
    salesChannelId: string,
    productIds?: string[],
    sharedContext?: Context
  ): Promise<{ product_id: string; has_stock: boolean }[]>
  checkCartStock(
    salesChannelId: string,
    lines: CartStockLine[],
    /** this cart's own holds count as its own; every other cart's live holds are subtracted */
    cartId?: string | null,
    /** stock already reserved for these lines (an order's own), given back before placing */
    ownReserved?: { inventory_item_id: string; location_id: string; quantity: number }[],
    sharedContext?: Context
  ): Promise<{
    lines: (CartStockLine & { available: number; backordered: number; location_id: string | null })[]
    refused: CheckoutShortfall[]
  }>
  /** Holds each tracked line's sellable stock for checkout_hold_minutes (replacing and renewing the cart's hold). */
  holdCartStock(
    cartId: string,
    salesChannelId: string,
    lines: CartStockLine[],
    sharedContext?: Context
  ): Promise<{ expires_at: Date; items: { line_item_id: string | undefined; variant_id: string; quantity: number; held: number }[] }>
  /** Releases a cart's hold; returns the hold rows that went. */
  releaseCartHold(cartId: string, sharedContext?: Context): Promise<CheckoutHoldRow[]>
  /** Puts released hold rows back (a checkout that consumed the hold rolled back), unless the cart holds again. */
  restoreCartHold(rows: CheckoutHoldRow[], sharedContext?: Context): Promise<number>
  /** Removes expired holds (they count for nothing already). */
  sweepExpiredHolds(sharedContext?: Context): Promise<number>
  /** Live held quantities per inventory item and location. */
  listHeldQuantities(
    inventoryItemIds: string[],
    sharedContext?: Context
  ): Promise<{ inventory_item_id: string; location_id: string; held: number }[]>
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

  /** Also consumes the cart's checkout hold, in the same transaction (`released_hold`). */
  placeOrderUnits(
    input: PlaceOrderUnitsInput,
    sharedContext?: Context
  ): Promise<LedgerResult & { created: boolean; released_hold: CheckoutHoldRow[] }>
  shipFulfillmentUnits(input: ShipFulfillmentUnitsInput, sharedContext?: Context): Promise<LedgerResult>
  unshipFulfillmentUnits(
    input: { order_id: string; fulfillment_id: string },
    sharedContext?: Context
  ): Promise<LedgerResult>
  markUnitsShipped(fulfillmentIds: string[], sharedContext?: Context): Promise<number>
  cancelOrderUnits(orderId: string, sharedContext?: Context): Promise<LedgerResult>
  /**
   * Every location of the order's channel as a destination for the line's
   * unshipped units: sellable stock there, what would be on_hand and
   * backordered, and why a move there is refused. Reads only.
   */
  listLineReallocationTargets(
    input: Omit<ReallocateOrderLineInput, "location_id">,
    sharedContext?: Context
  ): Promise<LineReallocationTarget[]>
  /** Checks a line's move to a location (400 naming why not) and says what it does. Reads only. */
  planLineReallocation(input: ReallocateOrderLineInput, sharedContext?: Context): Promise<LineReallocationPlan>
  /**
   * Moves the line's unshipped units to the plan's location once its
   * reservations are there: `released` at the source (whose freed stock
   * fills backorders), `allocated` at the target, originated by the order.
   */
  reallocateOrderLineUnits(plan: LineReallocationPlan, sharedContext?: Context): Promise<LedgerResult>
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

  /** Writes a purchase order (draft, or ordered) numbered from its sequence; returns its id. */
  createPurchaseOrder(input: CreatePurchaseOrderInput, sharedContext?: Context): Promise<string>
  /** Items only while draft; expected date, note and reference also while ordered. */
  updatePurchaseOrder(input: UpdatePurchaseOrderInput, sharedContext?: Context): Promise<PurchaseOrderEditUndo>
  /** Puts back what an edit replaced (its compensation). */
  restorePurchaseOrderEdit(undo: PurchaseOrderEditUndo, sharedContext?: Context): Promise<void>
  orderPurchaseOrder(id: string, sharedContext?: Context): Promise<void>
  /** Returns the state the order had. */
  cancelPurchaseOrder(id: string, sharedContext?: Context): Promise<PurchaseOrderState>
  /** One receipt under a lock on the order: `received` movements and backorder fills in the same transaction. */
  receivePurchaseOrder(
    input: ReceivePurchaseOrderInput,
    sharedContext?: Context
  ): Promise<{ purchase_order_id: string; receipt_id: string; complete: boolean; ledger: LedgerResult }>
  revertPurchaseOrderReceipt(receiptId: string, sharedContext?: Context): Promise<void>
  receiveStockTransfer(
    input: ReceiveStockTransferInput,
    sharedContext?: Context
  ): Promise<{ transfer_id: string; complete: boolean; ledger: LedgerResult; undo: StockTransferUndo }>
  cancelStockTransfer(id: string, canceledBy?: string | null, sharedContext?: Context): Promise<LedgerResult>
  /** Undoes a receipt or cancel of a transfer in transit (its compensation): reversing movements, counts and state back. */
  revertStockTransferChange(undo: StockTransferUndo, sharedContext?: Context): Promise<void>
  /** Keyed `inventory_item_id|location_id`; places with nothing incoming are absent. */
  listIncomingStock(refs: StockItemRef[], sharedContext?: Context): Promise<Map<string, IncomingStock>>
  /** Per variant, incoming to the channel's locations; variants with nothing incoming are absent. */
  listVariantIncoming(
    salesChannelId: string,
    variantIds: string[],
    sharedContext?: Context
  ): Promise<Map<string, { incoming: number; next_restock_at: string | null }>>
  /** Keyed by unit id; rows that are not backordered are absent. */
  listBackorderEtas(unitIds: string[], sharedContext?: Context): Promise<Map<string, BackorderEta>>
  /** Subscribes an email to a variant in a channel; subscribing again returns the active one. */
  createStockSubscription(
    input: CreateStockSubscriptionInput,
    sharedContext?: Context
  ): Promise<{ subscription: StockSubscriptionWithTokenDTO; created: boolean }>
  /** Unsubscribes with the notification's token (404 unknown id, 400 wrong token). */
  cancelStockSubscription(id: string, token: string, sharedContext?: Context): Promise<StockSubscriptionWithTokenDTO>
  /** Variants and channels with waiting subscribers that stock at these places serves. */
  listWaitingSubscriptionTargets(refs: StockItemRef[], sharedContext?: Context): Promise<WaitingSubscriptionTarget[]>
  /** Marks up to `limit` waiting subscriptions notified and returns them: each is claimed once. */
  claimWaitingSubscriptions(
    target: WaitingSubscriptionTarget,
    limit: number,
    sharedContext?: Context
  ): Promise<StockSubscriptionWithTokenDTO[]>
  /** Puts claimed subscriptions whose notification was not sent back to waiting. */
  releaseStockSubscriptions(ids: string[], sharedContext?: Context): Promise<void>
  listAndCountStockSubscriptions(
    filters: StockSubscriptionFilters,
    page: { skip: number; take: number },
    sharedContext?: Context
  ): Promise<[StockSubscriptionDTO[], number]>
  /** Variants by waiting subscribers plus backordered units, largest first. */
  listAndCountStockDemand(
    page: { skip: number; take: number; variant_ids?: string[] },
    sharedContext?: Context
  ): Promise<[VariantDemandRow[], number]>
  /** Low/out-of-stock alerts to post for these stock items: once per crossing. */
  raiseStockAlerts(
    kind: Extract<StockAlertKind, "low_stock" | "out_of_stock">,
    stockItemIds: string[],
    sharedContext?: Context
  ): Promise<RaisedStockAlert[]>
  /** Alerts to post for backorders waiting longer than `backorder_alert_days`. */
  raiseBackorderAgeAlerts(sharedContext?: Context): Promise<RaisedStockAlert[]>
  /** Opens a count of a location (every stock item there, or the given inventory items); returns its id. */
  openStockCount(input: OpenStockCountInput, sharedContext?: Context): Promise<string>
  /** Records counts on an open count; the last count of an item wins. */
  recordStockCount(id: string, input: RecordStockCountInput, sharedContext?: Context): Promise<void>
  /** Books each counted difference against on hand at its counted_at, in one transaction. */
  applyStockCount(id: string, actorId?: string | null, sharedContext?: Context): Promise<LedgerResult>
  cancelStockCount(id: string, sharedContext?: Context): Promise<void>
}
