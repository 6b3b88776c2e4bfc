import { placeCartLines, type LocationStock, type RankedLocation } from "../placement"

const locations: RankedLocation[] = [
  { location_id: "loc_first", allocation_priority: 0, name: "First" },
  { location_id: "loc_second", allocation_priority: 1, name: "Second" },
]
const row = (item: string, location: string, sellable: number, backorderable = false): LocationStock => ({
  inventory_item_id: item,
  location_id: location,
  sellable,
  backorderable,
})

describe("placeCartLines", () => {
  it("counts an inventory item shared by a kit and a single variant once across the cart", () => {
    const components = new Map([
      ["var_kit", [{ inventory_item_id: "iitem_part", required_quantity: 1 }, { inventory_item_id: "iitem_box", required_quantity: 1 }]],
      ["var_part", [{ inventory_item_id: "iitem_part", required_quantity: 1 }]],
    ])
    const stock = [row("iitem_part", "loc_first", 1), row("iitem_box", "loc_first", 5)]
    const { lines, refused } = placeCartLines(
      [
        { line_item_id: "kit", variant_id: "var_kit", quantity: 1 },
        { line_item_id: "part", variant_id: "var_part", quantity: 1 },
      ],
      components,
      locations,
      stock,
      false
    )
    expect(lines.map((line) => line.location_id)).toEqual(["loc_first", null])
    expect(refused).toEqual([{ variant_id: "var_part", requested: 1, available: 0 }])
  })

  it("multiplies a kit's components by their required quantity", () => {
    const components = new Map([["var_pair", [{ inventory_item_id: "iitem_sock", required_quantity: 2 }]]])
    const { refused } = placeCartLines(
      [{ line_item_id: "pair", variant_id: "var_pair", quantity: 2 }],
      components,
      locations,
      [row("iitem_sock", "loc_first", 3)],
      false
    )
    expect(refused).toEqual([{ variant_id: "var_pair", requested: 2, available: 1 }])
  })

  it("places a line whole at the first location by priority that covers it, never split", () => {
    const components = new Map([["var_mug", [{ inventory_item_id: "iitem_mug", required_quantity: 1 }]]])
    const stock = [row("iitem_mug", "loc_first", 2), row("iitem_mug", "loc_second", 3)]
    const place = (quantity: number, allowBackorders = false, rows = stock) =>
      placeCartLines([{ line_item_id: "mug", variant_id: "var_mug", quantity }], components, locations, rows, allowBackorders)
    expect(place(2).lines[0].location_id).toBe("loc_first")
    expect(place(3).lines[0].location_id).toBe("loc_second")
    // 5 exist over both locations, but no one location has 4.
    expect(place(4).refused).toEqual([{ variant_id: "var_mug", requested: 4, available: 3 }])
    // With backorders, the first backorderable by priority takes it whole.
    const backorderable = [row("iitem_mug", "loc_first", 2), row("iitem_mug", "loc_second", 3, true)]
    const placed = place(4, true, backorderable)
    expect(placed.refused).toEqual([])
    expect(placed.lines[0]).toMatchObject({ location_id: "loc_second", available: 3, backordered: 1 })
    // Backorders allowed but no backorderable location: refused.
    expect(place(4, true).refused).toHaveLength(1)
  })

  it("leaves untracked variants alone", () => {
    const { lines, refused } = placeCartLines(
      [{ line_item_id: "gift", variant_id: "var_gift", quantity: 9 }],
      new Map(),
      locations,
      [],
      false
    )
    expect(refused).toEqual([])
    expect(lines[0]).toMatchObject({ location_id: null, available: 9, backordered: 0 })
  })
})
