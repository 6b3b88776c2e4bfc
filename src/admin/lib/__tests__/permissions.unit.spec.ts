import middlewares from "../../../api/middlewares"
import { STOCKROOM_ACTIONS, missingPermissions, type StockroomAction } from "../permissions"

type DeclaredRoute = {
  method?: string | string[]
  methods?: string[]
  matcher: string | RegExp
  policies?: { resource: string; operation: string }[]
}

/** The policies the server declares for `METHOD /path`, from the plugin's middlewares. */
const declaredPolicies = (route: string) => {
  const [method, matcher] = route.split(" ")
  const entries = (middlewares.routes as DeclaredRoute[]).filter((entry) => {
    const methods = [entry.method ?? entry.methods ?? []].flat()
    return entry.matcher === matcher && methods.includes(method) && entry.policies?.length
  })
  return entries.flatMap((entry) => entry.policies!.map((p) => `${p.resource}:${p.operation}`)).sort()
}

const actions = Object.keys(STOCKROOM_ACTIONS) as StockroomAction[]

describe("the dashboard's Stockroom actions", () => {
  it.each(actions)("%s needs exactly what its route declares", (action) => {
    const { route, needs } = STOCKROOM_ACTIONS[action]
    const declared = declaredPolicies(route)
    expect(declared.length).toBeGreaterThan(0)
    expect([...needs].sort()).toEqual(declared)
  })
})

describe("missingPermissions", () => {
  const reads = [
    "stockroom_stock_item:read",
    "stockroom_stock_movement:read",
    "inventory_level:read",
    "product_variant:read",
  ]

  it("allows everything with Medusa's rbac flag off, whatever the user holds", () => {
    for (const action of actions) {
      expect(missingPermissions({ rbacEnabled: false, permissions: [] }, action)).toEqual([])
    }
  })

  it("names each policy a reader lacks, and nothing for what they may read", () => {
    const reader = { rbacEnabled: true, permissions: reads }
    expect(missingPermissions(reader, "viewStock")).toEqual([])
    expect(missingPermissions(reader, "viewMovements")).toEqual([])
    expect(missingPermissions(reader, "moveStock")).toEqual([
      "stockroom_stock_movement:create",
      "inventory_level:update",
    ])
    expect(missingPermissions(reader, "editStockItem")).toEqual([
      "stockroom_stock_item:update",
      "product_variant:update",
    ])
    expect(missingPermissions(reader, "viewPurchaseOrders")).toEqual([
      "stockroom_purchase_order:read",
    ])
  })

  it("needs every policy of an action, not one of them", () => {
    const mover = { rbacEnabled: true, permissions: [...reads, "stockroom_stock_movement:create"] }
    expect(missingPermissions(mover, "moveStock")).toEqual(["inventory_level:update"])
  })

  it("treats a wildcard operation or resource as a grant, as Medusa's dashboard does", () => {
    expect(
      missingPermissions(
        { rbacEnabled: true, permissions: ["stockroom_stock_movement:*", "inventory_level:*"] },
        "moveStock"
      )
    ).toEqual([])
    expect(missingPermissions({ rbacEnabled: true, permissions: ["*:*"] }, "receiveReturn")).toEqual([])
  })
})
