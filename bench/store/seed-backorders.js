// `medusa exec <this file> <sales_channel_id> <location_id> <shipping_profile_id> <region_id> <plan.json>`:
// the incoming group's backorders (bench/groups/incoming.js), written the way
// an order placed outside checkout gets them, in far fewer steps than
// checkouts through the store API would take.
//
// The plan names groups of inventory items, each with how many orders back
// them up and the units per line:
// {"groups": [{"key": "eta", "items": 20, "orders": 45, "units": 5}, ...]}.
// Every order of a group has one line of `units` per item of the group, so
// an item of the group has `orders` backordered unit rows, oldest order
// first; the groups' orders are placed one group after another.
//
// Orders of one group lock the same stock items, so they are placed one at
// a time.
//
// Per group: inventory items with a level of 0 at the location (through
// the inventory module, the module's events held back and dropped as in
// seed-inventory-items.js), products with one variant each linked to them
// (createProductsWorkflow, backorders allowed); per order: Medusa's
// createOrderWorkflow, a reservation per line at the location (Medusa's
// reservations, events dropped likewise) and Stockroom's
// placeOrderUnitsWorkflow, which `order.placed` runs for orders made outside
// checkout: the units (all backordered, nothing is in stock) and the
// `allocated` movement of the reservations. Prints the inventory item ids
// per group as JSON on the last line of its output.
const fs = require("fs")
const path = require("path")
const { Modules } = require("@medusajs/framework/utils")
const { createOrderWorkflow, createProductsWorkflow } = require("@medusajs/medusa/core-flows")

const EVENT_GROUP = "stockroom-bench-backorders-seed"
const PRODUCT_BATCH = 250
const ORDERS_IN_FLIGHT = 1

async function seedBackorders({ container, args }) {
  const [sales_channel_id, location_id, shipping_profile_id, region_id, planFile] = args
  if (!planFile) {
    throw new Error(`usage: <sales_channel_id> <location_id> <shipping_profile_id> <region_id> <plan.json>, got ${args.join(" ")}`)
  }
  const plan = JSON.parse(fs.readFileSync(planFile, "utf8"))
  const inventory = container.resolve(Modules.INVENTORY)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  // The plugin's build the store loads (medusa-config.js).
  const { placeOrderUnitsWorkflow } = require(path.resolve(__dirname, "../../.medusa/server/src/workflows/place-order-units"))
  const result = {}
  let orderNumber = 0

  for (const group of plan.groups) {
    const variants = []
    const itemIds = []
    for (let first = 0; first < group.items; first += PRODUCT_BATCH) {
      const numbers = Array.from({ length: Math.min(PRODUCT_BATCH, group.items - first) }, (_, i) => first + i + 1)
      const name = (n) => `${group.key.toUpperCase()}-${String(n).padStart(4, "0")}`
      const items = await inventory.createInventoryItems(
        numbers.map((n) => ({ sku: `BENCH-BO-${name(n)}`, title: `Backordered ${name(n)}` })),
        { eventGroupId: EVENT_GROUP }
      )
      await inventory.createInventoryLevels(
        items.map((item) => ({ inventory_item_id: item.id, location_id, stocked_quantity: 0 })),
        { eventGroupId: EVENT_GROUP }
      )
      await eventBus.clearGroupedEvents(EVENT_GROUP)
      const { result: products } = await createProductsWorkflow(container).run({
        input: {
          products: numbers.map((n, i) => ({
            title: `Backordered ${name(n)}`,
            handle: `backordered-${name(n).toLowerCase()}`,
            status: "published",
            shipping_profile_id,
            sales_channels: [{ id: sales_channel_id }],
            options: [{ title: "Size", values: ["One size"] }],
            variants: [
              {
                title: "One size",
                options: { Size: "One size" },
                manage_inventory: true,
                allow_backorder: true,
                inventory_items: [{ inventory_item_id: items[i].id, required_quantity: 1 }],
                prices: [{ currency_code: "eur", amount: 10 }],
              },
            ],
          })),
        },
      })
      products.forEach((product, i) => {
        variants.push({ variant_id: product.variants[0].id, inventory_item_id: items[i].id })
        itemIds.push(items[i].id)
      })
    }

    // Orders one after another within a worker, so that `ordered_at`
    // follows the order number closely; several workers at once.
    const numbers = Array.from({ length: group.orders }, () => ++orderNumber)
    let next = 0
    const placeOne = async (n) => {
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id,
          sales_channel_id,
          email: `backorder-${n}@bench.test`,
          currency_code: "eur",
          items: variants.map(({ variant_id }) => ({ variant_id, quantity: group.units })),
        },
      })
      const { items } = await container.resolve(Modules.ORDER).retrieveOrder(order.id, { relations: ["items"] })
      const byVariant = new Map(variants.map((v) => [v.variant_id, v.inventory_item_id]))
      await inventory.createReservationItems(
        items.map((item) => ({
          line_item_id: item.id,
          inventory_item_id: byVariant.get(item.variant_id),
          location_id,
          quantity: group.units,
          allow_backorder: true,
        })),
        { eventGroupId: EVENT_GROUP }
      )
      await eventBus.clearGroupedEvents(EVENT_GROUP)
      await placeOrderUnitsWorkflow(container).run({ input: { order_id: order.id } })
    }
    const worker = async () => {
      while (next < numbers.length) {
        await placeOne(numbers[next++])
      }
    }
    await Promise.all(Array.from({ length: Math.min(ORDERS_IN_FLIGHT, numbers.length) }, worker))
    result[group.key] = itemIds
    console.log(`seeded ${group.key}: ${group.items} items × ${group.orders} orders`)
  }
  // Let this process's subscribers finish what the unit placements set off.
  await new Promise((resolve) => setTimeout(resolve, 3000))
  console.log(JSON.stringify(result))
}

// `medusa exec` runs the file's default export.
exports.default = seedBackorders
