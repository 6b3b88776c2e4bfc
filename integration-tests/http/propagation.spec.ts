import { createAdminUser } from "../helpers/admin"
import { waitFor } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

stockroomStoreRunner({
  options: { backorderable_default: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>

    const stockItemsAt = async (locationId: string) =>
      (
        await dbConnection.raw(
          `select si.inventory_item_id, si.backorderable, l.stocked_quantity::int as stocked
             from stock_item si
             join inventory_level l on l.inventory_item_id = si.inventory_item_id
                                   and l.location_id = si.location_id and l.deleted_at is null
            where si.location_id = ? and si.deleted_at is null
            order by si.inventory_item_id`,
          [locationId]
        )
      ).rows

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
    })

    it("gives a new location a stock item and a level at 0 for every inventory item", async () => {
      const itemIds: string[] = []
      for (const sku of ["A", "B", "C"]) {
        const { data } = await api.post("/admin/inventory-items", { sku }, { headers })
        itemIds.push(data.inventory_item.id)
      }
      const {
        data: { stock_location: location },
      } = await api.post("/admin/stock-locations", { name: "New depot" }, { headers })

      const rows = await waitFor(async () => {
        const found = await stockItemsAt(location.id)
        return found.length === 3 ? found : false
      }, "three stock items at the new location")
      expect(rows).toEqual(
        [...itemIds].sort().map((id) => ({ inventory_item_id: id, backorderable: false, stocked: 0 }))
      )
      // Stock items come with no movement: nothing moved.
      const { rows: movements } = await dbConnection.raw(
        "select count(*)::int as n from stock_movement where location_id = ?",
        [location.id]
      )
      expect(movements[0].n).toBe(0)
    })

    it("leaves a location alone when it does not propagate", async () => {
      const {
        data: { stock_location: location },
      } = await api.post("/admin/stock-locations", { name: "Showroom" }, { headers })
      await api.post(
        `/admin/stock-locations/${location.id}/stockroom`,
        { propagate_all_variants: false },
        { headers }
      )
      await api.post("/admin/inventory-items", { sku: "LATE" }, { headers })
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await stockItemsAt(location.id)).toEqual([])
    })

    it("gives a variant created through Medusa's products API a stock item at every propagating location", async () => {
      const {
        data: { stock_location: first },
      } = await api.post("/admin/stock-locations", { name: "North" }, { headers })
      const {
        data: { stock_location: second },
      } = await api.post("/admin/stock-locations", { name: "South" }, { headers })

      const {
        data: { product },
      } = await api.post(
        "/admin/products?fields=id,variants.id,variants.inventory_items.inventory_item_id",
        {
          title: "Scarf",
          options: [{ title: "Colour", values: ["Red"] }],
          variants: [
            {
              title: "Red",
              options: { Colour: "Red" },
              manage_inventory: true,
              prices: [{ currency_code: "eur", amount: 15 }],
            },
          ],
        },
        { headers }
      )
      const inventoryItemId = product.variants[0].inventory_items[0].inventory_item_id
      for (const location of [first, second]) {
        const rows = await waitFor(async () => {
          const found = (await stockItemsAt(location.id)).filter(
            (row: any) => row.inventory_item_id === inventoryItemId
          )
          return found.length ? found : false
        }, `the variant's stock item at ${location.name}`)
        expect(rows).toEqual([{ inventory_item_id: inventoryItemId, backorderable: false, stocked: 0 }])
      }
    })
  },
})
