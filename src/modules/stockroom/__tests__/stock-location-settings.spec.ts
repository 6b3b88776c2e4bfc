import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STOCKROOM_MODULE } from "../types"
import type StockroomModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<StockroomModuleService>({
  moduleName: STOCKROOM_MODULE,
  // A database of its own, so two checkouts can run the suite side by side;
  // `npm test` names it (and drops it afterwards).
  dbName: process.env.STOCKROOM_MODULE_DB ?? `medusa-stockroom-module-${process.pid}`,
  resolve: path.resolve(__dirname, ".."),
  moduleOptions: {
    backorderable_default: false,
    restock_inventory: false,
    low_stock_threshold: 2,
  },
  testSuite: ({ service, MikroOrmWrapper }) => {
    describe("options", () => {
      it("exposes the effective options with the store's values and the defaults", () => {
        expect(service.getOptions()).toEqual({
          track_inventory_levels: true,
          allow_backorders: true,
          allow_backorder_shipping: false,
          show_zero_stock_products: true,
          restock_inventory: false,
          backorderable_default: false,
          propagate_all_variants: true,
          expose_stock_counts: true,
          low_stock_threshold: 2,
          register_workflow_hooks: true,
          back_in_stock_template: "stockroom-back-in-stock",
          admin_alerts: true,
          backorder_alert_days: 7,
          checkout_hold_minutes: null,
        })
      })
    })

    describe("ensureStockLocationSettings", () => {
      it("creates missing settings with the option defaults and reports which it created", async () => {
        const { settings, created_ids } =
          await service.ensureStockLocationSettings(["sloc_b", "sloc_a"])

        expect(created_ids).toHaveLength(2)
        expect(settings.map((s) => s.stock_location_id).sort()).toEqual([
          "sloc_a",
          "sloc_b",
        ])
        for (const setting of settings) {
          expect(setting).toMatchObject({
            backorderable_default: false,
            propagate_all_variants: true,
            restock_inventory: false,
          })
          expect(setting.id).toMatch(/^srls_/)
        }
      })

      it("leaves an existing setting as it is", async () => {
        await service.ensureStockLocationSettings(["sloc_a"])
        const [existing] = await service.listStockLocationSettings({
          stock_location_id: "sloc_a",
        })
        await service.updateStockLocationSettings({
          id: existing.id,
          restock_inventory: true,
        })

        const { settings, created_ids } =
          await service.ensureStockLocationSettings(["sloc_a", "sloc_c"])

        expect(created_ids).toHaveLength(1)
        const a = settings.find((s) => s.stock_location_id === "sloc_a")!
        expect(a.id).toBe(existing.id)
        expect(a.restock_inventory).toBe(true)
      })

      it("creates exactly one row per location under concurrent calls", async () => {
        const ids = ["sloc_x", "sloc_y", "sloc_z"]
        const results = await Promise.all(
          Array.from({ length: 8 }, () =>
            service.ensureStockLocationSettings(ids)
          )
        )
        const createdTotal = results.reduce(
          (sum, r) => sum + r.created_ids.length,
          0
        )
        expect(createdTotal).toBe(3)

        const rows = await MikroOrmWrapper.forkManager().execute(
          "select stock_location_id, count(*)::int as n from stock_location_setting group by stock_location_id order by stock_location_id"
        )
        expect(rows).toEqual([
          { stock_location_id: "sloc_x", n: 1 },
          { stock_location_id: "sloc_y", n: 1 },
          { stock_location_id: "sloc_z", n: 1 },
        ])
      })

      it("does nothing for an empty list", async () => {
        expect(await service.ensureStockLocationSettings([])).toEqual({
          settings: [],
          created_ids: [],
        })
      })
    })
  },
})
