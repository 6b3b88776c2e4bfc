import { Context, DAL, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { readFileSync } from "fs"
import { dirname, join } from "path"
import {
  InventoryUnit,
  ReturnAuthorization,
  ReturnAuthorizationItem,
  StockItem,
  StockLocationSetting,
  StockMovement,
  StockTransfer,
  StockTransferItem,
  VariantTrackingSuspension,
} from "./models"
import {
  assertWholeNumber,
  classifyOutsideChange,
  LockedLevel,
  LockedStockItem,
  placeholders,
  RAW_PRECISION,
  StockSignal,
  stockSignals,
} from "./lib/ledger"
import { CheckoutShortfall, describeCheckoutShortfalls } from "./lib/shortfall"
import {
  productStockInChannel,
  variantStockInChannel,
  VariantStockRow,
} from "./lib/storefront"
import { parseStockroomOptions } from "./options"
import {
  ApplyStockChangeInput,
  AuditProblem,
  CreateReturnAuthorizationInput,
  FilledBackorder,
  InventoryUnitState,
  PlaceOrderUnitsInput,
  ReceiveReturnAuthorizationUnitsInput,
  ReceiveReturnUnitsInput,
  ReturnAuthorizationDTO,
  ShipFulfillmentUnitsInput,
  ReconcileStockItemInput,
  StockItemRef,
  StockItemWithCountsDTO,
  StockLocationSettingDTO,
  StockMovementDTO,
  StockMovementKind,
  STOCK_MOVEMENT_COLUMNS,
  StockroomOptions,
} from "./types"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  logger?: Logger
}

type EntityManagerLike = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

const PACKAGE_NAME = "medusa-plugin-stockroom"
let cachedVersion: string | undefined

function readPluginVersion(): string {
  if (cachedVersion) {
    return cachedVersion
  }
  // Source and built layouts sit at different depths, so walk up to our own
  // package.json rather than hard-coding a relative path.
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      if (pkg.name === PACKAGE_NAME) {
        cachedVersion = String(pkg.version)
        return cachedVersion
      }
    } catch {
      // no package.json at this level
    }
    dir = dirname(dir)
  }
  cachedVersion = "unknown"
  return cachedVersion
}

export type LedgerResult = {
  movements: StockMovementDTO[]
  signals: StockSignal[]
  /** backordered units the change filled */
  filled: FilledBackorder[]
  /** orders whose last backorder the change filled */
  orders_without_backorders: string[]
}

const EMPTY_RESULT = (): LedgerResult => ({
  movements: [],
  signals: [],
  filled: [],
  orders_without_backorders: [],
})

/** The part of `expected` that `actual` contains (same sign, no larger). */
function overlap(actual: number, expected: number): number {
  if (actual === 0 || expected === 0 || Math.sign(actual) !== Math.sign(expected)) {
    return 0
  }
  return Math.sign(expected) * Math.min(Math.abs(actual), Math.abs(expected))
}

function pairKey(ref: { inventory_item_id: string; location_id: string }): string {
  return `${ref.inventory_item_id}|${ref.location_id}`
}

function uniquePairs(refs: { inventory_item_id: string; location_id: string }[]): StockItemRef[] {
  const pairs = new Map<string, StockItemRef>()
  for (const ref of refs) {
    if (ref.inventory_item_id && ref.location_id) {
      pairs.set(pairKey(ref), {
        inventory_item_id: ref.inventory_item_id,
        location_id: ref.location_id,
      })
    }
  }
  return [...pairs.values()]
}

const UNIT_INSERT_COLUMNS = [
  "id",
  "order_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "state",
  "quantity",
  "ordered_at",
] as const

/** Columns a split copies from the original row unless the patch sets them. */
const UNIT_COPIED = [
  "order_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "state",
  "fulfillment_id",
  "shipped_at",
  "return_id",
  "return_authorization_id",
  "ordered_at",
] as const
const UNIT_PATCHABLE = [
  "location_id",
  "fulfillment_id",
  "shipped_at",
  "return_id",
  "return_authorization_id",
] as const

type PendingMovement = Omit<StockMovementDTO, "id" | "created_at"> & {
  id: string
}

const MOVEMENT_COLUMNS = STOCK_MOVEMENT_COLUMNS

