import {
  parseStockroomOptions,
  StockroomOptionsError,
  STOCKROOM_OPTION_NAMES,
} from "../options"

describe("parseStockroomOptions", () => {
  it("fills every option with its documented default", () => {
    expect(parseStockroomOptions(undefined)).toEqual({
      track_inventory_levels: true,
      allow_backorders: true,
      allow_backorder_shipping: false,
      show_zero_stock_products: true,
      restock_inventory: true,
      backorderable_default: true,
      propagate_all_variants: true,
      expose_stock_counts: true,
      low_stock_threshold: null,
      register_workflow_hooks: true,
      back_in_stock_template: "stockroom-back-in-stock",
      admin_alerts: true,
      backorder_alert_days: 7,
      checkout_hold_minutes: null,
    })
  })

  it("keeps the values a store sets", () => {
    const options = parseStockroomOptions({
      allow_backorders: false,
      low_stock_threshold: 3,
      expose_stock_counts: false,
    })
    expect(options.allow_backorders).toBe(false)
    expect(options.low_stock_threshold).toBe(3)
    expect(options.expose_stock_counts).toBe(false)
    expect(options.track_inventory_levels).toBe(true)
  })

  it("drops the database block Medusa injects and never returns it", () => {
    const options = parseStockroomOptions({
      database: { clientUrl: "postgres://secret@db/store" },
      allow_backorders: true,
    })
    expect(Object.keys(options).sort()).toEqual(
      [...STOCKROOM_OPTION_NAMES].sort()
    )
    expect(JSON.stringify(options)).not.toContain("secret")
  })

  it("names an option with a wrong type and what it expected", () => {
    expect(() => parseStockroomOptions({ allow_backorders: "yes" })).toThrow(
      'option "allow_backorders" must be a boolean, got "yes"'
    )
    expect(() => parseStockroomOptions({ low_stock_threshold: -1 })).toThrow(
      'option "low_stock_threshold" must be a whole number ≥ 0, or null, got number -1'
    )
    expect(() => parseStockroomOptions({ low_stock_threshold: 2.5 })).toThrow(
      StockroomOptionsError
    )
  })

  it("names an unknown option", () => {
    expect(() => parseStockroomOptions({ allow_backorder: false })).toThrow(
      'unknown option "allow_backorder"'
    )
  })

  it("reports every problem at once", () => {
    try {
      parseStockroomOptions({ allow_backorders: 1, typo: true })
      throw new Error("should have thrown")
    } catch (err) {
      expect(err).toBeInstanceOf(StockroomOptionsError)
      expect((err as StockroomOptionsError).problems).toHaveLength(2)
    }
  })
})

describe("parseStockroomOptions: notification options", () => {
  it("keeps a template name, the alert switch and the backorder age", () => {
    const options = parseStockroomOptions({
      back_in_stock_template: "restock-email",
      admin_alerts: false,
      backorder_alert_days: 3,
    })
    expect(options.back_in_stock_template).toBe("restock-email")
    expect(options.admin_alerts).toBe(false)
    expect(options.backorder_alert_days).toBe(3)
  })

  it("names a bad template, alert switch or backorder age", () => {
    expect(() => parseStockroomOptions({ back_in_stock_template: "  " })).toThrow(
      'option "back_in_stock_template" must be a non-empty string, got "  "'
    )
    expect(() => parseStockroomOptions({ admin_alerts: "no" })).toThrow(
      'option "admin_alerts" must be a boolean, got "no"'
    )
    expect(() => parseStockroomOptions({ backorder_alert_days: 0 })).toThrow(
      'option "backorder_alert_days" must be a whole number ≥ 1, got number 0'
    )
  })
})

describe("checkout_hold_minutes", () => {
  it("accepts whole minutes or null and refuses anything else, naming the option", () => {
    expect(parseStockroomOptions({ checkout_hold_minutes: 15 }).checkout_hold_minutes).toBe(15)
    expect(parseStockroomOptions({ checkout_hold_minutes: null }).checkout_hold_minutes).toBeNull()
    for (const bad of [-1, 1.5, "15", 100000]) {
      expect(() => parseStockroomOptions({ checkout_hold_minutes: bad })).toThrow(/checkout_hold_minutes/)
    }
  })
})
