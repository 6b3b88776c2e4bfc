import { Modules } from "@medusajs/framework/utils"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

const COLUMNS = [
  "id",
  "created_at",
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
  "reason_code",
]

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, attempts = 300) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe()
    if (value) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("condition not met in time")
}

/** RFC 4180 parser, independent of the code under test. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ",") {
      record.push(field)
      field = ""
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field)
      records.push(record)
      record = []
      field = ""
      i++
    } else {
      field += char
    }
  }
  if (field || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

const asObjects = (records: string[][]) =>
  records.slice(1).map((values) =>
    Object.fromEntries(records[0].map((column, index) => [column, values[index]]))
  )

stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let userId: string
    let locationId: string
    let inventoryItemId: string
    let stockItemId: string

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    const exportCsv = (query = "", withHeaders = headers) =>
      api.get(`/admin/stock-movements/export${query}`, {
        headers: withHeaders,
        responseType: "text",
        transformResponse: (body: string) => body,
      })

    const move = (quantity: number, extra: Record<string, unknown> = {}) =>
      api.post(
        "/admin/stock-movements",
        { stock_item_id: stockItemId, quantity, ...extra },
        { headers }
      )

    beforeEach(async () => {
      ;({ headers, userId } = await createAdminUser(api, getContainer()))
      const { data: loc } = await api.post(
        "/admin/stock-locations",
        { name: "Main" },
        { headers }
      )
      locationId = loc.stock_location.id
      const { data: item } = await api.post(
        "/admin/inventory-items",
        { sku: "CUP", title: "Cup" },
        { headers }
      )
      inventoryItemId = item.inventory_item.id
      stockItemId = await waitFor(async () => {
        const [row] = await rows(
          "select id from stock_item where inventory_item_id = ? and location_id = ?",
          [inventoryItemId, locationId]
        )
        return row?.id as string | undefined
      })
    })

    it("streams the ledger as an attachment, newest first, with every awkward value escaped", async () => {
      await move(5, { reason: 'He said "hi", then left', note: "line one\nline two, with a comma" })
      await move(-2, { reason: "=HYPERLINK(\"http://x\")", note: "plain" })
      await move(1)

      const response = await exportCsv(`?stock_item_id=${stockItemId}`)
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toMatch(/^text\/csv/)
      const today = new Date().toISOString().slice(0, 10)
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename=stock-movements-${today}.csv`
      )
      const text: string = response.data
      expect(text).toContain('"He said ""hi"", then left"')
      expect(text).toContain('"line one\nline two, with a comma"')

      const records = parseCsv(text)
      expect(records[0]).toEqual(COLUMNS)
      const exported = asObjects(records)
      expect(exported).toHaveLength(3)
      expect(exported.map((row) => row.sequence)).toEqual(["3", "2", "1"])
      expect(exported[2]).toMatchObject({
        stock_item_id: stockItemId,
        inventory_item_id: inventoryItemId,
        location_id: locationId,
        kind: "received",
        quantity: "5",
        stocked_change: "5",
        count_on_hand_after: "5",
        stocked_after: "5",
        originator_type: "user",
        originator_id: userId,
        actor_id: userId,
        reason: 'He said "hi", then left',
        note: "line one\nline two, with a comma",
        metadata: "",
      })
      // A formula in free text is exported as text, not as a formula.
      expect(exported[1]).toMatchObject({
        kind: "adjusted",
        quantity: "-2",
        count_on_hand_after: "3",
        reason: "'=HYPERLINK(\"http://x\")",
        note: "plain",
      })
      expect(exported[0]).toMatchObject({ kind: "received", quantity: "1", reason: "", note: "" })

      const ledger = await rows(
        "select id, created_at from stock_movement where stock_item_id = ? order by sequence desc",
        [stockItemId]
      )
      expect(exported.map((row) => row.id)).toEqual(ledger.map((row: any) => row.id))
      expect(exported.map((row) => row.created_at)).toEqual(
        ledger.map((row: any) => new Date(row.created_at).toISOString())
      )
    })

    it("applies the list's filters and answers a bad filter with a 400, not a broken file", async () => {
      await move(4)
      await move(-1)
      const { data: other } = await api.post(
        "/admin/inventory-items",
        { sku: "PLATE", title: "Plate" },
        { headers }
      )
      await waitFor(async () =>
        (await rows("select 1 from stock_item where inventory_item_id = ?", [other.inventory_item.id]))[0]
      )
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: other.inventory_item.id, location_id: locationId, quantity: 9 },
        { headers }
      )

      for (const query of [
        "?kind=received",
        `?inventory_item_id=${inventoryItemId}`,
        `?location_id=${locationId}&kind=adjusted`,
        `?originator_id=${userId}`,
        "?created_at[gte]=2000-01-01T00:00:00Z",
        "?created_at[lt]=2000-01-01T00:00:00Z",
      ]) {
        const { data: list } = await api.get(`/admin/stock-movements${query}${query ? "&" : "?"}limit=1000`, {
          headers,
        })
        const exported = asObjects(parseCsv((await exportCsv(query)).data))
        expect(exported.map((row) => row.id)).toEqual(
          list.stock_movements.map((movement: any) => movement.id)
        )
      }
      const received = asObjects(parseCsv((await exportCsv("?kind=received")).data))
      expect(received.map((row) => row.quantity)).toEqual(["9", "4"])

      // The static segment wins over /stock-movements/:id.
      const withNoFilter = await exportCsv()
      expect(withNoFilter.headers["content-type"]).toMatch(/^text\/csv/)
      expect(parseCsv(withNoFilter.data)).toHaveLength(4)

      for (const query of ["?kind=stolen", "?colour=red", "?limit=5", "?created_at[gte]=not-a-date"]) {
        const response = await expectFailure(exportCsv(query))
        expect(response.status).toBe(400)
        expect(JSON.parse(response.data as unknown as string)).toEqual({
          type: expect.any(String),
          message: expect.any(String),
        })
      }
    })

    it("pages through a ledger larger than one page without losing or repeating a row", async () => {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const items = await inventory.createInventoryItems(
        Array.from({ length: 280 }, (_, i) => ({ sku: `BULK-${i}`, title: `Bulk ${i}` }))
      )
      const itemIds = items.map((item) => item.id)
      // Let propagation give every item its stock item here first.
      await waitFor(async () => {
        const [{ n }] = await rows(
          "select count(*)::int as n from stock_item where location_id = ? and deleted_at is null",
          [locationId]
        )
        return n === itemIds.length + 1
      })
      for (const quantity of [3, 2]) {
        await api.post(
          "/admin/stock-transfers",
          {
            destination_location_id: locationId,
            reference: `PO-${quantity}`,
            items: itemIds.map((inventory_item_id) => ({ inventory_item_id, quantity })),
          },
          { headers }
        )
      }
      await move(1, { reason: "newest" })

      const ledger = await rows(
        "select id from stock_movement order by created_at desc, sequence desc, id desc"
      )
      expect(ledger.length).toBe(2 * itemIds.length + 1)

      const exported = asObjects(parseCsv((await exportCsv()).data))
      expect(exported.map((row) => row.id)).toEqual(ledger.map((row: any) => row.id))
      expect(new Set(exported.map((row) => row.id)).size).toBe(exported.length)
      expect(exported[0]).toMatchObject({ reason: "newest", sequence: "1" })
      expect(exported[1]).toMatchObject({
        kind: "received",
        quantity: "2",
        stocked_after: "5",
        sequence: "2",
        originator_type: "stock_transfer",
        note: "Transfer PO-2",
      })
      expect(exported[exported.length - 1]).toMatchObject({
        kind: "received",
        quantity: "3",
        sequence: "1",
      })

      // Other orders page by their own keyset; the page boundary falls
      // among rows tied on the order field, which sequence and id break.
      for (const [query, orderBy] of [
        ["?order=quantity", "quantity asc, sequence asc, id asc"],
        ["?order=-stock_item_id", "stock_item_id desc, sequence desc, id desc"],
        [`?order=sequence&location_id=${locationId}`, "sequence asc, sequence asc, id asc"],
      ]) {
        const expected = await rows(`select id from stock_movement order by ${orderBy}`)
        const ordered = asObjects(parseCsv((await exportCsv(query)).data))
        expect(ordered.map((row) => row.id)).toEqual(expected.map((row: any) => row.id))
      }
    })

    it("refuses anonymous callers", async () => {
      const response = await expectFailure(
        api.get("/admin/stock-movements/export", { responseType: "text" })
      )
      expect(response.status).toBe(401)
    })
  },
})
