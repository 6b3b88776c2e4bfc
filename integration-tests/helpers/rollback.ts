import path from "path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"

type StockroomWorkflows = typeof import("../../src/workflows")

/**
 * Stockroom's workflows as the booted store registered them: the built
 * plugin (`.medusa/server`), not `src/`. Loading the same files keeps one
 * definition per workflow id (Medusa would otherwise replace the store's
 * definition with a second one under the same id). Call after the app booted.
 */
export function builtWorkflows(): StockroomWorkflows {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require(path.resolve(__dirname, "../../.medusa/server/src/workflows"))
}

export const FORCED_FAILURE = "Forced failure to test the rollback"

const wrappers = new Map<string, any>()

/**
 * A workflow that runs `workflow` as a step and then fails: everything the
 * workflow did must be compensated. Defined once per wrapped workflow.
 */
export function failingAfter(workflow: { getName: () => string; runAsStep: (arg: { input: any }) => any }) {
  const name = workflow.getName()
  if (!wrappers.has(name)) {
    const failStep = createStep(`test-fail-after-${name}`, async (_previous: unknown) => {
      throw new Error(`${FORCED_FAILURE} after ${name}`)
    })
    wrappers.set(
      name,
      createWorkflow(`test-rollback-${name}`, (input: any) => {
        const result = workflow.runAsStep({ input })
        // Takes the result only so it runs after the workflow under test.
        ;(failStep as (previous: unknown) => void)(result)
        return new WorkflowResponse(result)
      })
    )
  }
  return wrappers.get(name)
}

/**
 * Makes step `stepId` of workflow `workflowId` fail before doing anything,
 * so everything the steps before it did must be compensated. Returns the
 * function that puts the real step back. Each run copies the handlers when
 * it starts, so this applies to runs started while it is in place.
 */
export function refuseStep(workflowId: string, stepId: string): () => void {
  const workflow = WorkflowManager.getWorkflow(workflowId) as any
  if (!workflow) {
    throw new Error(`Workflow ${workflowId} is not registered`)
  }
  const handlers = workflow.handlers_ as Map<string, Record<string, unknown>>
  const original = handlers.get(stepId)
  if (!original) {
    throw new Error(`Workflow ${workflowId} has no step ${stepId}; it has ${[...handlers.keys()].join(", ")}`)
  }
  handlers.set(stepId, {
    ...original,
    invoke: async () => {
      throw new Error(`${FORCED_FAILURE}: step ${stepId} refused`)
    },
  })
  return () => handlers.set(stepId, original)
}

/** Runs `run` with step `stepId` of `workflowId` refusing to start. */
export async function withRefusedStep<T>(workflowId: string, stepId: string, run: () => Promise<T>) {
  const restore = refuseStep(workflowId, stepId)
  try {
    return await run()
  } finally {
    restore()
  }
}

/**
 * Everything a Stockroom workflow may change, in full: Medusa's levels and
 * reservations, Stockroom's stock items, movements, units and transfers.
 * Times that only say "written" (updated_at) are left out.
 */
export async function snapshotStock(dbConnection: any) {
  const rows = async (sql: string) => (await dbConnection.raw(sql)).rows
  return {
    levels: await rows(
      `SELECT id, inventory_item_id, location_id, stocked_quantity::int AS stocked_quantity,
              reserved_quantity::int AS reserved_quantity, incoming_quantity::int AS incoming_quantity,
              raw_stocked_quantity, raw_reserved_quantity, metadata
         FROM inventory_level WHERE deleted_at IS NULL ORDER BY id`
    ),
    reservations: await rows(
      `SELECT id, line_item_id, inventory_item_id, location_id, quantity::int AS quantity
         FROM reservation_item WHERE deleted_at IS NULL ORDER BY id`
    ),
    stock_items: await rows(
      `SELECT id, inventory_item_id, location_id, backorderable, low_stock_threshold,
              ledger_on_hand::int AS ledger_on_hand, ledger_count_on_hand::int AS ledger_count_on_hand
         FROM stock_item WHERE deleted_at IS NULL ORDER BY id`
    ),
    movements: await rows(
      `SELECT id, stock_item_id, inventory_item_id, location_id, kind, quantity, stocked_change,
              count_on_hand_after, stocked_after, sequence, originator_type, originator_id,
              actor_id, reason, note, metadata, created_at
         FROM stock_movement ORDER BY stock_item_id, sequence`
    ),
    units: await rows(
      `SELECT id, order_id, line_item_id, variant_id, inventory_item_id, location_id, state,
              quantity, fulfillment_id, shipped_at, return_id, return_authorization_id, ordered_at,
              deleted_at
         FROM inventory_unit ORDER BY id`
    ),
    transfers: await rows(
      `SELECT t.id, t.reference, t.source_location_id, t.destination_location_id,
              (SELECT count(*)::int FROM stock_transfer_item i WHERE i.transfer_id = t.id AND i.deleted_at IS NULL) AS items
         FROM stock_transfer t WHERE t.deleted_at IS NULL ORDER BY t.id`
    ),
  }
}

