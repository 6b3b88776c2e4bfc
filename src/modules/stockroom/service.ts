import { Context, DAL } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { ActionContext } from "./context"
import { readPluginVersion } from "./version"
import { EntityManagerLike, uniquePairs } from "./ledger/sql"
import { stockItemIdsAt } from "./ledger/locks"
import * as ledger from "./ledger/record"
import * as bulk from "./bulk/apply"
import * as reverse from "./ledger/reverse"
import { assertWholeNumber } from "./lib/ledger"
import { insertMissingLocationSettings } from "./locations/settings"
import {
  InventoryUnit,
  PurchaseOrder,
  PurchaseOrderItem,
  PurchaseOrderReceipt,
  PurchaseOrderReceiptLine,
  ReturnAuthorization,
  ReturnAuthorizationItem,
  CheckoutHold,
  StockCount,
  StockCountItem,
  StockItem,
  StockLocationSetting,
  StockMovement,
  StockTransfer,
  StockTransferItem,
  VariantTrackingSuspension,
} from "./models"
import { parseStockroomOptions } from "./options"
import * as alerts from "./notifications/alerts"
import * as subscriptions from "./notifications/subscriptions"
import { checkCartPlacement } from "./checkout/placement"
import * as holds from "./checkout/holds"
import { cancelOrderUnits, receiveReturnUnits } from "./orders/cancel-and-return-units"
import { markUnitsShipped, shipFulfillmentUnits, unshipFulfillmentUnits } from "./orders/fulfillment-units"
import { placeOrderUnits } from "./orders/place-order-units"
import * as reallocation from "./orders/reallocate-line"
import { auditLedger } from "./queries/audit"
import * as ledgerPages from "./queries/ledger-pages"
import * as drift from "./queries/drift"
import * as storefront from "./queries/storefront"
import * as tracking from "./queries/tracking"
import { authorizeReturn, removeReturnAuthorization } from "./return-authorizations/authorize"
import * as raLifecycle from "./return-authorizations/lifecycle"
import * as raReceipt from "./return-authorizations/receive"
import * as stockCounts from "./stock-counts/counts"
import { insertStockItems } from "./stock-items/create"
import { listStockItemsWithCounts } from "./stock-items/list"
import { setSafetyStock } from "./stock-items/safety-stock"
import * as purchaseOrders from "./purchase-orders/lifecycle"
import * as purchaseOrderReceipts from "./purchase-orders/receive"
import * as incoming from "./queries/incoming"
import * as transit from "./transfers/transit"
import type {
  ApplyStockChangeInput,
  MovementAttribution,
  SetStockLevelInput,
  CreateReturnAuthorizationInput,
  IStockroomModuleService,
  LedgerResult,
  LineReallocationPlan,
  PlaceOrderUnitsInput,
  ReallocateOrderLineInput,
  ReceiveReturnAuthorizationUnitsInput,
  ReceiveReturnUnitsInput,
  ReconcileStockItemInput,
  ReturnAuthorizationDTO,
  ShipFulfillmentUnitsInput,
  CartStockLine,
  CheckoutHoldRow,
  CreatePurchaseOrderInput,
  ReceivePurchaseOrderInput,
  ReceiveStockTransferInput,
  UpdatePurchaseOrderInput,
  PurchaseOrderEditUndo,
  StockTransferUndo,
  StockItemFilters,
  StockItemRef,
  StockMovementFilters,
  StockMovementKeyset,
  StockMovementPageOrder,
  StockLocationSettingDTO,
  StockroomOptions,
  CreateStockSubscriptionInput,
  StockAlertKind,
  StockSubscriptionFilters,
  WaitingSubscriptionTarget,
} from "./types"
import type { OpenStockCountInput, RecordStockCountInput } from "./types"

type InjectedDependencies = { baseRepository: DAL.RepositoryService }

