import { createAdminUser } from "../helpers/admin"
import { createProduct, placeOrder, seedStore } from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { FIXTURE_STORE_OWN_HOOKS, stockroomStoreRunner } from "../helpers/store"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../src/modules/stockroom/types"

jest.setTimeout(240000)

// The fixture store sets register_workflow_hooks: false and registers its own
// handlers for completeCartWorkflow.hooks.orderCreated and
// createStockLocationsWorkflow.hooks.stockLocationsCreated, which call
// Stockroom's exported handlers. Had Stockroom registered its own as well,
// Medusa would have refused to boot (one handler per hook).
stockroomStoreRunner({
  fixture: FIXTURE_STORE_OWN_HOOKS,
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("runs Stockroom's checkout work from the store's own hook handler", async () => {
      const container = getContainer()
      const { headers } = await createAdminUser(api, container)
      const store = await seedStore(container, 1)
      const location = store.locations[0].id
      const { rows: settings } = await dbConnection.raw(
        "select stock_location_id from stock_location_setting where stock_location_id = ?",
        [location]
      )
      expect(settings).toHaveLength(1)

      const [shirt] = await createProduct(container, store, [{ title: "Shirt" }])
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 1 },
        { headers }
      )
      const callsBefore = (globalThis as any).__storeOrderCreatedCalls ?? 0
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
      await settled(api, headers)

      expect((globalThis as any).__storeOrderCreatedCalls).toBe(callsBefore + 1)
      const ledger = ledgerReader(dbConnection)
      const units = await ledger.units({ order_id: order.id })
      expect(units.map((unit: any) => [unit.state, unit.quantity])).toEqual([
        ["backordered", 1],
        ["on_hand", 1],
      ])
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      expect(movements.map((m: any) => [m.kind, m.quantity, m.originator_type])).toEqual([
        ["received", 1, "user"],
        ["allocated", -2, "order"],
      ])
      expect(movements[1].originator_id).toBe(order.id)
    })

    it("books a checkout's allocation by its order even when another write ledgered the reservation first", async () => {
      // With several processes (or concurrent checkouts), any other write to
      // the stock item between Medusa's reservation and the checkout hook
      // ledgers the whole level, this order's reservation included, without
      // knowing whose it is.
      const container = getContainer()
      const { headers } = await createAdminUser(api, container)
      const store = await seedStore(container, 1)
      const location = store.locations[0].id
      const [shirt] = await createProduct(container, store, [{ title: "Shirt" }])
      const {
        data: { stock_movement },
      } = await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 5 },
        { headers }
      )
      const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      ;(globalThis as any).__beforeStockroomOrderCreated = async () => {
        await stockroom.reconcileStockItems([{ stock_item_id: stock_movement.stock_item_id }])
      }
      let order: { id: string }
      try {
        order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
      } finally {
        delete (globalThis as any).__beforeStockroomOrderCreated
      }
      await settled(api, headers)

      const ledger = ledgerReader(dbConnection)
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      // The early booking, its reversal, then the order's own allocation.
      expect(
        movements.map((m: any) => [m.kind, m.quantity, m.count_on_hand_after, m.originator_type, m.originator_id])
      ).toEqual([
        ["received", 5, 5, "user", expect.any(String)],
        ["allocated", -2, 3, "system", null],
        ["released", 2, 5, "system", null],
        ["allocated", -2, 3, "order", order.id],
      ])
      expect(await ledger.level(shirt.inventory_item_id!, location)).toEqual({
        stocked: 5,
        reserved: 2,
        count_on_hand: 3,
      })
      const units = await ledger.units({ order_id: order.id })
      expect(units.map((unit: any) => [unit.state, unit.quantity])).toEqual([["on_hand", 2]])
    })
  },
})