export type StockSnapshot = Awaited<ReturnType<typeof snapshotStock>>

/** Units per order line, state and attachments, however the rows are split. */
export function unitTotals(units: StockSnapshot["units"]) {
  const totals = new Map<string, number>()
  for (const unit of units) {
    if (unit.deleted_at) {
      continue
    }
    const key = [
      unit.order_id,
      unit.line_item_id,
      unit.inventory_item_id,
      unit.location_id,
      unit.state,
      unit.fulfillment_id,
      unit.return_id,
      unit.return_authorization_id,
    ].join("|")
    totals.set(key, (totals.get(key) ?? 0) + Number(unit.quantity))
  }
  return Object.fromEntries([...totals].sort(([a], [b]) => a.localeCompare(b)))
}

/**
 * Asserts a failed workflow left stock as it found it. The ledger is
 * append-only, so a rollback adds reversing movements rather than removing
 * rows: the rows that were there stay as they were, and what was added nets
 * to zero per stock item with every chain intact. Returns the added rows.
 */
export function expectRolledBack(
  before: StockSnapshot,
  after: StockSnapshot,
  { sameUnitRows = true }: { sameUnitRows?: boolean } = {}
) {
  expect(after.levels).toEqual(before.levels)
  expect(after.reservations).toEqual(before.reservations)
  expect(after.stock_items).toEqual(before.stock_items)
  expect(after.transfers).toEqual(before.transfers)

  const known = new Set(before.movements.map((movement: any) => movement.id))
  expect(after.movements.filter((movement: any) => known.has(movement.id))).toEqual(before.movements)
  const added = after.movements.filter((movement: any) => !known.has(movement.id))
  const net = new Map<string, { quantity: number; stocked_change: number }>()
  for (const movement of added) {
    const sum = net.get(movement.stock_item_id) ?? { quantity: 0, stocked_change: 0 }
    sum.quantity += movement.quantity
    sum.stocked_change += movement.stocked_change
    net.set(movement.stock_item_id, sum)
  }
  for (const [stockItemId, sum] of net) {
    expect({ stock_item_id: stockItemId, ...sum }).toEqual({
      stock_item_id: stockItemId,
      quantity: 0,
      stocked_change: 0,
    })
  }
  // Invariant 2 on every chain the rollback touched.
  for (const stockItemId of net.keys()) {
    let countOnHand = 0
    let onHand = 0
    after.movements
      .filter((movement: any) => movement.stock_item_id === stockItemId)
      .forEach((movement: any, index: number) => {
        countOnHand += movement.quantity
        onHand += movement.stocked_change
        expect([movement.sequence, movement.count_on_hand_after, movement.stocked_after]).toEqual([
          index + 1,
          countOnHand,
          onHand,
        ])
      })
  }

  expect(unitTotals(after.units)).toEqual(unitTotals(before.units))
  if (sameUnitRows) {
    expect(after.units).toEqual(before.units)
  }
  return added
}

/** The container's Stockroom service, typed. */
export function stockroomOf(container: MedusaContainer) {
  return container.resolve<import("../../src/modules/stockroom/types").IStockroomModuleService>("stockroom")
}
