import {
  createOrderFulfillmentWorkflow,
  createStockLocationsWorkflow,
} from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createAdminUser } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { ledgerReader, settled, waitFor } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../src/modules/stockroom/types"

jest.setTimeout(240000)

// The workflow rejects with the step's error serialised (a plain object).
// Medusa's hooks run last in their workflows, so their compensations run
// when a workflow that contains Medusa's fails afterwards: these wrap
// Medusa's workflow and fail right after it.
const failAfterwardsStep = createStep("test-fail-afterwards", async () => {
  throw new Error("forced failure after Medusa's workflow")
})

const fulfillThenFailWorkflow = createWorkflow(
  "test-fulfill-then-fail",
  (input: { order_id: string; location_id: string; items: { id: string; quantity: number }[] }) => {
    createOrderFulfillmentWorkflow.runAsStep({ input })
    failAfterwardsStep()
    return new WorkflowResponse(void 0)
  }
)

// Notes the new locations' settings (the hook made them) before failing.
const settingsBeforeFailure: { stock_location_id: string }[] = []
const failAfterLocationsStep = createStep(
  "test-fail-after-locations",
  async (locations: { id: string }[], { container }) => {
    settingsBeforeFailure.push(
      ...(await container
        .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
        .listStockLocationSettings({ stock_location_id: locations.map((l) => l.id) }))
    )
    throw new Error("forced failure after Medusa's workflow")
  }
)

const createLocationThenFailWorkflow = createWorkflow(
  "test-create-location-then-fail",
  (input: { name: string }) => {
    const locations = createStockLocationsWorkflow.runAsStep({
      input: { locations: [{ name: input.name }] },
    })
    failAfterLocationsStep(locations)
    return new WorkflowResponse(void 0)
  }
)

stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let location: string
    const ledger = ledgerReader(dbConnection)

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      location = store.locations[0].id
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
    })

    it("puts a rolled-back fulfillment's units back through the unship workflow, with its events", async () => {
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 2 },
        { headers }
      )
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
      await settled(api, headers)

      const created: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("stockroom.stock_movement.created", async (event: any) => {
          created.push(event?.data ?? event)
        })

      await expect(
        fulfillThenFailWorkflow(getContainer()).run({
          input: {
            order_id: order.id,
            location_id: location,
            items: [{ id: order.items[0].id, quantity: 2 }],
          },
        })
      ).rejects.toMatchObject({ message: "forced failure after Medusa's workflow" })
      // Stockroom's compensation runs before Medusa's own (compensations run
      // in reverse), and the level events of a failed workflow are dropped:
      // Medusa's restock reaches the ledger through the reconcile sweep,
      // which the test runs now instead of waiting for the scheduled job.
      const stockroom = getContainer().resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      const drifted = await stockroom.listDriftedStockItemIds()
      await stockroom.reconcileStockItems(drifted.map((id) => ({ stock_item_id: id })))
      await settled(api, headers)

      const units = await ledger.units({ order_id: order.id })
      expect(units.map((unit: any) => [unit.state, unit.quantity, unit.fulfillment_id])).toEqual([
        ["on_hand", 2, null],
      ])
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      const shipped = movements.filter((m: any) => m.kind === "shipped")
      const unshipped = movements.filter((m: any) => m.kind === "unshipped")
      // Stockroom's compensation may run before Medusa has put the stock
      // back; the ledger then shows that as `reconciled` around it. Either
      // way the units' return is ledgered once, as `unshipped`.
      const ledgerRows = movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.originator_type])
      try {
        expect({ shipped: shipped.length, unshipped }).toEqual({
          shipped: 1,
          unshipped: [
            expect.objectContaining({
              stocked_change: 2,
              originator_type: "fulfillment",
              originator_id: shipped[0]?.originator_id,
            }),
          ],
        })
      } catch (err: any) {
        err.message += `\n\nThe item's ledger: ${JSON.stringify(ledgerRows)}`
        throw err
      }
      expect(await ledger.level(shirt.inventory_item_id!, location)).toEqual({
        stocked: 2,
        reserved: 2,
        count_on_hand: 0,
      })
      await waitFor(
        async () =>
          created.some(
            (event) =>
              event.kind === "unshipped" && event.inventory_item_id === shirt.inventory_item_id
          ),
        "the unshipped movement's event"
      )
    })

    it("removes the setting a rolled-back stock location was given", async () => {
      settingsBeforeFailure.length = 0
      await expect(
        createLocationThenFailWorkflow(getContainer()).run({ input: { name: "Rolled back" } })
      ).rejects.toMatchObject({ message: "forced failure after Medusa's workflow" })

      expect(settingsBeforeFailure).toHaveLength(1)
      const { rows: settings } = await dbConnection.raw(
        "select id from stock_location_setting where stock_location_id = ?",
        [settingsBeforeFailure[0].stock_location_id]
      )
      expect(settings).toEqual([])
    })
  },
})