class StockroomModuleService extends MedusaService({
  InventoryUnit,
  StockLocationSetting,
  StockItem,
  StockMovement,
  StockTransfer,
  StockTransferItem,
  VariantTrackingSuspension,
  ReturnAuthorization,
  ReturnAuthorizationItem,
}) {
  protected readonly options_: StockroomOptions
  protected readonly baseRepository_: DAL.RepositoryService

  constructor(dependencies: InjectedDependencies, options?: unknown) {
    // @ts-ignore
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.baseRepository_ = dependencies.baseRepository
    this.options_ = Object.freeze(parseStockroomOptions(options))
  }

  /**
   * The effective plugin options, defaults filled in. Never includes the
   * `database` block Medusa injects into every module's options.
   */
  getOptions(): StockroomOptions {
    return { ...this.options_ }
  }

  /**
   * Makes sure every given stock location has its setting row, creating the
   * missing ones with the defaults from the plugin options. Safe to call
   * twice or concurrently: an existing row is left as it is.
   */
  @InjectManager()
  async ensureStockLocationSettings(
    stockLocationIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ settings: StockLocationSettingDTO[]; created_ids: string[] }> {
    const ids = [...new Set(stockLocationIds)].sort()
    if (!ids.length) {
      return { settings: [], created_ids: [] }
    }
    const createdIds = await this.ensureStockLocationSettings_(
      ids,
      sharedContext
    )
    const settings = (await this.listStockLocationSettings(
      { stock_location_id: ids },
      {},
      sharedContext
    )) as StockLocationSettingDTO[]
    return { settings, created_ids: createdIds }
  }

  @InjectTransactionManager()
  protected async ensureStockLocationSettings_(
    stockLocationIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const defaults = this.options_
    const values: string[] = []
    const params: unknown[] = []
    for (const stockLocationId of stockLocationIds) {
      values.push("(?, ?, ?, ?, ?)")
      params.push(
        generateEntityId(undefined, "srls"),
        stockLocationId,
        defaults.backorderable_default,
        defaults.propagate_all_variants,
        defaults.restock_inventory
      )
    }
    // ON CONFLICT against the partial unique index keeps concurrent callers
    // (the workflow hook and the event subscriber) from racing each other.
    const created = await manager.execute(
      `INSERT INTO stock_location_setting
         (id, stock_location_id, backorderable_default, propagate_all_variants, restock_inventory)
       VALUES ${values.join(", ")}
       ON CONFLICT (stock_location_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      params
    )
    return created.map((row) => row.id as string)
  }

  /**
   * The installed plugin's version, read from its package.json.
   */
  getVersion(): string {
    return readPluginVersion()
  }

  // ---------------------------------------------------------------------
  // The ledger. Every change to stock goes through applyStockChanges (a
  // change Stockroom makes) or reconcileStockItems (a change Medusa made),
  // each in one transaction under a row lock on the stock items.
  // ---------------------------------------------------------------------

  /**
   * Stock movements are append-only: a correction is a new movement.
   */
  // @ts-expect-error the generated signature is replaced on purpose
  async updateStockMovements(): Promise<never> {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Stock movements are append-only and cannot be updated; record a new movement instead"
    )
  }

  // @ts-expect-error the generated signature is replaced on purpose
  async deleteStockMovements(): Promise<never> {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Stock movements are append-only and cannot be deleted; record a new movement instead"
    )
  }

  // @ts-expect-error the generated signature is replaced on purpose
  async softDeleteStockMovements(): Promise<never> {
    return this.deleteStockMovements()
  }

  /**
   * Applies signed changes to stock items: Medusa's inventory level moves by
   * `stocked_change` with an atomic increment, and a movement with the
   * balances after it is written, all in one transaction under a lock on
   * each stock item (taken in id order). Any drift Medusa made since the last
   * movement is ledgered first as `reconciled`, so the balance chain holds.
   */
  @InjectManager()
  async applyStockChanges(
    changes: ApplyStockChangeInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    if (!changes.length) {
      return EMPTY_RESULT()
    }
    for (const change of changes) {
      assertWholeNumber(change.quantity, "quantity")
      assertWholeNumber(change.stocked_change, "stocked_change")
    }
    return await this.applyStockChanges_(changes, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyStockChanges_(
    changes: ApplyStockChangeInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const ids = [...new Set(changes.map((c) => c.stock_item_id))]
    const { items, levels } = await this.lockStockItems_(manager, ids)

    const pending: PendingMovement[] = []
    const signals: StockSignal[] = []
    const levelDeltas = new Map<string, number>()

    for (const item of items) {
      const level = levels.get(item.id)!
      const before = level.stocked_quantity - level.reserved_quantity
      const state = this.catchUpDrift_(item, level, pending)

      for (const change of changes.filter((c) => c.stock_item_id === item.id)) {
        if (change.quantity === 0 && change.stocked_change === 0) {
          continue
        }
        const countOnHandAfter = state.count_on_hand + change.quantity
        if (
          change.enforce_availability &&
          change.quantity < 0 &&
          countOnHandAfter < 0 &&
          !item.backorderable
        ) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Cannot take ${-change.quantity} from stock item ${item.id} (inventory item ${item.inventory_item_id} at location ${item.location_id}): only ${Math.max(state.count_on_hand, 0)} available and the stock item is not backorderable`
          )
        }
        state.count_on_hand = countOnHandAfter
        state.on_hand += change.stocked_change
        state.sequence += 1
        pending.push(
          this.buildMovement_(item, state, change.kind, change.quantity, change.stocked_change, change)
        )
        levelDeltas.set(
          level.id,
          (levelDeltas.get(level.id) ?? 0) + change.stocked_change
        )
      }

      signals.push(
        ...stockSignals(
          item,
          this.effectiveThreshold(item.low_stock_threshold),
          before,
          state.count_on_hand
        )
      )
      this.rememberBalances_(item, state)
    }

    for (const [levelId, delta] of levelDeltas) {
      if (delta === 0) {
        continue
      }
      await manager.execute(
        `UPDATE inventory_level
            SET stocked_quantity = stocked_quantity + ?,
                raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + ?)::text, 'precision', ${RAW_PRECISION}),
                updated_at = now()
          WHERE id = ?`,
        [delta, delta, levelId]
      )
    }
    const movements = await this.writeLedger_(manager, items, pending)
    const decreased = items.filter((item) =>
      changes.some((change) => change.stock_item_id === item.id && change.stocked_change < 0)
    )
    await this.backorderUnitsBeyondStock_(manager, decreased)
    return { movements, signals, ...(await this.fillBackorders_(manager, items)) }
  }

  /**
   * Stockroom took physical stock away (an admin decrease, a transfer out)
   * below what on_hand units hold: the newest of those units become
   * backordered, so on_hand units never exceed on hand (invariant 4).
   * Changes Medusa makes itself are left alone here: its fulfillment moves
   * stock before Stockroom ships the units, and demoting in between would
   * refuse a fulfillment that was allowed.
   */
  protected async backorderUnitsBeyondStock_(
    manager: EntityManagerLike,
    items: StockItemRef[]
  ): Promise<void> {
    const pairs = uniquePairs(items)
    if (!pairs.length) {
      return
    }
    const excessRows = await manager.execute(
      `SELECT l.inventory_item_id, l.location_id,
              SUM(u.quantity) - GREATEST(l.stocked_quantity, 0) AS excess
         FROM inventory_level l
         JOIN inventory_unit u
           ON u.inventory_item_id = l.inventory_item_id AND u.location_id = l.location_id
          AND u.deleted_at IS NULL AND u.state = 'on_hand'
        WHERE l.deleted_at IS NULL
          AND (l.inventory_item_id, l.location_id) IN (${placeholders(pairs.length, "(?, ?)")})
        GROUP BY l.inventory_item_id, l.location_id, l.stocked_quantity
       HAVING SUM(u.quantity) > GREATEST(l.stocked_quantity, 0)`,
      pairs.flatMap((pair) => [pair.inventory_item_id, pair.location_id])
    )
    for (const row of excessRows) {
      let excess = Number(row.excess)
      const newestFirst = await manager.execute(
        `SELECT id, quantity FROM inventory_unit
          WHERE inventory_item_id = ? AND location_id = ? AND state = 'on_hand'
            AND deleted_at IS NULL
          ORDER BY ordered_at DESC, id DESC
            FOR UPDATE`,
        [row.inventory_item_id, row.location_id]
      )
      for (const unit of newestFirst) {
        if (excess <= 0) {
          break
        }
        const take = Math.min(Number(unit.quantity), excess)
        excess -= take
        await this.moveUnit_(manager, { id: unit.id, quantity: Number(unit.quantity) }, take, {
          state: "backordered",
        })
      }
    }
  }

  /**
   * Records what Medusa changed on its own (fulfillment, return, reservation,
   * its admin level forms): the difference between each item's level and
   * its last ledgered balances becomes one movement. A stock item already
   * in step writes nothing, so calling this twice records a change once.
   */
  @InjectManager()
  async reconcileStockItems(
    inputs: ReconcileStockItemInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    if (!inputs.length) {
      return EMPTY_RESULT()
    }
    return await this.reconcileStockItems_(inputs, sharedContext)
  }

  @InjectTransactionManager()
  protected async reconcileStockItems_(
    inputs: ReconcileStockItemInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const byItem = new Map(inputs.map((input) => [input.stock_item_id, input]))
    const { items, levels } = await this.lockStockItems_(manager, [
      ...byItem.keys(),
    ])
    const pending: PendingMovement[] = []
    const signals: StockSignal[] = []
    for (const item of items) {
      const level = levels.get(item.id)!
      const before = item.ledger_count_on_hand
      const state = this.catchUpDrift_(item, level, pending, byItem.get(item.id))
      signals.push(
        ...stockSignals(
          item,
          this.effectiveThreshold(item.low_stock_threshold),
          before,
          state.count_on_hand
        )
      )
      this.rememberBalances_(item, state)
    }
    const movements = await this.writeLedger_(manager, items, pending)
    return { movements, signals, ...(await this.fillBackorders_(manager, items)) }
  }

  protected catchUpDrift_(
    item: LockedStockItem,
    level: LockedLevel,
    pending: PendingMovement[],
    attribution?: ReconcileStockItemInput
  ) {
    const state = {
      on_hand: item.ledger_on_hand,
      count_on_hand: item.ledger_count_on_hand,
      sequence: item.last_sequence,
    }
    const stockedChange = level.stocked_quantity - state.on_hand
    const quantity =
      level.stocked_quantity - level.reserved_quantity - state.count_on_hand
    if (stockedChange === 0 && quantity === 0 && !attribution?.reclaim_unattributed) {
      return state
    }
    const book = (
      kind: StockMovementKind,
      movementQuantity: number,
      movementStockedChange: number,
      source: Partial<ReconcileStockItemInput>
    ) => {
      if (movementQuantity === 0 && movementStockedChange === 0) {
        return
      }
      state.on_hand += movementStockedChange
      state.count_on_hand += movementQuantity
      state.sequence += 1
      pending.push(
        this.buildMovement_(item, state, kind, movementQuantity, movementStockedChange, {
          originator_type: source.originator_type ?? "system",
          originator_id: source.originator_id ?? null,
          actor_id: source.actor_id ?? null,
          reason: source.reason ?? null,
          note:
            source.note !== undefined
              ? source.note
              : "Change made outside Stockroom, recorded when it was noticed",
          metadata: source.metadata ?? null,
        })
      )
    }
    const expectsAmounts =
      attribution?.expected_quantity !== undefined ||
      attribution?.expected_stocked_change !== undefined
    if (!attribution?.kind || !expectsAmounts) {
      const kind =
        attribution?.kind ?? classifyOutsideChange(stockedChange, quantity)
      book(kind, quantity, stockedChange, attribution ?? {})
      return state
    }
    if (attribution.trust_expected) {
      // The operation certainly made its change and its events are not out:
      // whatever else the level shows came first and is `reconciled` (or,
      // with reclaim_unattributed, reverses an earlier unattributed booking
      // of this very change), then the operation's own part.
      const expectedQuantity = attribution.expected_quantity ?? 0
      const expectedStocked = attribution.expected_stocked_change ?? 0
      const restQuantity = quantity - expectedQuantity
      const restStocked = stockedChange - expectedStocked
      book(classifyOutsideChange(restStocked, restQuantity), restQuantity, restStocked, {})
      book(attribution.kind, expectedQuantity, expectedStocked, attribution)
      return state
    }
    // Book under the operation's kind only what it changed and the level
    // still shows unexplained; whatever else moved is `reconciled`.
    const attributedQuantity = overlap(quantity, attribution.expected_quantity ?? 0)
    const attributedStocked = overlap(
      stockedChange,
      attribution.expected_stocked_change ?? 0
    )
    book(attribution.kind, attributedQuantity, attributedStocked, attribution)
    const restQuantity = quantity - attributedQuantity
    const restStocked = stockedChange - attributedStocked
    book(classifyOutsideChange(restStocked, restQuantity), restQuantity, restStocked, {})
    return state
  }

  protected buildMovement_(
    item: LockedStockItem,
    state: { on_hand: number; count_on_hand: number; sequence: number },
    kind: StockMovementKind,
    quantity: number,
    stockedChange: number,
    attribution: ApplyStockChangeInput | ReconcileStockItemInput | Record<string, any>
  ): PendingMovement {
    return {
      id: generateEntityId(undefined, "smov"),
      stock_item_id: item.id,
      inventory_item_id: item.inventory_item_id,
      location_id: item.location_id,
      kind,
      quantity,
      stocked_change: stockedChange,
      count_on_hand_after: state.count_on_hand,
      stocked_after: state.on_hand,
      sequence: state.sequence,
      originator_type: attribution.originator_type ?? null,
      originator_id: attribution.originator_id ?? null,
      actor_id: attribution.actor_id ?? null,
      reason: attribution.reason ?? null,
      note: attribution.note ?? null,
      metadata: attribution.metadata ?? null,
    }
  }

  protected rememberBalances_(
    item: LockedStockItem,
    state: { on_hand: number; count_on_hand: number; sequence: number }
  ) {
    item.ledger_on_hand = state.on_hand
    item.ledger_count_on_hand = state.count_on_hand
    item.last_sequence = state.sequence
  }

  protected async lockStockItems_(
    manager: EntityManagerLike,
    stockItemIds: string[]
  ): Promise<{ items: LockedStockItem[]; levels: Map<string, LockedLevel> }> {
    const ids = [...new Set(stockItemIds)].sort()
    const rows = await manager.execute(
      `SELECT id, inventory_item_id, location_id, backorderable, low_stock_threshold,
              last_sequence, ledger_on_hand, ledger_count_on_hand
         FROM stock_item
        WHERE deleted_at IS NULL AND id IN (${placeholders(ids.length)})
        ORDER BY id
          FOR UPDATE`,
      ids
    )
    const items: LockedStockItem[] = rows.map((row) => ({
      ...row,
      low_stock_threshold:
        row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
      last_sequence: Number(row.last_sequence),
      ledger_on_hand: Number(row.ledger_on_hand),
      ledger_count_on_hand: Number(row.ledger_count_on_hand),
    }))
    const found = new Set(items.map((item) => item.id))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock item${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not found`
      )
    }

    const levelRows = await manager.execute(
      `SELECT id, inventory_item_id, location_id, stocked_quantity, reserved_quantity
         FROM inventory_level
        WHERE deleted_at IS NULL
          AND (inventory_item_id, location_id) IN (${placeholders(items.length, "(?, ?)")})
        ORDER BY id
          FOR UPDATE`,
      items.flatMap((item) => [item.inventory_item_id, item.location_id])
    )
    const levelByKey = new Map<string, LockedLevel>(
      levelRows.map((row) => [
        `${row.inventory_item_id}|${row.location_id}`,
        {
          ...row,
          stocked_quantity: Number(row.stocked_quantity),
          reserved_quantity: Number(row.reserved_quantity),
        },
      ])
    )
    const levels = new Map<string, LockedLevel>()
    for (const item of items) {
      const level = levelByKey.get(`${item.inventory_item_id}|${item.location_id}`)
      if (!level) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Inventory item ${item.inventory_item_id} is not stocked at location ${item.location_id} (no inventory level)`
        )
      }
      levels.set(item.id, level)
    }
    return { items, levels }
  }

  protected async writeLedger_(
    manager: EntityManagerLike,
    items: LockedStockItem[],
    pending: PendingMovement[]
  ): Promise<StockMovementDTO[]> {
    if (!pending.length) {
      return []
    }
    const params: unknown[] = []
    for (const movement of pending) {
      for (const column of MOVEMENT_COLUMNS) {
        const value = movement[column]
        params.push(
          column === "metadata" && value !== null ? JSON.stringify(value) : value
        )
      }
    }
    const inserted = await manager.execute(
      `INSERT INTO stock_movement (${MOVEMENT_COLUMNS.join(", ")})
       VALUES ${placeholders(pending.length, `(${placeholders(MOVEMENT_COLUMNS.length)})`)}
       RETURNING id, created_at`,
      params
    )
    const createdAt = new Map(inserted.map((row) => [row.id, row.created_at]))

    const touched = new Set(pending.map((movement) => movement.stock_item_id))
    for (const item of items.filter((item) => touched.has(item.id))) {
      await manager.execute(
        `UPDATE stock_item
            SET last_sequence = ?, ledger_on_hand = ?, ledger_count_on_hand = ?, updated_at = now()
          WHERE id = ?`,
        [item.last_sequence, item.ledger_on_hand, item.ledger_count_on_hand, item.id]
      )
    }
    return pending.map((movement) => ({
      ...movement,
      created_at: createdAt.get(movement.id),
    }))
  }

  /** The item's own threshold, else the store-wide option. */
  effectiveThreshold(ownThreshold: number | null | undefined): number | null {
    return ownThreshold ?? this.options_.low_stock_threshold
  }

  // ---------------------------------------------------------------------
  // Stock items
  // ---------------------------------------------------------------------

  /**
   * Makes sure a stock item exists for every (inventory item, location),
   * `backorderable` from the location's setting. Stock a level already holds
   * is ledgered as the item's opening balance, so the ledger explains every
   * unit from the start. Idempotent and safe under concurrency.
   */
  @InjectManager()
  async ensureStockItems(
    refs: StockItemRef[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created_ids: string[]; movements: StockMovementDTO[] }> {
    const unique = new Map<string, StockItemRef>()
    for (const ref of refs) {
      unique.set(`${ref.inventory_item_id}|${ref.location_id}`, ref)
    }
    if (!unique.size) {
      return { created_ids: [], movements: [] }
    }
    const createdIds = await this.insertStockItems_([...unique.values()], sharedContext)
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

  @InjectTransactionManager()
  protected async insertStockItems_(
    refs: StockItemRef[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const created: string[] = []
    const defaultBackorderable = this.options_.backorderable_default
    for (let start = 0; start < refs.length; start += 1000) {
      const batch = refs.slice(start, start + 1000)
      const params: unknown[] = []
      for (const ref of batch) {
        params.push(
          generateEntityId(undefined, "sitem"),
          ref.inventory_item_id,
          ref.location_id
        )
      }
      // Only rows backed by a live inventory level are created: a stock
      // item's counts are that level's.
      const rows = await manager.execute(
        `INSERT INTO stock_item (id, inventory_item_id, location_id, backorderable)
         SELECT v.id, v.inventory_item_id, v.location_id,
                COALESCE(s.backorderable_default, ?)
           FROM (VALUES ${placeholders(batch.length, "(?, ?, ?)")})
                AS v(id, inventory_item_id, location_id)
           LEFT JOIN stock_location_setting s
                  ON s.stock_location_id = v.location_id AND s.deleted_at IS NULL
          WHERE EXISTS (SELECT 1 FROM inventory_level l
                         WHERE l.inventory_item_id = v.inventory_item_id
                           AND l.location_id = v.location_id
                           AND l.deleted_at IS NULL)
         ON CONFLICT (inventory_item_id, location_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [defaultBackorderable, ...params]
      )
      created.push(...rows.map((row) => row.id as string))
    }
    return created
  }

  /**
   * The ids of the stock items at the given (inventory item, location)
   * pairs, keyed `inventory_item_id|location_id`.
   */
  @InjectManager()
  async findStockItemIds(
    refs: StockItemRef[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, string>> {
    const manager = sharedContext.manager as EntityManagerLike
    const found: Record<string, string> = {}
    for (let start = 0; start < refs.length; start += 1000) {
      const batch = refs.slice(start, start + 1000)
      const rows = await manager.execute(
        `SELECT id, inventory_item_id, location_id FROM stock_item
          WHERE deleted_at IS NULL
            AND (inventory_item_id, location_id) IN (${placeholders(batch.length, "(?, ?)")})`,
        batch.flatMap((ref) => [ref.inventory_item_id, ref.location_id])
      )
      for (const row of rows) {
        found[`${row.inventory_item_id}|${row.location_id}`] = row.id
      }
    }
    return found
  }

  /**
   * Stock items with their live counts read from Medusa's inventory levels.
   * One query with the filters applied in SQL, so paging and `count` agree.
   */
  @InjectManager()
  async listStockItemsWithCounts(
    filters: {
      id?: string[]
      inventory_item_id?: string[]
      location_id?: string[]
      backordered?: boolean
      low_stock?: boolean
      q?: string
    } = {},
    config: { offset?: number; limit?: number; order?: string } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<[StockItemWithCountsDTO[], number]> {
    const manager = sharedContext.manager as EntityManagerLike
    const where: string[] = ["si.deleted_at IS NULL"]
    const params: unknown[] = []
    const addIn = (column: string, values?: string[]) => {
      if (values?.length) {
        where.push(`${column} IN (${placeholders(values.length)})`)
        params.push(...values)
      }
    }
    addIn("si.id", filters.id)
    addIn("si.inventory_item_id", filters.inventory_item_id)
    addIn("si.location_id", filters.location_id)
    if (filters.q) {
      where.push(
        "(ii.sku ILIKE ? OR ii.title ILIKE ? OR si.inventory_item_id = ?)"
      )
      const like = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
      params.push(like, like, filters.q)
    }
    const counts = `COALESCE(l.stocked_quantity, 0)::int AS on_hand,
           COALESCE(l.reserved_quantity, 0)::int AS allocated,
           (COALESCE(l.stocked_quantity, 0) - COALESCE(l.reserved_quantity, 0))::int AS count_on_hand,
           COALESCE((SELECT SUM(u.quantity) FROM inventory_unit u
                      WHERE u.inventory_item_id = si.inventory_item_id
                        AND u.location_id = si.location_id
                        AND u.state = 'backordered' AND u.deleted_at IS NULL), 0)::int
             AS backordered_quantity,
           COALESCE(si.low_stock_threshold, ?::int) AS effective_low_stock_threshold`
    const thresholdParam = this.options_.low_stock_threshold
    const having: string[] = []
    if (filters.low_stock !== undefined) {
      having.push(
        filters.low_stock
          ? "effective_low_stock_threshold IS NOT NULL AND count_on_hand <= effective_low_stock_threshold"
          : "(effective_low_stock_threshold IS NULL OR count_on_hand > effective_low_stock_threshold)"
      )
    }
    if (filters.backordered !== undefined) {
      having.push(filters.backordered ? "backordered_quantity > 0" : "backordered_quantity = 0")
    }
    const ORDERABLE: Record<string, string> = {
      created_at: "created_at",
      updated_at: "updated_at",
      count_on_hand: "count_on_hand",
      on_hand: "on_hand",
      location_id: "location_id",
      inventory_item_id: "inventory_item_id",
      id: "id",
    }
    const orderKey = (config.order ?? "created_at").replace(/^-/, "")
    const direction = config.order?.startsWith("-") ? "DESC" : "ASC"
    const orderBy = `${ORDERABLE[orderKey] ?? "created_at"} ${direction}, id ASC`
    const base = `SELECT si.id, si.inventory_item_id, si.location_id, si.backorderable,
           si.low_stock_threshold, si.created_at, si.updated_at, ${counts}
      FROM stock_item si
      LEFT JOIN inventory_level l
             ON l.inventory_item_id = si.inventory_item_id
            AND l.location_id = si.location_id AND l.deleted_at IS NULL
      LEFT JOIN inventory_item ii ON ii.id = si.inventory_item_id
     WHERE ${where.join(" AND ")}`
    const filtered = `SELECT * FROM (${base}) AS items${having.length ? ` WHERE ${having.join(" AND ")}` : ""}`
    const allParams = [thresholdParam, ...params]
    const [rows, [{ count }]] = await Promise.all([
      manager.execute(
        `${filtered} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
        [...allParams, config.limit ?? 50, config.offset ?? 0]
      ),
      manager.execute(`SELECT count(*)::int AS count FROM (${filtered}) AS c`, allParams),
    ])
    const items = rows.map((row) => {
      const threshold =
        row.effective_low_stock_threshold === null
          ? null
          : Number(row.effective_low_stock_threshold)
      const countOnHand = Number(row.count_on_hand)
      return {
        id: row.id,
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
        backorderable: row.backorderable,
        low_stock_threshold:
          row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
        created_at: row.created_at,
        updated_at: row.updated_at,
        on_hand: Number(row.on_hand),
        allocated: Number(row.allocated),
        count_on_hand: countOnHand,
        backordered_quantity: Number(row.backordered_quantity),
        effective_low_stock_threshold: threshold,
        low_stock: threshold !== null && countOnHand <= threshold,
      }
    })
    return [items, Number(count)]
  }

  /**
   * The storefront's view of variants in a sales channel. With
   * `track_inventory_levels` off every variant is untracked: stock is
   * treated as infinite.
   */
  @InjectManager()
  async listVariantStock(
    salesChannelId: string,
    variantIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<VariantStockRow[]> {
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await variantStockInChannel(
      (sql, params) => manager.execute(sql, params),
      salesChannelId,
      [...new Set(variantIds)]
    )
    if (this.options_.track_inventory_levels) {
      return rows.map((row) => ({
        ...row,
        backorderable: row.tracked && this.options_.allow_backorders && row.backorderable,
      }))
    }
    return rows.map((row) => ({ ...row, tracked: false, backorderable: false }))
  }

  /** Whether products have stock in a sales channel (all of them when `product_ids` is omitted). */
  @InjectManager()
  async listProductStock(
    salesChannelId: string,
    productIds?: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ product_id: string; has_stock: boolean }[]> {
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await productStockInChannel(
      (sql, params) => manager.execute(sql, params),
      salesChannelId,
      productIds && [...new Set(productIds)]
    )
    return this.options_.track_inventory_levels
      ? rows
      : rows.map((row) => ({ ...row, has_stock: true }))
  }

  /**
   * What a cart may not take under the store's policy, summing the lines of
   * each variant: a tracked variant short of stock is refused unless
   * backorders are allowed and it is backorderable in the cart's channel.
   * Per line: the quantity, what stock covers, and what would be backordered.
   */
  async checkCartStock(
    salesChannelId: string,
    lines: { line_item_id?: string; variant_id: string; quantity: number }[]
  ): Promise<{
    lines: { line_item_id?: string; variant_id: string; quantity: number; available: number; backordered: number }[]
    refused: CheckoutShortfall[]
  }> {
    const stock = new Map(
      (await this.listVariantStock(salesChannelId, lines.map((line) => line.variant_id))).map(
        (row) => [row.variant_id, row]
      )
    )
    const remaining = new Map<string, number>()
    const requested = new Map<string, number>()
    const result = lines.map((line) => {
      const row = stock.get(line.variant_id)
      requested.set(line.variant_id, (requested.get(line.variant_id) ?? 0) + line.quantity)
      if (!row?.tracked) {
        return { ...line, available: line.quantity, backordered: 0 }
      }
      const left = remaining.get(line.variant_id) ?? row.available
      const covered = Math.min(line.quantity, left)
      remaining.set(line.variant_id, left - covered)
      return { ...line, available: covered, backordered: line.quantity - covered }
    })
    const refused: CheckoutShortfall[] = []
    for (const [variantId, quantity] of requested) {
      const row = stock.get(variantId)
      if (row?.tracked && quantity > row.available && !row.backorderable) {
        refused.push({ variant_id: variantId, requested: quantity, available: row.available })
      }
    }
    return { lines: result, refused }
  }

  /**
   * Whether Medusa's variants disagree with `track_inventory_levels`: with
   * tracking off, a variant still managing inventory; with it on, a variant
   * Stockroom switched off and has not restored yet. One cheap query.
   */
  @InjectManager()
  async isVariantTrackingOutOfStep(@MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.manager as EntityManagerLike
    const [row] = this.options_.track_inventory_levels
      ? await manager.execute(`SELECT 1 FROM variant_tracking_suspension LIMIT 1`)
      : await manager.execute(
          `SELECT 1 FROM product_variant WHERE manage_inventory AND deleted_at IS NULL LIMIT 1`
        )
    return !!row
  }

  /**
   * Up to `limit` variants to switch: with tracking off, variants managing
   * inventory (recorded as suspended first, so a crash between the record
   * and Medusa's update loses nothing); with it on, the recorded ones.
   */
  @InjectTransactionManager()
  async takeVariantTrackingBatch(
    limit = 500,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ variant_ids: string[]; manage_inventory: boolean }> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    if (this.options_.track_inventory_levels) {
      const rows = await manager.execute(
        `SELECT variant_id FROM variant_tracking_suspension ORDER BY variant_id LIMIT ?`,
        [limit]
      )
      return { variant_ids: rows.map((row) => row.variant_id), manage_inventory: true }
    }
    const rows = await manager.execute(
      `SELECT id FROM product_variant WHERE manage_inventory AND deleted_at IS NULL
        ORDER BY id LIMIT ?`,
      [limit]
    )
    const variantIds: string[] = rows.map((row) => row.id)
    if (variantIds.length) {
      await manager.execute(
        `INSERT INTO variant_tracking_suspension (id, variant_id, created_at, updated_at)
         VALUES ${placeholders(variantIds.length, "(?, ?, now(), now())")}
         ON CONFLICT (variant_id) WHERE deleted_at IS NULL DO NOTHING`,
        variantIds.flatMap((id) => [generateEntityId(undefined, "srvts"), id])
      )
    }
    return { variant_ids: variantIds, manage_inventory: false }
  }

  /** Forgets suspensions once Medusa's variants manage inventory again. */
  @InjectTransactionManager()
  async clearVariantTrackingSuspensions(
    variantIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!variantIds.length) {
      return
    }
    const manager = sharedContext.transactionManager as EntityManagerLike
    await manager.execute(
      `DELETE FROM variant_tracking_suspension WHERE variant_id IN (${placeholders(variantIds.length)})`,
      variantIds
    )
  }

  /**
   * Variants of the given inventory items whose Medusa `allow_backorder`
   * disagrees with their stock items: on when every inventory item of the
   * variant has a backorderable stock item somewhere, off otherwise.
   */
  @InjectManager()
  async listVariantBackorderDrift(
    inventoryItemIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ variant_id: string; allow_backorder: boolean; backorderable: boolean }[]> {
    if (!inventoryItemIds.length) {
      return []
    }
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await manager.execute(
      `SELECT v.id AS variant_id, v.allow_backorder,
              BOOL_AND(EXISTS (SELECT 1 FROM stock_item si
                                WHERE si.inventory_item_id = pvii.inventory_item_id
                                  AND si.backorderable AND si.deleted_at IS NULL)) AS backorderable
         FROM product_variant v
         JOIN product_variant_inventory_item pvii
           ON pvii.variant_id = v.id AND pvii.deleted_at IS NULL
        WHERE v.deleted_at IS NULL AND v.manage_inventory
          AND v.id IN (SELECT variant_id FROM product_variant_inventory_item
                        WHERE deleted_at IS NULL
                          AND inventory_item_id IN (${placeholders(inventoryItemIds.length)}))
        GROUP BY v.id, v.allow_backorder`,
      inventoryItemIds
    )
    return rows
      .filter((row) => !!row.allow_backorder !== !!row.backorderable)
      .map((row) => ({
        variant_id: row.variant_id,
        allow_backorder: !!row.allow_backorder,
        backorderable: !!row.backorderable,
      }))
  }

  /**
   * Per inventory item and location: Medusa's available count (stocked −
   * reserved) and whether the stock item there may be backordered.
   */
  @InjectManager()
  async listStockAtLocations(
    inventoryItemIds: string[],
    locationIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ inventory_item_id: string; location_id: string; available: number; backorderable: boolean }[]> {
    if (!inventoryItemIds.length || !locationIds.length) {
      return []
    }
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await manager.execute(
      `SELECT si.inventory_item_id, si.location_id, si.backorderable,
              COALESCE(l.stocked_quantity - l.reserved_quantity, 0)::int AS available
         FROM stock_item si
         LEFT JOIN inventory_level l
                ON l.inventory_item_id = si.inventory_item_id
               AND l.location_id = si.location_id AND l.deleted_at IS NULL
        WHERE si.deleted_at IS NULL
          AND si.inventory_item_id IN (${placeholders(inventoryItemIds.length)})
          AND si.location_id IN (${placeholders(locationIds.length)})`,
      [...inventoryItemIds, ...locationIds]
    )
    return rows.map((row) => ({
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      available: Number(row.available),
      backorderable: !!row.backorderable,
    }))
  }

  /**
   * Stock items whose Medusa level no longer matches their ledger balances:
   * what the periodic sweep reconciles.
   */
  @InjectManager()
  async listDriftedStockItemIds(
    limit = 1000,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await manager.execute(
      `SELECT si.id
         FROM stock_item si
         JOIN inventory_level l
           ON l.inventory_item_id = si.inventory_item_id
          AND l.location_id = si.location_id AND l.deleted_at IS NULL
        WHERE si.deleted_at IS NULL
          AND (l.stocked_quantity <> si.ledger_on_hand
               OR l.stocked_quantity - l.reserved_quantity <> si.ledger_count_on_hand)
        ORDER BY si.id
        LIMIT ?`,
      [limit]
    )
    return rows.map((row) => row.id as string)
  }

  /**
   * Of the given levels, those the ledger does not explain yet: no stock
   * item, or balances that differ. One query, so a burst of level events
   * (a new location propagating to 10,000 items) costs little when
   * everything is already in step.
   */
  @InjectManager()
  async listLevelsOutOfStep(
    levelIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StockItemRef[]> {
    if (!levelIds.length) {
      return []
    }
    const manager = sharedContext.manager as EntityManagerLike
    return await manager.execute(
      `SELECT l.inventory_item_id, l.location_id
         FROM inventory_level l
         LEFT JOIN stock_item si
           ON si.inventory_item_id = l.inventory_item_id
          AND si.location_id = l.location_id AND si.deleted_at IS NULL
        WHERE l.deleted_at IS NULL AND l.id IN (${placeholders(levelIds.length)})
          AND (si.id IS NULL
               OR l.stocked_quantity <> si.ledger_on_hand
               OR l.stocked_quantity - l.reserved_quantity <> si.ledger_count_on_hand)`,
      levelIds
    )
  }

  /**
   * Live inventory levels that have no stock item yet (a store that had
   * stock before Stockroom, or a level created while events were missed).
   */
  @InjectManager()
  async listUntrackedLevels(
    limit = 1000,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StockItemRef[]> {
    const manager = sharedContext.manager as EntityManagerLike
    return await manager.execute(
      `SELECT l.inventory_item_id, l.location_id
         FROM inventory_level l
        WHERE l.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM stock_item si
                           WHERE si.inventory_item_id = l.inventory_item_id
                             AND si.location_id = l.location_id
                             AND si.deleted_at IS NULL)
        ORDER BY l.inventory_item_id, l.location_id
        LIMIT ?`,
      [limit]
    )
  }

  // ---------------------------------------------------------------------
  // Audit
  // ---------------------------------------------------------------------

  /**
   * Checks invariants 1–5 for every stock item: the ledger sums equal
   * Medusa's level, each movement's balances are the running sums in
   * sequence order, and no movement was edited or removed.
   */
  @InjectManager()
  async audit(
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }> {
    const manager = sharedContext.manager as EntityManagerLike
    const problems: AuditProblem[] = []

    const sums = await manager.execute(
      `SELECT si.id, si.inventory_item_id, si.location_id, si.last_sequence,
              l.stocked_quantity::int AS stocked, l.reserved_quantity::int AS reserved,
              COALESCE(m.sum_stocked, 0)::int AS sum_stocked,
              COALESCE(m.sum_quantity, 0)::int AS sum_quantity,
              COALESCE(m.n, 0)::int AS n, COALESCE(m.max_sequence, 0)::int AS max_sequence,
              COALESCE(m.edited, 0)::int AS edited
         FROM stock_item si
         LEFT JOIN inventory_level l
                ON l.inventory_item_id = si.inventory_item_id
               AND l.location_id = si.location_id AND l.deleted_at IS NULL
         LEFT JOIN (SELECT stock_item_id, sum(stocked_change) AS sum_stocked,
                           sum(quantity) AS sum_quantity, count(*) AS n,
                           max(sequence) AS max_sequence,
                           count(*) FILTER (WHERE deleted_at IS NOT NULL
                                               OR updated_at <> created_at) AS edited
                      FROM stock_movement GROUP BY stock_item_id) m
                ON m.stock_item_id = si.id
        WHERE si.deleted_at IS NULL`
    )
    for (const row of sums) {
      const ref = {
        stock_item_id: row.id,
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
      }
      if (row.stocked === null) {
        continue
      }
      if (row.sum_stocked !== row.stocked) {
        problems.push({
          ...ref,
          invariant: 1,
          message: `Σ stocked_change is ${row.sum_stocked} but Medusa's stocked_quantity is ${row.stocked}`,
          expected: row.stocked,
          actual: row.sum_stocked,
        })
      }
      if (row.sum_quantity !== row.stocked - row.reserved) {
        problems.push({
          ...ref,
          invariant: 1,
          message: `Σ quantity is ${row.sum_quantity} but stocked − reserved is ${row.stocked - row.reserved}`,
          expected: row.stocked - row.reserved,
          actual: row.sum_quantity,
        })
      }
      if (row.n !== row.max_sequence || row.max_sequence !== Number(row.last_sequence)) {
        problems.push({
          ...ref,
          invariant: 3,
          message: `${row.n} movements but sequences run to ${row.max_sequence} (stock item says ${row.last_sequence}): a movement is missing`,
          expected: Number(row.last_sequence),
          actual: row.n,
        })
      }
      if (row.edited > 0) {
        problems.push({
          ...ref,
          invariant: 3,
          message: `${row.edited} movement(s) were edited or deleted after being written`,
          expected: 0,
          actual: row.edited,
        })
      }
    }

    const chainBreaks = await manager.execute(
      `SELECT id, stock_item_id, inventory_item_id, location_id, sequence,
              stocked_after, count_on_hand_after, running_stocked, running_quantity
         FROM (SELECT m.*,
                      sum(stocked_change) OVER w AS running_stocked,
                      sum(quantity) OVER w AS running_quantity
                 FROM stock_movement m
               WINDOW w AS (PARTITION BY stock_item_id ORDER BY sequence
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) t
        WHERE stocked_after <> running_stocked OR count_on_hand_after <> running_quantity
        ORDER BY stock_item_id, sequence
        LIMIT 1000`
    )
    for (const row of chainBreaks) {
      problems.push({
        stock_item_id: row.stock_item_id,
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
        invariant: 2,
        message: `Movement ${row.id} (sequence ${row.sequence}) says stocked_after ${row.stocked_after} / count_on_hand_after ${row.count_on_hand_after}, running sums are ${row.running_stocked} / ${row.running_quantity}`,
      })
    }
    const unitBreaches = await manager.execute(
      `SELECT l.inventory_item_id, l.location_id, si.id AS stock_item_id,
              l.stocked_quantity::int AS stocked,
              COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0)::int AS on_hand_units,
              COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0)::int AS backordered_units
         FROM inventory_unit u
         JOIN inventory_level l
           ON l.inventory_item_id = u.inventory_item_id AND l.location_id = u.location_id
          AND l.deleted_at IS NULL
         LEFT JOIN stock_item si
           ON si.inventory_item_id = u.inventory_item_id AND si.location_id = u.location_id
          AND si.deleted_at IS NULL
        WHERE u.deleted_at IS NULL AND u.state IN ('on_hand', 'backordered')
        GROUP BY l.inventory_item_id, l.location_id, si.id, l.stocked_quantity
       HAVING COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0) > GREATEST(l.stocked_quantity, 0)
           OR (COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0) > 0
               AND l.stocked_quantity > COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0))
        LIMIT 1000`
    )
    for (const row of unitBreaches) {
      const waiting = row.backordered_units > 0 && row.stocked > row.on_hand_units
      problems.push({
        stock_item_id: row.stock_item_id,
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
        invariant: 4,
        message: waiting
          ? `${row.backordered_units} unit(s) wait backordered while ${row.stocked - row.on_hand_units} unit(s) on hand are free (on hand ${row.stocked}, on_hand units ${row.on_hand_units})`
          : `on_hand units hold ${row.on_hand_units} but only ${row.stocked} are on hand`,
        expected: waiting ? row.on_hand_units : row.stocked,
        actual: waiting ? row.stocked : row.on_hand_units,
      })
    }
    // Invariant 5: per order line and inventory item, the units that are
    // not canceled add up to the line quantity × the kit's required quantity
    // (canceled orders excluded: all their unshipped units are canceled).
    const lineBreaches = await manager.execute(
      `SELECT u.order_id, u.line_item_id, u.inventory_item_id, u.location_id, si.id AS stock_item_id,
              SUM(u.quantity)::int AS units,
              (oi.quantity * COALESCE(pvii.required_quantity, 1))::int AS expected
         FROM inventory_unit u
         JOIN "order" o ON o.id = u.order_id AND o.deleted_at IS NULL AND o.status <> 'canceled'
         JOIN order_item oi
           ON oi.order_id = o.id AND oi.item_id = u.line_item_id AND oi.version = o.version
          AND oi.deleted_at IS NULL
         LEFT JOIN product_variant_inventory_item pvii
           ON pvii.variant_id = u.variant_id AND pvii.inventory_item_id = u.inventory_item_id
          AND pvii.deleted_at IS NULL
         LEFT JOIN stock_item si
           ON si.inventory_item_id = u.inventory_item_id AND si.location_id = u.location_id
          AND si.deleted_at IS NULL
        WHERE u.deleted_at IS NULL AND u.state <> 'canceled' AND u.inventory_item_id IS NOT NULL
        GROUP BY u.order_id, u.line_item_id, u.inventory_item_id, u.location_id, si.id,
                 oi.quantity, pvii.required_quantity
       HAVING SUM(u.quantity) <> oi.quantity * COALESCE(pvii.required_quantity, 1)
        LIMIT 1000`
    )
    for (const row of lineBreaches) {
      problems.push({
        stock_item_id: row.stock_item_id,
        inventory_item_id: row.inventory_item_id,
        location_id: row.location_id,
        invariant: 5,
        message: `Order ${row.order_id} line ${row.line_item_id} has ${row.units} unit(s) of inventory item ${row.inventory_item_id} that are not canceled; the line needs ${row.expected}`,
        expected: row.expected,
        actual: row.units,
      })
    }
    return { ok: problems.length === 0, checked: sums.length, problems }
  }

  // ---------------------------------------------------------------------
  // Inventory units and backorders
  // ---------------------------------------------------------------------

  /**
   * Fills backorders wherever free physical stock (on hand − unshipped
   * on_hand units) exists at the given stock items' (inventory item,
   * location): oldest `ordered_at` first, then id, splitting the last unit
   * when only part of it can be filled. No stock changes: the debt was
   * booked when the order was placed. Runs in the caller's transaction,
   * under its locks on the stock items.
   */
  protected async fillBackorders_(
    manager: EntityManagerLike,
    items: StockItemRef[]
  ): Promise<Pick<LedgerResult, "filled" | "orders_without_backorders">> {
    const pairs = uniquePairs(items)
    if (!pairs.length) {
      return { filled: [], orders_without_backorders: [] }
    }
    const queues = await manager.execute(
      `SELECT l.inventory_item_id, l.location_id, l.stocked_quantity,
              COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0) AS on_hand_units
         FROM inventory_level l
         JOIN inventory_unit u
           ON u.inventory_item_id = l.inventory_item_id AND u.location_id = l.location_id
          AND u.deleted_at IS NULL AND u.state IN ('on_hand', 'backordered')
        WHERE l.deleted_at IS NULL
          AND (l.inventory_item_id, l.location_id) IN (${placeholders(pairs.length, "(?, ?)")})
        GROUP BY l.inventory_item_id, l.location_id, l.stocked_quantity
       HAVING COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0) > 0`,
      pairs.flatMap((pair) => [pair.inventory_item_id, pair.location_id])
    )
    const filled: FilledBackorder[] = []
    for (const queue of queues) {
      let free = Number(queue.stocked_quantity) - Number(queue.on_hand_units)
      if (free <= 0) {
        continue
      }
      const waiting = await manager.execute(
        `SELECT id, order_id, line_item_id, quantity FROM inventory_unit
          WHERE inventory_item_id = ? AND location_id = ? AND state = 'backordered'
            AND deleted_at IS NULL
          ORDER BY ordered_at, id
            FOR UPDATE`,
        [queue.inventory_item_id, queue.location_id]
      )
      const whole: string[] = []
      for (const unit of waiting) {
        if (free <= 0) {
          break
        }
        const quantity = Number(unit.quantity)
        const take = Math.min(quantity, free)
        free -= take
        let unitId = unit.id
        if (take === quantity) {
          whole.push(unit.id)
        } else {
          unitId = await this.splitUnit_(manager, unit.id, take, { state: "on_hand" })
        }
        filled.push({
          inventory_unit_id: unitId,
          order_id: unit.order_id,
          line_item_id: unit.line_item_id,
          inventory_item_id: queue.inventory_item_id,
          location_id: queue.location_id,
          quantity: take,
        })
      }
      if (whole.length) {
        await manager.execute(
          `UPDATE inventory_unit SET state = 'on_hand', updated_at = now()
            WHERE id IN (${placeholders(whole.length)})`,
          whole
        )
      }
    }
    if (!filled.length) {
      return { filled, orders_without_backorders: [] }
    }
    const orderIds = [...new Set(filled.map((unit) => unit.order_id))]
    const stillWaiting = await manager.execute(
      `SELECT DISTINCT order_id FROM inventory_unit
        WHERE order_id IN (${placeholders(orderIds.length)})
          AND state = 'backordered' AND deleted_at IS NULL`,
      orderIds
    )
    const waitingIds = new Set(stillWaiting.map((row) => row.order_id))
    return {
      filled,
      orders_without_backorders: orderIds.filter((id) => !waitingIds.has(id)),
    }
  }

  /**
   * Moves `quantity` of a unit row into a new row with `patch` applied; the
   * original keeps the rest. Returns the new row's id.
   */
  protected async splitUnit_(
    manager: EntityManagerLike,
    unitId: string,
    quantity: number,
    patch: { state: InventoryUnitState } & Partial<Record<(typeof UNIT_PATCHABLE)[number], unknown>>
  ): Promise<string> {
    const id = generateEntityId(undefined, "iunit")
    const columns = [...UNIT_COPIED].filter((column) => !(column in patch))
    const patchColumns = Object.keys(patch)
    await manager.execute(
      `INSERT INTO inventory_unit (id, quantity, ${[...columns, ...patchColumns].join(", ")}, created_at, updated_at)
       SELECT ?, ?, ${[...columns, ...patchColumns.map(() => "?")].join(", ")}, now(), now()
         FROM inventory_unit WHERE id = ?`,
      [id, quantity, ...patchColumns.map((column) => (patch as any)[column]), unitId]
    )
    await manager.execute(
      `UPDATE inventory_unit SET quantity = quantity - ?, updated_at = now() WHERE id = ?`,
      [quantity, unitId]
    )
    return id
  }

  /** Moves `quantity` of a unit into the patched state, splitting when it is only part. */
  protected async moveUnit_(
    manager: EntityManagerLike,
    unit: { id: string; quantity: number },
    quantity: number,
    patch: { state: InventoryUnitState } & Partial<Record<(typeof UNIT_PATCHABLE)[number], unknown>>
  ): Promise<string> {
    if (quantity < unit.quantity) {
      return await this.splitUnit_(manager, unit.id, quantity, patch)
    }
    const columns = Object.keys(patch)
    await manager.execute(
      `UPDATE inventory_unit SET ${columns.map((column) => `${column} = ?`).join(", ")}, updated_at = now()
        WHERE id = ?`,
      [...columns.map((column) => (patch as any)[column]), unit.id]
    )
    return unit.id
  }

  /**
   * Locks the stock items at the given pairs (in id order) and ledgers what
   * Medusa changed there, attributing to the operation the part it made.
   * Then fills backorders wherever stock was freed.
   */
  protected async attributeAndFill_(
    manager: EntityManagerLike,
    attributions: (StockItemRef & Omit<ReconcileStockItemInput, "stock_item_id">)[],
    alsoFill: StockItemRef[] = []
  ): Promise<LedgerResult> {
    const byPair = new Map<string, StockItemRef & Omit<ReconcileStockItemInput, "stock_item_id">>()
    for (const attribution of attributions) {
      const key = pairKey(attribution)
      const known = byPair.get(key)
      if (known) {
        known.expected_quantity = (known.expected_quantity ?? 0) + (attribution.expected_quantity ?? 0)
        known.expected_stocked_change =
          (known.expected_stocked_change ?? 0) + (attribution.expected_stocked_change ?? 0)
      } else {
        byPair.set(key, { ...attribution })
      }
    }
    const { items, levels } = await this.lockStockItemsAt_(manager, [
      ...byPair.values(),
      ...alsoFill,
    ])
    if (!items.length) {
      return EMPTY_RESULT()
    }
    const pending: PendingMovement[] = []
    const signals: StockSignal[] = []
    for (const item of items) {
      const level = levels.get(item.id)!
      const before = item.ledger_count_on_hand
      const attribution = byPair.get(pairKey(item))
      const state = this.catchUpDrift_(
        item,
        level,
        pending,
        attribution ? { ...attribution, stock_item_id: item.id } : undefined
      )
      signals.push(
        ...stockSignals(item, this.effectiveThreshold(item.low_stock_threshold), before, state.count_on_hand)
      )
      this.rememberBalances_(item, state)
    }
    const movements = await this.writeLedger_(manager, items, pending)
    return { movements, signals, ...(await this.fillBackorders_(manager, items)) }
  }

  /**
   * Locks (in id order) the stock items at the given pairs, with their
   * levels; pairs without a stock item are skipped, and none at all is fine.
   */
  protected async lockStockItemsAt_(
    manager: EntityManagerLike,
    pairs: StockItemRef[]
  ): Promise<{ items: LockedStockItem[]; levels: Map<string, LockedLevel> }> {
    const ids = Object.values(await this.stockItemIdsAt_(manager, uniquePairs(pairs)))
    return ids.length
      ? await this.lockStockItems_(manager, ids)
      : { items: [], levels: new Map<string, LockedLevel>() }
  }

  /** Free physical stock per locked pair: on hand − unshipped on_hand units. */
  protected async freeStock_(
    manager: EntityManagerLike,
    locked: { items: LockedStockItem[]; levels: Map<string, LockedLevel> }
  ): Promise<Map<string, number>> {
    const onHandUnits = await this.onHandUnits_(manager, locked.items)
    const free = new Map<string, number>()
    for (const item of locked.items) {
      const level = locked.levels.get(item.id)!
      free.set(pairKey(item), level.stocked_quantity - (onHandUnits.get(pairKey(item)) ?? 0))
    }
    return free
  }

  /**
   * Moves `quantity` out of the given unit rows, in their order, into the
   * patched state (splitting the last row when only part of it moves).
   * Returns the rows it took from.
   */
  protected async moveUnitsInOrder_<T extends { id: string; quantity: number | string }>(
    manager: EntityManagerLike,
    units: T[],
    quantity: number,
    patch: { state: InventoryUnitState } & Partial<Record<(typeof UNIT_PATCHABLE)[number], unknown>>
  ): Promise<T[]> {
    const taken: T[] = []
    let remaining = quantity
    for (const unit of units) {
      if (remaining <= 0) {
        break
      }
      const take = Math.min(Number(unit.quantity), remaining)
      remaining -= take
      await this.moveUnit_(manager, { id: unit.id, quantity: Number(unit.quantity) }, take, patch)
      taken.push(unit)
    }
    return taken
  }

  protected async stockItemIdsAt_(
    manager: EntityManagerLike,
    pairs: StockItemRef[]
  ): Promise<Record<string, string>> {
    if (!pairs.length) {
      return {}
    }
    const rows = await manager.execute(
      `SELECT id, inventory_item_id, location_id FROM stock_item
        WHERE deleted_at IS NULL
          AND (inventory_item_id, location_id) IN (${placeholders(pairs.length, "(?, ?)")})`,
      pairs.flatMap((pair) => [pair.inventory_item_id, pair.location_id])
    )
    return Object.fromEntries(rows.map((row) => [pairKey(row), row.id]))
  }

  /** on_hand unit quantities per pair, for the free-stock computation. */
  protected async onHandUnits_(
    manager: EntityManagerLike,
    pairs: StockItemRef[]
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>()
    if (!pairs.length) {
      return result
    }
    const rows = await manager.execute(
      `SELECT inventory_item_id, location_id, SUM(quantity) AS quantity FROM inventory_unit
        WHERE deleted_at IS NULL AND state = 'on_hand'
          AND (inventory_item_id, location_id) IN (${placeholders(pairs.length, "(?, ?)")})
        GROUP BY inventory_item_id, location_id`,
      pairs.flatMap((pair) => [pair.inventory_item_id, pair.location_id])
    )
    for (const row of rows) {
      result.set(pairKey(row), Number(row.quantity))
    }
    return result
  }

  /** Serialises all unit work on one order (redelivered and racing events). */
  protected async lockOrderUnits_(manager: EntityManagerLike, orderId: string) {
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [
      `stockroom:order-units:${orderId}`,
    ])
  }

  /** Whether any unit already carries this order, fulfillment or return. */
  protected async hasUnits_(
    manager: EntityManagerLike,
    column: "order_id" | "fulfillment_id" | "return_id",
    value: string
  ): Promise<boolean> {
    const [row] = await manager.execute(
      `SELECT 1 AS found FROM inventory_unit WHERE ${column} = ? AND deleted_at IS NULL LIMIT 1`,
      [value]
    )
    return !!row
  }

  /**
   * Order placed: units per line and inventory item at the location Medusa
   * reserved, on_hand up to the free physical stock there, the rest
   * backordered; the reservation Medusa made is ledgered as `allocated`.
   * Idempotent: an order that already has units changes nothing.
   */
  @InjectManager()
  async placeOrderUnits(
    input: PlaceOrderUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult & { created: boolean }> {
    for (const line of input.lines) {
      assertWholeNumber(line.quantity, "quantity")
    }
    return await this.placeOrderUnits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async placeOrderUnits_(
    input: PlaceOrderUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult & { created: boolean }> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    // Serialises redelivered and concurrent events for one order.
    await this.lockOrderUnits_(manager, input.order_id)
    // Only what the order's units do not cover yet is created: a redelivered
    // event creates nothing, and an exchange, claim or edit that adds items
    // creates units for those alone (queued from now, not from the order date).
    const existing = await manager.execute(
      `SELECT line_item_id, inventory_item_id, SUM(quantity) AS quantity FROM inventory_unit
        WHERE order_id = ? AND state <> 'canceled' AND deleted_at IS NULL
        GROUP BY line_item_id, inventory_item_id`,
      [input.order_id]
    )
    const covered = new Map<string, number>(
      existing.map((row) => [`${row.line_item_id}|${row.inventory_item_id ?? ""}`, Number(row.quantity)])
    )
    const orderedAt = existing.length ? new Date() : input.ordered_at
    const lines = input.lines
      .map((line) => ({
        ...line,
        quantity:
          line.quantity - (covered.get(`${line.line_item_id}|${line.inventory_item_id ?? ""}`) ?? 0),
      }))
      .filter((line) => line.quantity > 0)
    if (!lines.length) {
      return { ...EMPTY_RESULT(), created: false }
    }
    const tracked = lines.filter(
      (line): line is typeof line & StockItemRef =>
        !!line.inventory_item_id && !!line.location_id
    )
    const locked = await this.lockStockItemsAt_(manager, tracked)
    const free = await this.freeStock_(manager, locked)

    const units: Record<string, unknown>[] = []
    const unit = (line: (typeof lines)[number], state: InventoryUnitState, quantity: number) => ({
      id: generateEntityId(undefined, "iunit"),
      order_id: input.order_id,
      line_item_id: line.line_item_id,
      variant_id: line.variant_id,
      inventory_item_id: line.inventory_item_id,
      location_id: line.location_id,
      state,
      quantity,
      ordered_at: orderedAt,
    })
    const refused: CheckoutShortfall[] = []
    for (const line of lines) {
      const key = line.inventory_item_id && line.location_id ? pairKey(line as StockItemRef) : null
      if (!key || !free.has(key)) {
        units.push(unit(line, "on_hand", line.quantity))
        continue
      }
      const freeBefore = Math.max(free.get(key)!, 0)
      const onHand = Math.min(line.quantity, freeBefore)
      free.set(key, free.get(key)! - onHand)
      if (onHand > 0) {
        units.push(unit(line, "on_hand", onHand))
      }
      if (line.quantity - onHand > 0) {
        units.push(unit(line, "backordered", line.quantity - onHand))
        // With backorders off this is the last word on overselling: the stock
        // items are locked, so concurrent checkouts cannot both take the last
        // unit. (Where backorders are allowed, the cart's validate hook has
        // already required a backorderable stock item in the channel; Medusa
        // chooses the location it reserves at.)
        if (input.within_checkout && !this.options_.allow_backorders) {
          refused.push({
            variant_id: line.variant_id,
            inventory_item_id: line.inventory_item_id!,
            location_id: line.location_id!,
            requested: line.quantity,
            available: freeBefore,
          })
        }
      }
    }
    if (refused.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCheckoutShortfalls(refused))
    }
    await manager.execute(
      `INSERT INTO inventory_unit (${UNIT_INSERT_COLUMNS.join(", ")}, created_at, updated_at)
       VALUES ${placeholders(units.length, `(${placeholders(UNIT_INSERT_COLUMNS.length)}, now(), now())`)}`,
      units.flatMap((row) => UNIT_INSERT_COLUMNS.map((column) => row[column]))
    )

    const pending: PendingMovement[] = []
    const signals: StockSignal[] = []
    for (const item of locked.items) {
      const level = locked.levels.get(item.id)!
      const before = item.ledger_count_on_hand
      const ordered = tracked
        .filter((line) => pairKey(line) === pairKey(item))
        .reduce((sum, line) => sum + line.quantity, 0)
      const state = this.catchUpDrift_(item, level, pending, {
        stock_item_id: item.id,
        kind: "allocated",
        // Medusa's reservation is certainly in the level by now — the hook
        // runs after Medusa reserved, and `order.placed` or the exchange,
        // claim and edit events only once its workflow finished — and units
        // are created once per line (a redelivered event stops above). Another
        // checkout's, the level subscriber's or another process's write may
        // have ledgered it unattributed: the order reclaims it.
        trust_expected: true,
        reclaim_unattributed: true,
        expected_quantity: -ordered,
        expected_stocked_change: 0,
        originator_type: "order",
        originator_id: input.order_id,
        note: null,
      })
      signals.push(
        ...stockSignals(item, this.effectiveThreshold(item.low_stock_threshold), before, state.count_on_hand)
      )
      this.rememberBalances_(item, state)
    }
    const movements = await this.writeLedger_(manager, locked.items, pending)
    return { movements, signals, filled: [], orders_without_backorders: [], created: true }
  }

  /**
   * Fulfillment created: the order's on_hand units of each fulfilled line
   * become shipped (backordered ones too when allow_backorder_shipping is
   * on, refused otherwise), and the stock Medusa took is ledgered as
   * `shipped` with the fulfillment as originator. Idempotent per fulfillment.
   */
  @InjectManager()
  async shipFulfillmentUnits(
    input: ShipFulfillmentUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    return await this.shipFulfillmentUnits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async shipFulfillmentUnits_(
    input: ShipFulfillmentUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockOrderUnits_(manager, input.order_id)
    const already = await this.hasUnits_(manager, "fulfillment_id", input.fulfillment_id)
    if (already) {
      return EMPTY_RESULT()
    }
    const items = input.items.filter((item) => item.quantity > 0)
    const shippedFrom = items.map((item) => ({
      inventory_item_id: item.inventory_item_id,
      location_id: input.location_id,
    }))
    // Lock the stock items first, so unit changes and the ledger agree.
    await this.lockStockItemsAt_(manager, shippedFrom)
    const touched: StockItemRef[] = [...shippedFrom]
    const attributions: (StockItemRef & Omit<ReconcileStockItemInput, "stock_item_id">)[] = []
    for (const item of items) {
      const units = await manager.execute(
        `SELECT id, quantity, state, location_id FROM inventory_unit
          WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
            AND state IN ('on_hand', 'backordered') AND deleted_at IS NULL
          ORDER BY (state = 'backordered'), (location_id = ?) DESC, ordered_at, id
            FOR UPDATE`,
        [input.order_id, item.line_item_id, item.inventory_item_id, input.location_id]
      )
      const onHand = units
        .filter((unit) => unit.state === "on_hand")
        .reduce((sum, unit) => sum + Number(unit.quantity), 0)
      const backordered = units
        .filter((unit) => unit.state === "backordered")
        .reduce((sum, unit) => sum + Number(unit.quantity), 0)
      if (item.quantity > onHand && backordered > 0 && !this.options_.allow_backorder_shipping) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Cannot fulfill ${item.quantity} of line item ${item.line_item_id} (inventory item ${item.inventory_item_id}): only ${onHand} on hand for it, ${backordered} backordered, and allow_backorder_shipping is false`
        )
      }
      const taken = await this.moveUnitsInOrder_(manager, units, item.quantity, {
        state: "shipped",
        fulfillment_id: input.fulfillment_id,
        location_id: input.location_id,
      })
      // Units reserved elsewhere free stock there: fill backorders at those too.
      for (const unit of taken) {
        if (unit.location_id && unit.location_id !== input.location_id) {
          touched.push({ inventory_item_id: item.inventory_item_id, location_id: unit.location_id })
        }
      }
      attributions.push({
        inventory_item_id: item.inventory_item_id,
        location_id: input.location_id,
        kind: "shipped",
        trust_expected: true,
        expected_quantity: 0,
        expected_stocked_change: -item.quantity,
        originator_type: "fulfillment",
        originator_id: input.fulfillment_id,
        note: null,
      })
    }
    return await this.attributeAndFill_(manager, attributions, touched)
  }

  /**
   * Fulfillment canceled: its shipped units come back, on_hand as far as the
   * stock Medusa put back allows and backordered beyond, and that stock is
   * ledgered as `unshipped`; then backorders fill.
   */
  @InjectManager()
  async unshipFulfillmentUnits(
    input: { order_id: string; fulfillment_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    return await this.unshipFulfillmentUnits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async unshipFulfillmentUnits_(
    input: { order_id: string; fulfillment_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockOrderUnits_(manager, input.order_id)
    const units = await manager.execute(
      `SELECT id, quantity, inventory_item_id, location_id FROM inventory_unit
        WHERE fulfillment_id = ? AND state = 'shipped' AND deleted_at IS NULL
          AND inventory_item_id IS NOT NULL
        ORDER BY ordered_at, id`,
      [input.fulfillment_id]
    )
    if (!units.length) {
      return EMPTY_RESULT()
    }
    const free = await this.freeStock_(manager, await this.lockStockItemsAt_(manager, units))
    const attributions: (StockItemRef & Omit<ReconcileStockItemInput, "stock_item_id">)[] = []
    for (const unit of units) {
      const key = pairKey(unit)
      const quantity = Number(unit.quantity)
      const onHand = Math.min(quantity, Math.max(free.get(key) ?? 0, 0))
      free.set(key, (free.get(key) ?? 0) - onHand)
      const back = { fulfillment_id: null, shipped_at: null }
      if (onHand > 0 && onHand < quantity) {
        await this.splitUnit_(manager, unit.id, onHand, { state: "on_hand", ...back })
        await this.moveUnit_(manager, { id: unit.id, quantity: quantity - onHand }, quantity - onHand, {
          state: "backordered",
          ...back,
        })
      } else {
        await this.moveUnit_(manager, { id: unit.id, quantity }, quantity, {
          state: onHand > 0 ? "on_hand" : "backordered",
          ...back,
        })
      }
      attributions.push({
        inventory_item_id: unit.inventory_item_id,
        location_id: unit.location_id,
        kind: "unshipped",
        trust_expected: true,
        expected_quantity: 0,
        expected_stocked_change: quantity,
        originator_type: "fulfillment",
        originator_id: input.fulfillment_id,
        note: null,
      })
    }
    return await this.attributeAndFill_(manager, attributions)
  }

  /** Shipment created: the fulfillment's units carry the shipping time. */
  @InjectManager()
  async markUnitsShipped(
    fulfillmentIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    if (!fulfillmentIds.length) {
      return 0
    }
    const manager = sharedContext.manager as EntityManagerLike
    const rows = await manager.execute(
      `UPDATE inventory_unit SET shipped_at = now(), updated_at = now()
        WHERE fulfillment_id IN (${placeholders(fulfillmentIds.length)})
          AND state = 'shipped' AND shipped_at IS NULL AND deleted_at IS NULL
        RETURNING id`,
      fulfillmentIds
    )
    return rows.length
  }

  /**
   * Order canceled: its unshipped units are canceled, the reservations
   * Medusa dropped are ledgered as `released`, and the on_hand stock that
   * frees fills other orders' backorders (canceled backordered units free
   * nothing).
   */
  @InjectManager()
  async cancelOrderUnits(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    return await this.cancelOrderUnits_(orderId, sharedContext)
  }

  @InjectTransactionManager()
  protected async cancelOrderUnits_(
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockOrderUnits_(manager, orderId)
    const units = await manager.execute(
      `SELECT id, quantity, inventory_item_id, location_id FROM inventory_unit
        WHERE order_id = ? AND state IN ('on_hand', 'backordered') AND deleted_at IS NULL`,
      [orderId]
    )
    if (!units.length) {
      return EMPTY_RESULT()
    }
    const tracked = units.filter((unit) => unit.inventory_item_id && unit.location_id)
    await this.lockStockItemsAt_(manager, tracked)
    await manager.execute(
      `UPDATE inventory_unit SET state = 'canceled', updated_at = now()
        WHERE id IN (${placeholders(units.length)})`,
      units.map((unit) => unit.id)
    )
    return await this.attributeAndFill_(
      manager,
      tracked.map((unit) => ({
        inventory_item_id: unit.inventory_item_id,
        location_id: unit.location_id,
        kind: "released" as const,
        trust_expected: true,
        expected_quantity: Number(unit.quantity),
        expected_stocked_change: 0,
        originator_type: "order" as const,
        originator_id: orderId,
        note: null,
      }))
    )
  }

  /**
   * Medusa's return received: shipped units of the returned lines become
   * returned; the stock Medusa put back is ledgered as `returned`, and fills
   * backorders. Idempotent per return.
   */
  @InjectManager()
  async receiveReturnUnits(
    input: ReceiveReturnUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    return await this.receiveReturnUnits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async receiveReturnUnits_(
    input: ReceiveReturnUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockOrderUnits_(manager, input.order_id)
    const already = await this.hasUnits_(manager, "return_id", input.return_id)
    if (already) {
      return EMPTY_RESULT()
    }
    const restockedAt = input.location_id
      ? input.items
          .filter((item) => item.restocked_quantity > 0)
          .map((item) => ({ inventory_item_id: item.inventory_item_id, location_id: input.location_id! }))
      : []
    await this.lockStockItemsAt_(manager, restockedAt)
    for (const item of input.items) {
      const units = await manager.execute(
        `SELECT id, quantity FROM inventory_unit
          WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
            AND state = 'shipped' AND deleted_at IS NULL
          ORDER BY (return_authorization_id IS NOT NULL), ordered_at, id
            FOR UPDATE`,
        [input.order_id, item.line_item_id, item.inventory_item_id]
      )
      await this.moveUnitsInOrder_(manager, units, item.quantity, {
        state: "returned",
        return_id: input.return_id,
      })
    }
    return await this.attributeAndFill_(
      manager,
      input.location_id
        ? input.items
            .filter((item) => item.restocked_quantity > 0)
            .map((item) => ({
              inventory_item_id: item.inventory_item_id,
              location_id: input.location_id!,
              kind: "returned" as const,
              expected_quantity: item.restocked_quantity,
              expected_stocked_change: item.restocked_quantity,
              originator_type: "return" as const,
              originator_id: input.return_id,
              note: null,
            }))
        : []
    )
  }


  // ---------------------------------------------------------------------
  // Return authorizations
  // ---------------------------------------------------------------------

  /**
   * Authorizes the return of shipped units: under the order's unit lock the
   * requested units that are shipped and not yet authorized carry the new
   * authorization (a row splits when only part of it is taken), and the
   * authorization takes the next number from its sequence. Units named by id
   * are taken first, so a line request never takes a row another request
   * names. Refused, writing nothing, when a request asks for more than is
   * shipped and free.
   */
  @InjectManager()
  async createReturnAuthorization(
    input: CreateReturnAuthorizationInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnAuthorizationDTO> {
    const id = await this.createReturnAuthorization_(input, sharedContext)
    return await this.retrieveReturnAuthorizationWithItems(id, sharedContext)
  }

  @InjectTransactionManager()
  protected async createReturnAuthorization_(
    input: CreateReturnAuthorizationInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockOrderUnits_(manager, input.order_id)
    const id = generateEntityId(undefined, "ra")
    const items: Record<string, unknown>[] = []
    const byUnitFirst = [...input.requests].sort(
      (a, b) => Number(!a.inventory_unit_id) - Number(!b.inventory_unit_id)
    )
    for (const request of byUnitFirst) {
      for (const part of request.parts) {
        const units = await manager.execute(
          `SELECT id, quantity FROM inventory_unit
            WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
              AND (?::text IS NULL OR id = ?)
              AND state = 'shipped' AND return_authorization_id IS NULL AND deleted_at IS NULL
            ORDER BY ordered_at, id
              FOR UPDATE`,
          [
            input.order_id,
            request.line_item_id,
            part.inventory_item_id,
            request.inventory_unit_id ?? null,
            request.inventory_unit_id ?? null,
          ]
        )
        const free = units.reduce((sum, unit) => sum + Number(unit.quantity), 0)
        if (free < part.quantity) {
          const from = request.inventory_unit_id ? ` from inventory unit ${request.inventory_unit_id}` : ""
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Cannot authorize the return of ${part.quantity} unit(s) of line item ${request.line_item_id} (inventory item ${part.inventory_item_id})${from}: only ${free} shipped and not already authorized for return`
          )
        }
        let remaining = part.quantity
        for (const unit of units) {
          if (remaining <= 0) {
            break
          }
          const take = Math.min(Number(unit.quantity), remaining)
          remaining -= take
          const unitId = await this.moveUnit_(manager, { id: unit.id, quantity: Number(unit.quantity) }, take, {
            state: "shipped",
            return_authorization_id: id,
          })
          items.push({
            id: generateEntityId(undefined, "raitem"),
            inventory_unit_id: unitId,
            line_item_id: request.line_item_id,
            variant_id: request.variant_id,
            inventory_item_id: part.inventory_item_id,
            quantity: take,
            required_quantity: part.required_quantity,
            resellable: request.resellable,
            return_authorization_id: id,
          })
        }
      }
    }
    const [{ next }] = await manager.execute(
      `SELECT nextval('return_authorization_number_seq') AS next`
    )
    await manager.execute(
      `INSERT INTO return_authorization
         (id, number, order_id, state, reason, return_reason_id, memo, amount, raw_amount,
          currency_code, location_id, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'authorized', ?, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
      [
        id,
        `RA-${next}`,
        input.order_id,
        input.reason,
        input.return_reason_id ?? null,
        input.memo ?? null,
        input.amount,
        JSON.stringify({ value: String(input.amount), precision: RAW_PRECISION }),
        input.currency_code,
        input.location_id,
        input.created_by ?? null,
      ]
    )
    const columns = [
      "id",
      "inventory_unit_id",
      "line_item_id",
      "variant_id",
      "inventory_item_id",
      "quantity",
      "required_quantity",
      "resellable",
      "return_authorization_id",
    ]
    await manager.execute(
      `INSERT INTO return_authorization_item (${columns.join(", ")}, created_at, updated_at)
       VALUES ${placeholders(items.length, `(${placeholders(columns.length)}, now(), now())`)}`,
      items.flatMap((item) => columns.map((column) => item[column]))
    )
    return id
  }

  /**
   * Undoes an authorization whose workflow failed: its units are no longer
   * authorized (split rows stay split, in the same state) and its rows go.
   */
  @InjectTransactionManager()
  async removeReturnAuthorization(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await manager.execute(
      `UPDATE inventory_unit SET return_authorization_id = NULL, updated_at = now()
        WHERE return_authorization_id = ? AND state = 'shipped'`,
      [id]
    )
    await manager.execute(`DELETE FROM return_authorization_item WHERE return_authorization_id = ?`, [id])
    await manager.execute(`DELETE FROM return_authorization WHERE id = ?`, [id])
  }

  /** One authorization with its items, oldest item first. */
  @InjectManager()
  async retrieveReturnAuthorizationWithItems(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnAuthorizationDTO> {
    const [found] = await this.listReturnAuthorizations(
      { id },
      { relations: ["items"], take: 1 },
      sharedContext
    )
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return authorization ${id} not found`)
    }
    const authorization = found as unknown as ReturnAuthorizationDTO
    authorization.items = [...(authorization.items ?? [])].sort(
      (a, b) =>
        String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id)
    )
    return authorization
  }

  /**
   * Locks an authorization (after its order's unit lock, the order every
   * unit path takes) and refuses unless it is still authorized.
   */
  protected async lockAuthorizedReturn_(
    manager: EntityManagerLike,
    id: string,
    action: "receive" | "cancel"
  ): Promise<{ id: string; number: string; order_id: string; location_id: string }> {
    const [known] = await manager.execute(
      `SELECT order_id FROM return_authorization WHERE id = ? AND deleted_at IS NULL`,
      [id]
    )
    if (!known) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return authorization ${id} not found`)
    }
    await this.lockOrderUnits_(manager, known.order_id)
    const [row] = await manager.execute(
      `SELECT id, number, order_id, location_id, state, received_at, canceled_at
         FROM return_authorization WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (row.state !== "authorized") {
      const when = row.state === "received" ? row.received_at : row.canceled_at
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot ${action} return authorization ${row.number} (${id}): it was already ${row.state}${when ? ` at ${new Date(when).toISOString()}` : ""}; only an authorized one can be ${action === "receive" ? "received" : "canceled"}`
      )
    }
    return row
  }

  /**
   * Cancels an authorization that is still authorized: its units are no
   * longer authorized for return. Returns the unit rows it released, so a
   * failed workflow can give them back.
   */
  @InjectManager()
  async cancelReturnAuthorization(
    id: string,
    canceledBy: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ return_authorization: ReturnAuthorizationDTO; released_unit_ids: string[] }> {
    const releasedUnitIds = await this.cancelReturnAuthorization_(id, canceledBy, sharedContext)
    return {
      return_authorization: await this.retrieveReturnAuthorizationWithItems(id, sharedContext),
      released_unit_ids: releasedUnitIds,
    }
  }

  @InjectTransactionManager()
  protected async cancelReturnAuthorization_(
    id: string,
    canceledBy: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await this.lockAuthorizedReturn_(manager, id, "cancel")
    await manager.execute(
      `UPDATE return_authorization
          SET state = 'canceled', canceled_at = now(), canceled_by = ?, updated_at = now()
        WHERE id = ?`,
      [canceledBy, id]
    )
    const released = await manager.execute(
      `UPDATE inventory_unit SET return_authorization_id = NULL, updated_at = now()
        WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL
        RETURNING id`,
      [id]
    )
    return released.map((row) => row.id as string)
  }

  /** Undoes a cancel whose workflow failed: authorized again, its units with it. */
  @InjectTransactionManager()
  async reopenReturnAuthorization(
    id: string,
    unitIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await manager.execute(
      `UPDATE return_authorization
          SET state = 'authorized', canceled_at = NULL, canceled_by = NULL, updated_at = now()
        WHERE id = ? AND state = 'canceled'`,
      [id]
    )
    if (unitIds.length) {
      await manager.execute(
        `UPDATE inventory_unit SET return_authorization_id = ?, updated_at = now()
          WHERE id IN (${placeholders(unitIds.length)}) AND return_authorization_id IS NULL`,
        [id, ...unitIds]
      )
    }
  }

  /**
   * Claims an authorization for receipt before Medusa's return runs, so two
   * concurrent receipts cannot both drive a return: the second is refused.
   * Also refuses when its units are no longer all shipped.
   */
  @InjectTransactionManager()
  async claimReturnAuthorizationReceipt(
    id: string,
    receivedBy: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const authorization = await this.lockAuthorizedReturn_(manager, id, "receive")
    const [counts] = await manager.execute(
      `SELECT (SELECT COALESCE(SUM(quantity), 0) FROM return_authorization_item
                WHERE return_authorization_id = ? AND deleted_at IS NULL)::int AS authorized,
              (SELECT COALESCE(SUM(quantity), 0) FROM inventory_unit
                WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL)::int AS shipped`,
      [id, id]
    )
    if (counts.authorized !== counts.shipped) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot receive return authorization ${authorization.number} (${id}): it covers ${counts.authorized} unit(s) but only ${counts.shipped} of them are still shipped`
      )
    }
    await manager.execute(
      `UPDATE return_authorization
          SET state = 'received', received_at = now(), received_by = ?, updated_at = now()
        WHERE id = ?`,
      [receivedBy, id]
    )
  }

  /** Undoes a claim whose receipt failed: the authorization is authorized again. */
  @InjectTransactionManager()
  async releaseReturnAuthorizationReceipt(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await manager.execute(
      `UPDATE return_authorization
          SET state = 'authorized', received_at = NULL, received_by = NULL, updated_at = now()
        WHERE id = ? AND state = 'received' AND return_id IS NULL`,
      [id]
    )
  }

  /**
   * Medusa received the authorization's return: its units become returned
   * (with Medusa's return id), and the stock Medusa put back at the
   * authorization's location is ledgered once, as `returned` originated by
   * the authorization, then fills backorders. Runs inside the receiving
   * workflow before Medusa's level events are out, so the expected restock
   * is booked in full (`trust_expected`); the level-change subscriber then
   * finds the item in step and writes nothing.
   */
  @InjectManager()
  async receiveReturnAuthorizationUnits(
    input: ReceiveReturnAuthorizationUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult & { returned_unit_ids: string[] }> {
    return await this.receiveReturnAuthorizationUnits_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async receiveReturnAuthorizationUnits_(
    input: ReceiveReturnAuthorizationUnitsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LedgerResult & { returned_unit_ids: string[] }> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    const [authorization] = await manager.execute(
      `SELECT id, number, order_id, location_id FROM return_authorization
        WHERE id = ? AND deleted_at IS NULL`,
      [input.return_authorization_id]
    )
    if (!authorization) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Return authorization ${input.return_authorization_id} not found`
      )
    }
    await this.lockOrderUnits_(manager, authorization.order_id)
    const restocked = input.restocked_item_ids.length
      ? await manager.execute(
          `UPDATE return_authorization_item SET restocked_quantity = quantity, updated_at = now()
            WHERE return_authorization_id = ? AND id IN (${placeholders(input.restocked_item_ids.length)})
              AND inventory_item_id IS NOT NULL
            RETURNING inventory_item_id, quantity`,
          [authorization.id, ...input.restocked_item_ids]
        )
      : []
    const perItem = new Map<string, number>()
    for (const row of restocked) {
      perItem.set(row.inventory_item_id, (perItem.get(row.inventory_item_id) ?? 0) + Number(row.quantity))
    }
    const pairs = [...perItem.keys()].map((inventoryItemId) => ({
      inventory_item_id: inventoryItemId,
      location_id: authorization.location_id as string,
    }))
    await this.lockStockItemsAt_(manager, pairs)
    const returned = await manager.execute(
      `UPDATE inventory_unit SET state = 'returned', return_id = ?, updated_at = now()
        WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL
        RETURNING id`,
      [input.return_id, authorization.id]
    )
    await manager.execute(
      `UPDATE return_authorization
          SET return_id = ?, items_value = ?, raw_items_value = ?, updated_at = now()
        WHERE id = ?`,
      [
        input.return_id,
        input.items_value,
        JSON.stringify({ value: String(input.items_value), precision: RAW_PRECISION }),
        authorization.id,
      ]
    )
    const result = await this.attributeAndFill_(
      manager,
      pairs.map((pair) => ({
        ...pair,
        kind: "returned" as const,
        trust_expected: true,
        expected_quantity: perItem.get(pair.inventory_item_id)!,
        expected_stocked_change: perItem.get(pair.inventory_item_id)!,
        originator_type: "return_authorization" as const,
        originator_id: authorization.id,
        actor_id: input.received_by ?? null,
        note: `Return authorization ${authorization.number}`,
      }))
    )
    return { ...result, returned_unit_ids: returned.map((row) => row.id as string) }
  }

  /** Undoes the unit side of a receipt whose workflow failed afterwards. */
  @InjectTransactionManager()
  async unreceiveReturnAuthorizationUnits(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManagerLike
    await manager.execute(
      `UPDATE inventory_unit SET state = 'shipped', return_id = NULL, updated_at = now()
        WHERE return_authorization_id = ? AND state = 'returned' AND deleted_at IS NULL`,
      [id]
    )
    await manager.execute(
      `UPDATE return_authorization_item SET restocked_quantity = 0, updated_at = now()
        WHERE return_authorization_id = ?`,
      [id]
    )
    await manager.execute(
      `UPDATE return_authorization
          SET return_id = NULL, items_value = NULL, raw_items_value = NULL, updated_at = now()
        WHERE id = ?`,
      [id]
    )
  }
}

export default StockroomModuleService
