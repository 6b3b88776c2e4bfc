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
  StockItem,
  StockLocationSetting,
  StockMovement,
  StockTransfer,
  StockTransferItem,
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
import { parseStockroomOptions } from "./options"
import {
  ApplyStockChangeInput,
  AuditProblem,
  ReconcileStockItemInput,
  StockItemRef,
  StockItemWithCountsDTO,
  StockLocationSettingDTO,
  StockMovementDTO,
  StockMovementKind,
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
}

type PendingMovement = Omit<StockMovementDTO, "id" | "created_at"> & {
  id: string
}

const MOVEMENT_COLUMNS = [
  "id",
  "stock_item_id",
  "inventory_item_id",
  "location_id",
  "kind",
  "quantity",
  "stocked_change",
  "count_on_hand_after",
  "stocked_after",
  "sequence",
  "originator_type",
  "originator_id",
  "actor_id",
  "reason",
  "note",
  "metadata",
] as const

class StockroomModuleService extends MedusaService({
  StockLocationSetting,
  StockItem,
  StockMovement,
  StockTransfer,
  StockTransferItem,
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
      return { movements: [], signals: [] }
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
    return { movements, signals }
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
      return { movements: [], signals: [] }
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
    return { movements, signals }
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
    if (stockedChange === 0 && quantity === 0) {
      return state
    }
    const kind =
      attribution?.kind ?? classifyOutsideChange(stockedChange, quantity)
    state.on_hand += stockedChange
    state.count_on_hand += quantity
    state.sequence += 1
    pending.push(
      this.buildMovement_(item, state, kind, quantity, stockedChange, {
        originator_type: attribution?.originator_type ?? "system",
        originator_id: attribution?.originator_id ?? null,
        actor_id: attribution?.actor_id ?? null,
        reason: attribution?.reason ?? null,
        note:
          attribution?.note ??
          "Change made outside Stockroom, recorded when it was noticed",
        metadata: attribution?.metadata ?? null,
      })
    )
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
           0 AS backordered_quantity,
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
   * Checks invariants 1–3 for every stock item: the ledger sums equal
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
    return { ok: problems.length === 0, checked: sums.length, problems }
  }
}

export default StockroomModuleService