const appendOnly = (what: "updated" | "deleted") =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Stock movements are append-only and cannot be ${what}; record a new movement instead`
  )

/**
 * Stockroom's public API, documented method by method in
 * IStockroomModuleService (types/service.ts). Each method checks its input,
 * opens the context (a transaction for writes) and hands over to the action
 * that names the work: `ledger/` writes movements, `units/` moves inventory units,
 * `orders/` and `return-authorizations/` drive their lifecycles, `queries/`
 * and `stock-items/` read.
 */
class StockroomModuleService
  extends MedusaService({
    InventoryUnit,
    StockLocationSetting,
    StockItem,
    StockMovement,
    StockTransfer,
    StockTransferItem,
    VariantTrackingSuspension,
    ReturnAuthorization,
    ReturnAuthorizationItem,
    PurchaseOrder,
    PurchaseOrderItem,
    PurchaseOrderReceipt,
    PurchaseOrderReceiptLine,
    CheckoutHold,
    StockCount,
    StockCountItem,
  })
  implements IStockroomModuleService
{
  protected readonly options_: StockroomOptions
  protected readonly baseRepository_: DAL.RepositoryService

  constructor(dependencies: InjectedDependencies, options?: unknown) {
    // @ts-ignore
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.baseRepository_ = dependencies.baseRepository
    this.options_ = Object.freeze(parseStockroomOptions(options))
  }

  // The action context of a call: its transaction when it has one, else its manager.
  protected context_(sharedContext: Context): ActionContext {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as EntityManagerLike
    return { manager, options: this.options_ }
  }

  // Runs an action in the caller's transaction, or in a new one.
  @InjectTransactionManager()
  protected async transaction_<T>(
    action: (context: ActionContext) => Promise<T>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<T> {
    return await action(this.context_(sharedContext))
  }

  getOptions(): StockroomOptions {
    return { ...this.options_ }
  }

  getVersion(): string {
    return readPluginVersion()
  }

  // --- Locations and stock items -----------------------------------------

  @InjectManager()
  async ensureStockLocationSettings(
    stockLocationIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settings: StockLocationSettingDTO[]; created_ids: string[] }> {
    const ids = [...new Set(stockLocationIds)].sort()
    if (!ids.length) {
      return { settings: [], created_ids: [] }
    }
    const createdIds = await this.transaction_(
      (context) => insertMissingLocationSettings(context, ids),
      sharedContext
    )
    const settings = await this.listStockLocationSettings({ stock_location_id: ids }, {}, sharedContext)
    return { settings: settings as StockLocationSettingDTO[], created_ids: createdIds }
  }

  @InjectManager()
  async ensureStockItems(
    refs: StockItemRef[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created_ids: string[]; movements: LedgerResult["movements"] }> {
    const places = uniquePairs(refs)
    const createdIds = places.length
      ? await this.transaction_((context) => insertStockItems(context, places), sharedContext)
      : []
    if (!createdIds.length) {
      return { created_ids: [], movements: [] }
    }
    const { movements } = await this.reconcileStockItems(
      createdIds.map((id) => ({
        stock_item_id: id,
        kind: "reconciled" as const,
        note: "Opening balance when Stockroom started tracking this stock item",
      })),
      sharedContext
    )
    return { created_ids: createdIds, movements }
  }

  @InjectManager()
  async findStockItemIds(refs: StockItemRef[], @MedusaContext() sharedContext: Context = {}) {
    return await stockItemIdsAt(this.context_(sharedContext).manager, refs)
  }

  @InjectManager()
  async listStockItemsWithCounts(
    filters: StockItemFilters = {},
    config: { offset?: number; limit?: number; order?: string } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await listStockItemsWithCounts(this.context_(sharedContext), filters, config)
  }

  // --- The ledger --------------------------------------------------------
  // Every change to stock goes through applyStockChanges (a change Stockroom
  // makes) or reconcileStockItems (a change Medusa made), each in one
  // transaction under row locks on the stock items (ledger/record.ts).

  // Movements are append-only: a correction is a new movement.
  // @ts-expect-error the generated signature is replaced on purpose
  async updateStockMovements(): Promise<never> {
    throw appendOnly("updated")
  }

  // @ts-expect-error the generated signature is replaced on purpose
  async deleteStockMovements(): Promise<never> {
    throw appendOnly("deleted")
  }

  // @ts-expect-error the generated signature is replaced on purpose
  async softDeleteStockMovements(): Promise<never> {
    throw appendOnly("deleted")
  }

  @InjectTransactionManager()
  async applyStockChanges(
    changes: ApplyStockChangeInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    if (!changes.length) {
      return ledger.EMPTY_LEDGER_RESULT()
    }
    for (const change of changes) {
      assertWholeNumber(change.quantity, "quantity")
      assertWholeNumber(change.stocked_change, "stocked_change")
    }
    return await ledger.applyStockChanges(this.context_(sharedContext), changes)
  }

  /** A batch of changes, all or nothing; refused rows are named by index (bulk/apply.ts). */
  @InjectTransactionManager()
  async applyStockChangeBatch(
    changes: ApplyStockChangeInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    if (!changes.length) {
      return ledger.EMPTY_LEDGER_RESULT()
    }
    return await bulk.applyStockChangeBatch(this.context_(sharedContext), changes)
  }

  /**
   * Takes back movements whose operation failed after writing them: one
   * `adjusted` movement each with the opposite quantities, reason
   * `rollback` (ledger/reverse.ts). Every compensation that undoes stock
   * changes comes here.
   */
  @InjectTransactionManager()
  async reverseMovements(movementIds: string[], why: string, @MedusaContext() sharedContext: Context = {}) {
    const context = this.context_(sharedContext)
    await reverse.reverseMovements(context, await reverse.movementsById(context, movementIds), why)
  }

  /** Absolute physical on-hand levels, each booked as the difference (bulk/apply.ts). */
  @InjectTransactionManager()
  async setStockLevels(
    levels: SetStockLevelInput[],
    attribution: MovementAttribution,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult & { unchanged: number }> {
    if (!levels.length) {
      return { ...ledger.EMPTY_LEDGER_RESULT(), unchanged: 0 }
    }
    return await bulk.setStockLevels(this.context_(sharedContext), levels, attribution)
  }

  @InjectTransactionManager()
  async setSafetyStock(stockItemId: string, safetyStock: number, @MedusaContext() sharedContext: Context = {}) {
    assertWholeNumber(safetyStock, "safety_stock")
    return await setSafetyStock(this.context_(sharedContext), stockItemId, safetyStock)
  }

  @InjectTransactionManager()
  async reconcileStockItems(
    inputs: ReconcileStockItemInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    if (!inputs.length) {
      return ledger.EMPTY_LEDGER_RESULT()
    }
    return await ledger.reconcileStockItems(this.context_(sharedContext), inputs)
  }

  // --- Drift and the audit -------------------------------------------------

  @InjectManager()
  async listDriftedStockItemIds(limit = 1000, @MedusaContext() sharedContext: Context = {}) {
    return await drift.listDriftedStockItemIds(this.context_(sharedContext), limit)
  }

  @InjectManager()
  async listLevelsOutOfStep(levelIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return levelIds.length ? await drift.listLevelsOutOfStep(this.context_(sharedContext), levelIds) : []
  }

  @InjectManager()
  async listUntrackedLevels(limit = 1000, @MedusaContext() sharedContext: Context = {}) {
    return await drift.listUntrackedLevels(this.context_(sharedContext), limit)
  }

  @InjectManager()
  async audit(@MedusaContext() sharedContext: Context = {}) {
    return await auditLedger(this.context_(sharedContext))
  }

  // --- Reading the ledger at scale ------------------------------------------

  @InjectManager()
  async countStockMovements(
    filters: StockMovementFilters,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await ledgerPages.countStockMovements(this.context_(sharedContext), filters)
  }

  @InjectManager()
  async newestStockMovementTime(@MedusaContext() sharedContext: Context = {}) {
    return await ledgerPages.newestStockMovementTime(this.context_(sharedContext))
  }

  @InjectManager()
  async listStockMovementPage(
    filters: StockMovementFilters,
    page: {
      order: StockMovementPageOrder
      limit: number
      after?: StockMovementKeyset | null
      until?: string | null
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await ledgerPages.listStockMovementPage(this.context_(sharedContext), filters, page)
  }

  // --- Storefront and variant tracking --------------------------------------

  @InjectManager()
  async listVariantStock(
    salesChannelId: string,
    variantIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await storefront.listVariantStock(this.context_(sharedContext), salesChannelId, variantIds)
  }

  @InjectManager()
  async listProductStock(
    salesChannelId: string,
    productIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await storefront.listProductStock(this.context_(sharedContext), salesChannelId, productIds)
  }

  @InjectManager()
  async checkCartStock(
    salesChannelId: string,
    lines: CartStockLine[],
    cartId: string | null = null,
    ownReserved: { inventory_item_id: string; location_id: string; quantity: number }[] = [],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await checkCartPlacement(this.context_(sharedContext), salesChannelId, lines, cartId, ownReserved)
  }

  // --- Checkout holds (checkout/holds.ts) ---------------------------------

  @InjectTransactionManager()
  async holdCartStock(cartId: string, salesChannelId: string, lines: CartStockLine[], @MedusaContext() sharedContext: Context = {}) {
    return await holds.holdCartStock(this.context_(sharedContext), cartId, salesChannelId, lines)
  }

  @InjectTransactionManager()
  async releaseCartHold(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    return await holds.releaseCartHold(this.context_(sharedContext), cartId)
  }

  @InjectTransactionManager()
  async restoreCartHold(rows: CheckoutHoldRow[], @MedusaContext() sharedContext: Context = {}) {
    return await holds.restoreCartHold(this.context_(sharedContext), rows)
  }

  @InjectTransactionManager()
  async sweepExpiredHolds(@MedusaContext() sharedContext: Context = {}) {
    return await holds.sweepExpiredHolds(this.context_(sharedContext))
  }

  @InjectManager()
  async listHeldQuantities(inventoryItemIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await holds.listHeldQuantities(this.context_(sharedContext), inventoryItemIds)
  }

  @InjectManager()
  async isVariantTrackingOutOfStep(@MedusaContext() sharedContext: Context = {}) {
    return await tracking.isVariantTrackingOutOfStep(this.context_(sharedContext))
  }

  @InjectTransactionManager()
  async takeVariantTrackingBatch(limit = 500, @MedusaContext() sharedContext: Context = {}) {
    return await tracking.takeVariantTrackingBatch(this.context_(sharedContext), limit)
  }

  @InjectTransactionManager()
  async clearVariantTrackingSuspensions(variantIds: string[], @MedusaContext() sharedContext: Context = {}) {
    if (variantIds.length) {
      await tracking.clearVariantTrackingSuspensions(this.context_(sharedContext), variantIds)
    }
  }

  @InjectManager()
  async listVariantBackorderDrift(inventoryItemIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return inventoryItemIds.length
      ? await tracking.listVariantBackorderDrift(this.context_(sharedContext), inventoryItemIds)
      : []
  }

  // --- Orders: units through placement, fulfillment, cancel and return ------

  @InjectTransactionManager()
  async placeOrderUnits(input: PlaceOrderUnitsInput, @MedusaContext() sharedContext: Context = {}) {
    for (const line of input.lines) {
      assertWholeNumber(line.quantity, "quantity")
    }
    return await placeOrderUnits(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async shipFulfillmentUnits(input: ShipFulfillmentUnitsInput, @MedusaContext() sharedContext: Context = {}) {
    return await shipFulfillmentUnits(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async unshipFulfillmentUnits(
    input: { order_id: string; fulfillment_id: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await unshipFulfillmentUnits(this.context_(sharedContext), input)
  }

  @InjectManager()
  async markUnitsShipped(fulfillmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return fulfillmentIds.length ? await markUnitsShipped(this.context_(sharedContext), fulfillmentIds) : 0
  }

  @InjectTransactionManager()
  async cancelOrderUnits(orderId: string, @MedusaContext() sharedContext: Context = {}) {
    return await cancelOrderUnits(this.context_(sharedContext), orderId)
  }

  @InjectManager()
  async listLineReallocationTargets(
    input: Omit<ReallocateOrderLineInput, "location_id">,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await reallocation.listLineReallocationTargets(this.context_(sharedContext), input)
  }

  @InjectManager()
  async planLineReallocation(input: ReallocateOrderLineInput, @MedusaContext() sharedContext: Context = {}) {
    return await reallocation.planLineReallocation(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async reallocateOrderLineUnits(plan: LineReallocationPlan, @MedusaContext() sharedContext: Context = {}) {
    return await reallocation.reallocateOrderLineUnits(this.context_(sharedContext), plan)
  }

  @InjectTransactionManager()
  async receiveReturnUnits(input: ReceiveReturnUnitsInput, @MedusaContext() sharedContext: Context = {}) {
    return await receiveReturnUnits(this.context_(sharedContext), input)
  }

  // --- Return authorizations ----------------------------------------------

  @InjectManager()
  async createReturnAuthorization(
    input: CreateReturnAuthorizationInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnAuthorizationDTO> {
    const id = await this.transaction_((context) => authorizeReturn(context, input), sharedContext)
    return await this.retrieveReturnAuthorizationWithItems(id, sharedContext)
  }

  @InjectTransactionManager()
  async removeReturnAuthorization(id: string, @MedusaContext() sharedContext: Context = {}) {
    await removeReturnAuthorization(this.context_(sharedContext), id)
  }

  @InjectManager()
  async retrieveReturnAuthorizationWithItems(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnAuthorizationDTO> {
    const [found] = await this.listReturnAuthorizations({ id }, { relations: ["items"], take: 1 }, sharedContext)
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return authorization ${id} not found`)
    }
    const authorization = found as unknown as ReturnAuthorizationDTO
    authorization.items = [...(authorization.items ?? [])].sort(
      (a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id)
    )
    return authorization
  }

  @InjectManager()
  async cancelReturnAuthorization(
    id: string,
    canceledBy: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ return_authorization: ReturnAuthorizationDTO; released_unit_ids: string[] }> {
    const releasedUnitIds = await this.transaction_(
      (context) => raLifecycle.cancelReturnAuthorization(context, id, canceledBy),
      sharedContext
    )
    return {
      return_authorization: await this.retrieveReturnAuthorizationWithItems(id, sharedContext),
      released_unit_ids: releasedUnitIds,
    }
  }

  @InjectTransactionManager()
  async reopenReturnAuthorization(id: string, unitIds: string[], @MedusaContext() sharedContext: Context = {}) {
    await raLifecycle.reopenReturnAuthorization(this.context_(sharedContext), id, unitIds)
  }

  @InjectTransactionManager()
  async claimReturnAuthorizationReceipt(
    id: string,
    receivedBy: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await raLifecycle.claimReturnAuthorizationReceipt(this.context_(sharedContext), id, receivedBy)
  }

  @InjectTransactionManager()
  async releaseReturnAuthorizationReceipt(id: string, @MedusaContext() sharedContext: Context = {}) {
    await raLifecycle.releaseReturnAuthorizationReceipt(this.context_(sharedContext), id)
  }

  @InjectTransactionManager()
  async receiveReturnAuthorizationUnits(
    input: ReceiveReturnAuthorizationUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await raReceipt.receiveReturnAuthorizationUnits(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async unreceiveReturnAuthorizationUnits(id: string, @MedusaContext() sharedContext: Context = {}) {
    await raReceipt.unreceiveReturnAuthorizationUnits(this.context_(sharedContext), id)
  }

  // --- Incoming stock: purchase orders, transfers in transit, ETAs --------

  @InjectTransactionManager()
  async createPurchaseOrder(input: CreatePurchaseOrderInput, @MedusaContext() sharedContext: Context = {}) {
    return await purchaseOrders.createPurchaseOrder(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async updatePurchaseOrder(input: UpdatePurchaseOrderInput, @MedusaContext() sharedContext: Context = {}) {
    return await purchaseOrders.updatePurchaseOrder(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async restorePurchaseOrderEdit(undo: PurchaseOrderEditUndo, @MedusaContext() sharedContext: Context = {}) {
    await purchaseOrders.restorePurchaseOrderEdit(this.context_(sharedContext), undo)
  }

  @InjectTransactionManager()
  async orderPurchaseOrder(id: string, @MedusaContext() sharedContext: Context = {}) {
    await purchaseOrders.orderPurchaseOrder(this.context_(sharedContext), id)
  }

  @InjectTransactionManager()
  async cancelPurchaseOrder(id: string, @MedusaContext() sharedContext: Context = {}) {
    return await purchaseOrders.cancelPurchaseOrder(this.context_(sharedContext), id)
  }

  @InjectTransactionManager()
  async receivePurchaseOrder(input: ReceivePurchaseOrderInput, @MedusaContext() sharedContext: Context = {}) {
    return await purchaseOrderReceipts.receivePurchaseOrder(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async revertPurchaseOrderReceipt(receiptId: string, @MedusaContext() sharedContext: Context = {}) {
    await purchaseOrderReceipts.revertPurchaseOrderReceipt(this.context_(sharedContext), receiptId)
  }

  @InjectTransactionManager()
  async receiveStockTransfer(input: ReceiveStockTransferInput, @MedusaContext() sharedContext: Context = {}) {
    return await transit.receiveStockTransfer(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async cancelStockTransfer(id: string, canceledBy: string | null = null, @MedusaContext() sharedContext: Context = {}) {
    return await transit.cancelStockTransfer(this.context_(sharedContext), id, canceledBy)
  }

  @InjectTransactionManager()
  async revertStockTransferChange(undo: StockTransferUndo, @MedusaContext() sharedContext: Context = {}) {
    await transit.revertStockTransferChange(this.context_(sharedContext), undo)
  }

  @InjectManager()
  async listIncomingStock(refs: StockItemRef[], @MedusaContext() sharedContext: Context = {}) {
    return await incoming.listIncomingStock(this.context_(sharedContext), refs)
  }

  @InjectManager()
  async listVariantIncoming(salesChannelId: string, variantIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await incoming.listVariantIncoming(this.context_(sharedContext), salesChannelId, variantIds)
  }

  @InjectManager()
  async listBackorderEtas(unitIds: string[], @MedusaContext() sharedContext: Context = {}) {
    return await incoming.listBackorderEtas(this.context_(sharedContext), unitIds)
  }

  // --- Back-in-stock subscriptions and admin alerts ------------------------

  @InjectTransactionManager()
  async createStockSubscription(input: CreateStockSubscriptionInput, @MedusaContext() sharedContext: Context = {}) {
    return await subscriptions.subscribeToStock(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async cancelStockSubscription(id: string, token: string, @MedusaContext() sharedContext: Context = {}) {
    return await subscriptions.cancelStockSubscription(this.context_(sharedContext), id, token)
  }

  @InjectManager()
  async listWaitingSubscriptionTargets(refs: StockItemRef[], @MedusaContext() sharedContext: Context = {}) {
    return await subscriptions.listWaitingTargets(this.context_(sharedContext), uniquePairs(refs))
  }

  @InjectTransactionManager()
  async claimWaitingSubscriptions(
    target: WaitingSubscriptionTarget,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await subscriptions.claimWaitingSubscriptions(this.context_(sharedContext), target, limit)
  }

  @InjectTransactionManager()
  async releaseStockSubscriptions(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await subscriptions.releaseSubscriptions(this.context_(sharedContext), ids)
  }

  @InjectManager()
  async listAndCountStockSubscriptions(
    filters: StockSubscriptionFilters,
    page: { skip: number; take: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await subscriptions.listSubscriptions(this.context_(sharedContext), filters, page)
  }

  @InjectManager()
  async listAndCountStockDemand(
    page: { skip: number; take: number; variant_ids?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await subscriptions.listDemand(this.context_(sharedContext), page)
  }

  @InjectTransactionManager()
  async raiseStockAlerts(
    kind: Extract<StockAlertKind, "low_stock" | "out_of_stock">,
    stockItemIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await alerts.raiseSignalAlerts(this.context_(sharedContext), kind, stockItemIds)
  }

  @InjectTransactionManager()
  async raiseBackorderAgeAlerts(@MedusaContext() sharedContext: Context = {}) {
    return await alerts.raiseBackorderAgeAlerts(this.context_(sharedContext))
  }

  // --- Stock counts (stock-counts/) ------------------------------------------

  @InjectTransactionManager()
  async openStockCount(input: OpenStockCountInput, @MedusaContext() sharedContext: Context = {}) {
    return await stockCounts.openStockCount(this.context_(sharedContext), input)
  }

  @InjectTransactionManager()
  async recordStockCount(id: string, input: RecordStockCountInput, @MedusaContext() sharedContext: Context = {}) {
    await stockCounts.recordStockCount(this.context_(sharedContext), id, input)
  }

  @InjectTransactionManager()
  async applyStockCount(id: string, actorId: string | null = null, @MedusaContext() sharedContext: Context = {}) {
    return await stockCounts.applyStockCount(this.context_(sharedContext), id, actorId)
  }

  @InjectTransactionManager()
  async cancelStockCount(id: string, @MedusaContext() sharedContext: Context = {}) {
    await stockCounts.cancelStockCount(this.context_(sharedContext), id)
  }
}

export default StockroomModuleService
