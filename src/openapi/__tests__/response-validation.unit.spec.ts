import { openApiMismatch } from "../../../integration-tests/helpers/openapi"

const movement = {
  id: "smov_1",
  stock_item_id: "sitem_1",
  inventory_item_id: "iitem_1",
  location_id: "sloc_1",
  kind: "received",
  quantity: 5,
  stocked_change: 5,
  count_on_hand_after: 5,
  stocked_after: 5,
  sequence: 1,
  originator_type: "user",
  originator_id: "user_1",
  actor_id: "user_1",
  reason: null,
  note: null,
  metadata: null,
  reason_code: "received",
  created_at: "2026-11-28T10:00:00.000Z",
}

describe("HTTP responses checked against openapi.json", () => {
  it("accepts a response that matches its operation", () => {
    expect(
      openApiMismatch({
        method: "get",
        url: "/admin/stock-movements/smov_1?fields=id",
        status: 200,
        data: { stock_movement: movement },
      })
    ).toBeNull()
  })

  it("names the operation and the field when a response drifts", () => {
    const mismatch = openApiMismatch({
      method: "post",
      url: "/admin/stock-movements",
      status: 200,
      data: { stock_movement: { ...movement, quantity: "5", kind: "teleported" } },
    })
    expect(mismatch).toContain("POST /admin/stock-movements (adminCreateStockMovement) answered 200")
    expect(mismatch).toContain("/stock_movement/quantity must be integer")
    expect(mismatch).toContain("/stock_movement/kind must be equal to one of the allowed values")
  })

  it("refuses a success status the document does not list", () => {
    expect(
      openApiMismatch({
        method: "post",
        url: "/store/stock-subscriptions",
        status: 202,
        data: {},
      })
    ).toContain("a status openapi.json does not list for it (200, 201, default)")
  })

  it("tells the ledger export (CSV) from the movement it is not", () => {
    expect(
      openApiMismatch({ method: "get", url: "/admin/stock-movements/export", status: 200, data: "id\n" })
    ).toBeNull()
    expect(
      openApiMismatch({ method: "get", url: "/admin/stock-movements/export", status: 200, data: {} })
    ).toContain("text/csv")
  })

  it("checks error bodies and leaves Medusa's own routes alone", () => {
    expect(
      openApiMismatch({
        method: "get",
        url: "/admin/stock-items/x",
        status: 404,
        data: { type: "not_found", message: "Stock item x not found" },
      })
    ).toBeNull()
    expect(
      openApiMismatch({ method: "get", url: "/admin/stock-items/x", status: 404, data: "Not Found" })
    ).toContain("not Medusa's {type, message}")
    // asked for as text, as the CSV export's specs do
    expect(
      openApiMismatch({
        method: "get",
        url: "/admin/stock-movements/export",
        status: 400,
        data: JSON.stringify({ type: "invalid_data", message: "Invalid kind" }),
      })
    ).toBeNull()
    expect(
      openApiMismatch({ method: "get", url: "/admin/stock-locations/x", status: 200, data: {} })
    ).toBeNull()
  })
})
