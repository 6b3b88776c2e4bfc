import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createAdminUser } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { waitFor } from "../helpers/ledger"
import {
  builtWorkflows,
  expectRolledBack,
  failingAfter,
  FORCED_FAILURE,
  snapshotStock,
  stockroomOf,
  withRefusedStep,
} from "../helpers/rollback"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

/**
 * Each Stockroom workflow is made to fail after it finished (run as a step
 * of a workflow whose next step throws) and, for the ones with several
 * mutating steps, at each step after a mutating one. Medusa's levels and
 * reservations, the stock items, the units and the transfers must be as
 * they were; the append-only ledger must have gained only movements that
 * cancel out, with every balance chain intact.
 *
 * The store registers no workflow hooks (register_workflow_hooks: false), so
 * Medusa's own fulfillments and cancellations leave Stockroom's side to the
 * tests: each workflow is run here, on state Medusa really produced.
 * One store boots for the file; the setup runs once and the runner restores
 * its database snapshot before every test.
 */
stockroomStoreRunner({
  options: { register_workflow_hooks: false },
  testSuite: ({ api, getContainer, dbConnection, utils }) => {
    let container: MedusaContainer
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let stocked: string // location with stock
    let empty: string // location without a level for the shirt
    const orders: Record<"place" | "ship" | "unship" | "cancel" | "return", string> = {} as any
    const fulfillments: Record<"ship" | "unship" | "return", string> = {} as any
    let authorizationId: string

    const workflows = () => builtWorkflows()
    const stockroom = () => stockroomOf(container)

    /** Every event handled and every level ledgered. */
    const settle = async () => {
      await utils.waitWorkflowExecutions()
      await waitFor(
        async () => (await stockroom().listDriftedStockItemIds()).length === 0,
        "every level ledgered"
      )
      await utils.waitWorkflowExecutions()
    }

    const unitsOf = async (orderId: string) =>
      (await dbConnection.raw(
        "select state, quantity from inventory_unit where order_id = ? and deleted_at is null order by state",
        [orderId]
      )).rows

    const fulfillmentOf = async (orderId: string, index = 0) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["fulfillments.id", "fulfillments.created_at"],
        filters: { id: orderId },
      })
      return [...(order as any).fulfillments].sort((a: any, b: any) =>
        String(a.created_at).localeCompare(String(b.created_at))
      )[index].id as string
    }

    const order = async (quantity: number) => {
      const placed = await placeOrder(api, store, [{ variant_id: shirt.id, quantity }])
      // Units come from the order.placed subscriber.
      await waitFor(async () => (await unitsOf(placed.id)).length > 0, `units of ${placed.id}`)
      return placed
    }

    const fulfil = async (placed: { id: string; items: { id: string }[] }, quantity: number) => {
      await api.post(
        `/admin/orders/${placed.id}/fulfillments`,
        { items: [{ id: placed.items[0].id, quantity }], location_id: stocked },
        { headers }
      )
      return await fulfillmentOf(placed.id)
    }

    beforeAll(async () => {
      container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 2)
      stocked = store.locations[0].id
      empty = store.locations[1].id
      // The second location does not propagate: the shirt has no level there.
      const [setting] = await waitFor(
        async () => {
          const found = await stockroom().listStockLocationSettings({ stock_location_id: empty })
          return found.length ? found : undefined
        },
        "the second location's setting"
      )
      await stockroom().updateStockLocationSettings({ id: setting.id, propagate_all_variants: false })
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
      await waitFor(
        async () =>
          Object.keys(
            await stockroom().findStockItemIds([{ inventory_item_id: shirt.inventory_item_id!, location_id: stocked }])
          ).length,
        "the shirt's stock item"
      )
      await workflows().createStockMovementWorkflow(container).run({
        input: { inventory_item_id: shirt.inventory_item_id!, location_id: stocked, quantity: 10 },
      })

      // An order whose units were never placed (its order.placed was lost).
      const toPlace = await order(2)
      await stockroom().deleteInventoryUnits({ order_id: toPlace.id })
      orders.place = toPlace.id

      // An order with a fulfillment Medusa made that Stockroom has not shipped.
      const toShip = await order(3)
      orders.ship = toShip.id
      fulfillments.ship = await fulfil(toShip, 2)

      // A fulfillment Stockroom shipped and Medusa then canceled.
      const toUnship = await order(2)
      orders.unship = toUnship.id
      fulfillments.unship = await fulfil(toUnship, 2)
      await workflows().shipFulfillmentUnitsWorkflow(container).run({
        input: { fulfillment_id: fulfillments.unship },
      })
      await api.post(
        `/admin/orders/${toUnship.id}/fulfillments/${fulfillments.unship}/cancel`,
        {},
        { headers }
      )

      // Shipped units authorized for return.
      const toReturn = await order(2)
      orders.return = toReturn.id
      fulfillments.return = await fulfil(toReturn, 2)
      await workflows().shipFulfillmentUnitsWorkflow(container).run({
        input: { fulfillment_id: fulfillments.return },
      })
      const { data: authorized } = await api.post(
        "/admin/return-authorizations",
        {
          order_id: toReturn.id,
          items: [{ line_item_id: toReturn.items[0].id, quantity: 2 }],
          reason: "Too small",
          location_id: stocked,
        },
        { headers }
      )
      authorizationId = authorized.return_authorization.id

      // An order Medusa canceled.
      const toCancel = await order(1)
      orders.cancel = toCancel.id
      await api.post(`/admin/orders/${toCancel.id}/cancel`, {}, { headers })
      await settle()
    })

    /** Runs `run`, expects it to fail with the forced failure, and returns the snapshots. */
    const failAndCompare = async (run: () => Promise<{ errors: any[] }>) => {
      await settle()
      const before = await snapshotStock(dbConnection)
      const { errors } = await run()
      // It failed where it was made to, and every compensation ran cleanly.
      expect(errors[0]?.error?.message).toContain(FORCED_FAILURE)
      expect(errors.filter((error) => error.handlerType === "compensate")).toEqual([])
      await utils.waitWorkflowExecutions()
      const after = await snapshotStock(dbConnection)
      return { before, after }
    }

    const runFailingAfter = (workflow: any, input: unknown) =>
      failAndCompare(() => failingAfter(workflow)(container).run({ input, throwOnError: false }))

    const runRefusing = (workflow: any, stepId: string, input: unknown) =>
      failAndCompare(() =>
        withRefusedStep(workflow.getName(), stepId, () =>
          workflow(container).run({ input, throwOnError: false })
        )
      )

    describe("createStockMovementWorkflow", () => {
      const receipt = () => ({ inventory_item_id: shirt.inventory_item_id!, location_id: stocked, quantity: 5 })
      const firstAtEmpty = () => ({ inventory_item_id: shirt.inventory_item_id!, location_id: empty, quantity: 4 })

      it("rolls back a receipt when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().createStockMovementWorkflow, receipt())
        const added = expectRolledBack(before, after)
        expect(added.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.reason])).toEqual([
          ["received", 5, 5, null],
          ["adjusted", -5, -5, "rollback"],
        ])
      })

      it("removes the level and stock item it created at a new location", async () => {
        const { before, after } = await runFailingAfter(workflows().createStockMovementWorkflow, firstAtEmpty())
        const added = expectRolledBack(before, after)
        expect(added.map((m: any) => [m.kind, m.quantity])).toEqual([
          ["received", 4],
          ["adjusted", -4],
        ])
        expect(after.levels.some((level: any) => level.location_id === empty)).toBe(false)
      })

      it.each(["record-stock-changes", "emit-stock-events"])(
        "rolls back everything before %s when that step fails",
        async (stepId) => {
          const { before, after } = await runRefusing(workflows().createStockMovementWorkflow, stepId, firstAtEmpty())
          expectRolledBack(before, after)
        }
      )
    })

    describe("createStockTransferWorkflow", () => {
      const transfer = () => ({
        source_location_id: stocked,
        destination_location_id: empty,
        reference: "TR-ROLLBACK",
        items: [{ inventory_item_id: shirt.inventory_item_id!, quantity: 3 }],
      })

      it("rolls back a transfer when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().createStockTransferWorkflow, transfer())
        const added = expectRolledBack(before, after)
        expect(added.map((m: any) => [m.location_id === stocked ? "source" : "destination", m.kind, m.quantity]).sort()).toEqual(
          [
            ["destination", "adjusted", -3],
            ["destination", "transfer_in", 3],
            ["source", "adjusted", 3],
            ["source", "transfer_out", -3],
          ].sort()
        )
        expect(after.transfers).toEqual([])
      })

      it.each(["create-stock-transfer", "record-stock-changes", "emit-stock-events"])(
        "rolls back everything before %s when that step fails",
        async (stepId) => {
          const { before, after } = await runRefusing(workflows().createStockTransferWorkflow, stepId, transfer())
          expectRolledBack(before, after)
        }
      )
    })

    describe("placeOrderUnitsWorkflow", () => {
      it("removes the units it placed when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().placeOrderUnitsWorkflow, {
          order_id: orders.place,
        })
        const added = expectRolledBack(before, after)
        // It did place the order (and booked its allocation) before the failure.
        expect(added.some((m: any) => m.kind === "allocated" && m.originator_id === orders.place)).toBe(true)
        expect(await unitsOf(orders.place)).toEqual([])
      })

      it.each(["place-order-units", "emit-stock-events"])("rolls back everything before %s when that step fails", async (stepId) => {
        const { before, after } = await runRefusing(workflows().placeOrderUnitsWorkflow, stepId, {
          order_id: orders.place,
        })
        expectRolledBack(before, after)
      })
    })

    describe("shipFulfillmentUnitsWorkflow", () => {
      // Shipping 2 of a row of 3 splits it; putting them back leaves two
      // on_hand rows (2 + 1), so the totals are compared, not the rows.
      it("puts the units back when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().shipFulfillmentUnitsWorkflow, {
          fulfillment_id: fulfillments.ship,
        })
        expectRolledBack(before, after, { sameUnitRows: false })
        // It did ship before the failure: the row of 3 was split to ship 2.
        const rows = (units: any[]) =>
          units.filter((unit) => unit.order_id === orders.ship).map((unit) => unit.quantity).sort()
        expect(rows(before.units)).toEqual([3])
        expect(rows(after.units)).toEqual([1, 2])
        // No `shipped` movement either way: the level subscriber had already
        // ledgered Medusa's fulfillment (as `reconciled`) when the workflow ran.
      })

      it.each(["ship-fulfillment-units", "emit-stock-events"])("rolls back everything before %s when that step fails", async (stepId) => {
        const { before, after } = await runRefusing(workflows().shipFulfillmentUnitsWorkflow, stepId, {
          fulfillment_id: fulfillments.ship,
        })
        expectRolledBack(before, after, { sameUnitRows: false })
      })
    })

    describe("receiveReturnAuthorizationWorkflow", () => {
      /** The authorization and what Medusa's own return flow writes. */
      const returnSide = async () => ({
        authorization: (
          await dbConnection.raw(
            `select state, return_id, received_at, received_by, items_value::float as items_value
               from return_authorization where id = ?`,
            [authorizationId]
          )
        ).rows,
        authorization_items: (
          await dbConnection.raw(
            `select id, inventory_unit_id, quantity, restocked_quantity from return_authorization_item
              where return_authorization_id = ? order by id`,
            [authorizationId]
          )
        ).rows,
        medusa_returns: (
          await dbConnection.raw(
            `select id, status from "return" where order_id = ? and deleted_at is null order by id`,
            [orders.return]
          )
        ).rows,
        credit_lines: (
          await dbConnection.raw(
            `select id, amount::float as amount from order_credit_line where order_id = ? and deleted_at is null`,
            [orders.return]
          )
        ).rows,
        returned_quantities: (
          await dbConnection.raw(
            // Not return_requested_quantity: Medusa's own compensation of its
            // return request leaves that at the requested quantity (noticed
            // in 2.21.2; Medusa's side, not Stockroom's).
            `select oi.item_id, oi.return_received_quantity::int as received,
                    oi.return_dismissed_quantity::int as dismissed
               from order_item oi join "order" o on o.id = oi.order_id and oi.version = o.version
              where oi.order_id = ? and oi.deleted_at is null`,
            [orders.return]
          )
        ).rows,
      })

      // KNOWN BUG (src/ left as is): the failed receipt's compensation puts
      // the units and the authorization back, and Medusa undoes its restock,
      // but the `returned` movement stays unreversed: Medusa's level events
      // of a failed workflow are dropped with its group, so nothing
      // reconciles the level going back until the sweep job (every 5 min).
      // Meanwhile the ledger says 2 more than Medusa and the audit reports
      // invariant 1. The first test is what should hold (it.failing until
      // fixed); the second pins down what is left behind today.
      it.failing("leaves the authorization, Medusa's return and the stock as they were when the caller fails after it", async () => {
        await settle()
        const beforeReturn = await returnSide()
        const { before, after } = await runFailingAfter(workflows().receiveReturnAuthorizationWorkflow, {
          id: authorizationId,
        })
        expectRolledBack(before, after)
        expect(await returnSide()).toEqual(beforeReturn)
      })

      it("KNOWN BUG: keeps the `returned` movement after Medusa undid the restock, until reconciled", async () => {
        await settle()
        const beforeReturn = await returnSide()
        expect(beforeReturn.authorization).toEqual([expect.objectContaining({ state: "authorized", return_id: null })])
        const { before, after } = await runFailingAfter(workflows().receiveReturnAuthorizationWorkflow, {
          id: authorizationId,
        })
        // Rolled back: Medusa's side, the authorization, the units.
        expect(await returnSide()).toEqual(beforeReturn)
        expect(after.levels).toEqual(before.levels)
        expect(after.units).toEqual(before.units)
        // Not rolled back: the ledger is 2 ahead of Medusa's level.
        const known = new Set(before.movements.map((movement: any) => movement.id))
        const added = after.movements.filter((movement: any) => !known.has(movement.id))
        expect(added.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.originator_id])).toEqual([
          ["returned", 2, 2, authorizationId],
        ])
        const { problems } = await stockroom().audit()
        expect(problems).toEqual(
          expect.arrayContaining([expect.objectContaining({ invariant: 1, expected: 6, actual: 8 })])
        )
        // What the sweep does later: a `reconciled` −2 puts it in step.
        await stockroom().reconcileStockItems(
          Object.values(
            await stockroom().findStockItemIds([{ inventory_item_id: shirt.inventory_item_id!, location_id: stocked }])
          ).map((id) => ({ stock_item_id: id }))
        )
        expectRolledBack(before, await snapshotStock(dbConnection))
      })
    })

    /** The order's units per state, however the rows are split. */
    const statesOf = (units: any[], orderId: string) => {
      const totals: Record<string, number> = {}
      for (const unit of units.filter((unit) => unit.order_id === orderId && !unit.deleted_at)) {
        totals[unit.state] = (totals[unit.state] ?? 0) + unit.quantity
      }
      return totals
    }

    // KNOWN BUG (src/ left as is): unshipFulfillmentUnitsStep has no
    // compensation (STYLE rule 5), so a failure after it leaves the units
    // on_hand (and any `unshipped` movement in the ledger). The first test
    // is what should hold (it.failing until fixed); the second pins down
    // what is left behind today.
    describe("unshipFulfillmentUnitsWorkflow", () => {
      const unship = () => ({ order_id: orders.unship, fulfillment_id: fulfillments.unship })

      it.failing("puts the units back to shipped when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().unshipFulfillmentUnitsWorkflow, unship())
        expectRolledBack(before, after)
      })

      it("KNOWN BUG: leaves the units unshipped when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().unshipFulfillmentUnitsWorkflow, unship())
        expect(statesOf(before.units, orders.unship)).toEqual({ shipped: 2 })
        expect(statesOf(after.units, orders.unship)).toEqual({ on_hand: 2 })
      })
    })

    // KNOWN BUG (src/ left as is): cancelOrderUnitsStep has no compensation,
    // so a failure after it leaves the units canceled (and any `released`
    // movement in the ledger).
    describe("incoming stock: purchase order edit, transfer receive and cancel", () => {
      /** The transfer's state and its items' counts, which the stock snapshot leaves out. */
      const transferState = async (id: string) =>
        (
          await dbConnection.raw(
            `SELECT t.state, t.received_at, t.received_by, t.canceled_at,
                    json_agg(json_build_object('quantity', i.quantity, 'received', i.received_quantity,
                             'rejected', i.rejected_quantity, 'reason', i.rejection_reason) ORDER BY i.id) AS items
               FROM stock_transfer t JOIN stock_transfer_item i ON i.transfer_id = t.id
              WHERE t.id = ? GROUP BY t.id`,
            [id]
          )
        ).rows[0]

      const inTransit = async () => {
        const { result } = await workflows().createStockTransferWorkflow(container).run({
          input: {
            source_location_id: stocked,
            destination_location_id: empty,
            in_transit: true,
            expected_at: "2026-12-24",
            items: [{ inventory_item_id: shirt.inventory_item_id!, quantity: 4 }],
          },
        })
        return (result as any).id as string
      }

      const purchaseOrderState = async (id: string) => ({
        order: (
          await dbConnection.raw(
            "SELECT supplier, location_id, currency_code, expected_at, note, reference, state FROM purchase_order WHERE id = ?",
            [id]
          )
        ).rows,
        items: (
          await dbConnection.raw(
            `SELECT id, inventory_item_id, variant_id, quantity, unit_cost, raw_unit_cost, received_quantity,
                    rejected_quantity, created_at FROM purchase_order_item WHERE purchase_order_id = ? AND deleted_at IS NULL ORDER BY id`,
            [id]
          )
        ).rows,
      })

      it("puts a draft's fields and items back when the caller fails after an edit", async () => {
        const { result: id } = await workflows().createPurchaseOrderWorkflow(container).run({
          input: {
            supplier: "Northwind",
            location_id: stocked,
            expected_at: "2026-12-01",
            note: "first",
            items: [{ inventory_item_id: shirt.inventory_item_id!, quantity: 5, unit_cost: 2.5 }],
          },
        })
        const before = await purchaseOrderState(id as string)
        expect(before.items).toHaveLength(1)
        const { errors } = await failingAfter(workflows().updatePurchaseOrderWorkflow)(container).run({
          input: {
            id,
            resolved_location_id: stocked,
            supplier: "Southwind",
            note: "second",
            expected_at: null,
            items: [{ inventory_item_id: shirt.inventory_item_id!, quantity: 9 }],
          },
          throwOnError: false,
        })
        expect(errors[0]?.error?.message).toContain(FORCED_FAILURE)
        expect(errors.filter((error: any) => error.handlerType === "compensate")).toEqual([])
        expect(await purchaseOrderState(id as string)).toEqual(before)
      })

      it("takes a transfer's receipt back and keeps it in transit when the caller fails after it", async () => {
        const id = await inTransit()
        const state = await transferState(id)
        expect(state).toMatchObject({ state: "in_transit", items: [{ quantity: 4, received: 0, rejected: 0, reason: null }] })
        const { before, after } = await runFailingAfter(workflows().receiveStockTransferWorkflow, {
          id,
          items: [{ inventory_item_id: shirt.inventory_item_id!, accepted: 3, rejected: 1, rejection_reason: "torn" }],
        })
        const added = expectRolledBack(before, after)
        expect(added.map((m: any) => [m.location_id === empty ? "destination" : "source", m.kind, m.quantity]).sort()).toEqual(
          [
            ["destination", "adjusted", -3],
            ["destination", "transfer_in", 3],
          ].sort()
        )
        expect(await transferState(id)).toEqual(state)
      })

      it("takes a transfer's receipt back when its events fail", async () => {
        const id = await inTransit()
        const state = await transferState(id)
        const { before, after } = await runRefusing(workflows().receiveStockTransferWorkflow, "emit-stock-events", { id })
        expectRolledBack(before, after)
        expect(await transferState(id)).toEqual(state)
      })

      it("takes a cancel's goods back out of the source and keeps the transfer in transit when the caller fails after it", async () => {
        const id = await inTransit()
        const state = await transferState(id)
        const { before, after } = await runFailingAfter(workflows().cancelStockTransferWorkflow, { id })
        const added = expectRolledBack(before, after)
        expect(added.map((m: any) => [m.location_id === stocked ? "source" : "destination", m.kind, m.quantity]).sort()).toEqual(
          [
            ["source", "adjusted", -4],
            ["source", "transfer_in", 4],
          ].sort()
        )
        expect(await transferState(id)).toEqual(state)
      })
    })

    describe("cancelOrderUnitsWorkflow", () => {
      it.failing("restores the units when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().cancelOrderUnitsWorkflow, {
          order_id: orders.cancel,
        })
        expectRolledBack(before, after)
      })

      it("KNOWN BUG: leaves the units canceled when the caller fails after it", async () => {
        const { before, after } = await runFailingAfter(workflows().cancelOrderUnitsWorkflow, {
          order_id: orders.cancel,
        })
        expect(statesOf(before.units, orders.cancel)).toEqual({ on_hand: 1 })
        expect(statesOf(after.units, orders.cancel)).toEqual({ canceled: 1 })
      })
    })
  },
})
