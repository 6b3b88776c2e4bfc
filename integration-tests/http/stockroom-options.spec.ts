import { Modules } from "@medusajs/framework/utils"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { stockroomStoreRunner } from "../helpers/store"
import { MEDUSA_COLUMNS } from "../../src/modules/stockroom/medusa-tables"

jest.setTimeout(180000)

stockroomStoreRunner({
  options: { allow_backorders: false, low_stock_threshold: 5 },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
    })

    describe("GET /admin/stockroom", () => {
      it("refuses an anonymous caller", async () => {
        const response = await expectFailure(api.get("/admin/stockroom"))
        expect(response.status).toBe(401)
      })

      it("returns the effective options, whitelisted, and the version", async () => {
        const { status, data } = await api.get("/admin/stockroom", { headers })
        expect(status).toBe(200)
        expect(data).toEqual({
          version: require("../../package.json").version,
          options: {
            track_inventory_levels: true,
            allow_backorders: false,
            allow_backorder_shipping: false,
            show_zero_stock_products: true,
            restock_inventory: true,
            backorderable_default: true,
            propagate_all_variants: true,
            expose_stock_counts: true,
            low_stock_threshold: 5,
            register_workflow_hooks: true,
            back_in_stock_template: "stockroom-back-in-stock",
            admin_alerts: true,
            backorder_alert_days: 7,
            checkout_hold_minutes: null,
          },
        })
        const body = JSON.stringify(data)
        expect(body).not.toContain("database")
        expect(body).not.toContain("postgres://")
      })
    })

    describe("stock location settings", () => {
      it("creates the setting row with the defaults when a location is created through the admin API", async () => {
        const { data } = await api.post(
          "/admin/stock-locations",
          { name: "Warehouse A" },
          { headers }
        )
        const locationId = data.stock_location.id

        const { rows } = await dbConnection.raw(
          "select * from stock_location_setting where stock_location_id = ?",
          [locationId]
        )
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({
          stock_location_id: locationId,
          backorderable_default: true,
          propagate_all_variants: true,
          restock_inventory: true,
          deleted_at: null,
        })

        const query = getContainer().resolve("query")
        const { data: locations } = await query.graph({
          entity: "stock_location",
          fields: ["id", "stock_location_setting.*"],
          filters: { id: locationId },
        })
        expect(locations[0].stock_location_setting).toMatchObject({
          id: rows[0].id,
          backorderable_default: true,
        })
      })

      it("creates the setting for a location created by a direct module call", async () => {
        const stockLocationModule = getContainer().resolve(
          Modules.STOCK_LOCATION
        )
        const location = await stockLocationModule.createStockLocations({
          name: "Imported location",
        })

        let rows: any[] = []
        for (let attempt = 0; attempt < 50 && !rows.length; attempt++) {
          ;({ rows } = await dbConnection.raw(
            "select * from stock_location_setting where stock_location_id = ?",
            [location.id]
          ))
          if (!rows.length) {
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
        }
        expect(rows).toHaveLength(1)
        expect(rows[0].restock_inventory).toBe(true)
      })
    })

    describe("Medusa's tables", () => {
      it("has every table and column medusa-tables.ts names, in a freshly migrated store", async () => {
        const { rows } = await dbConnection.raw(
          "select table_name, column_name from information_schema.columns where table_schema = current_schema()"
        )
        const present = new Set(rows.map((row: any) => `${row.table_name}.${row.column_name}`))
        const missing = Object.entries(MEDUSA_COLUMNS).flatMap(([table, columns]) =>
          columns.map((column) => `${table}.${column}`).filter((name) => !present.has(name))
        )
        expect(missing).toEqual([])
        expect(present.has("inventory_level.stocked_quantity")).toBe(true)
      })
    })
  },
})
