// `medusa exec <this file> <sales_channel_id> <location_id> <shipping_profile_id> <total> <stocked>`:
// the storefront group's catalogue, run the same way in bench/store and in
// bench/store-plain (bench/groups/storefront.js passes this file's absolute path). Creates
// <total> published products in the channel, one variant each with its own
// inventory item and a level at the location. Product n (1-based) has 100
// in stock when n is odd and n <= 2 × <stocked>, otherwise 0: <stocked>
// stocked products, interleaved with the others.
//
// In batches of 500: the inventory items and their levels through the
// inventory module with the module's events held back and dropped (as in
// seed-inventory-items.js: in the store with Stockroom, `medusa exec` runs the
// plugin's subscribers, which would propagate and ledger in this process
// until it exits halfway), then the products through Medusa's
// createProductsWorkflow, their variants linked to those inventory items.
// The plugin's storefront filter reads Medusa's levels, so the listing sees
// the stock either way.
const { Modules } = require("@medusajs/framework/utils")
const { createProductsWorkflow } = require("@medusajs/medusa/core-flows")

const BATCH = 500
const EVENT_GROUP = "stockroom-bench-storefront-seed"

async function seedStorefrontProducts({ container, args }) {
  const [sales_channel_id, location_id, shipping_profile_id] = args
  const total = Number(args[3])
  const stocked = Number(args[4])
  if (!sales_channel_id || !location_id || !shipping_profile_id || !Number.isInteger(total) || !Number.isInteger(stocked)) {
    throw new Error(`usage: <sales_channel_id> <location_id> <shipping_profile_id> <total> <stocked>, got ${args.join(" ")}`)
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const isStocked = (n) => n % 2 === 1 && n <= 2 * stocked
  for (let first = 1; first <= total; first += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, total - first + 1) }, (_, i) => first + i)
    const name = (n) => String(n).padStart(5, "0")
    const items = await inventory.createInventoryItems(
      numbers.map((n) => ({ sku: `BENCH-LIST-${name(n)}`, title: `Listing item ${name(n)}` })),
      { eventGroupId: EVENT_GROUP }
    )
    await inventory.createInventoryLevels(
      items.map((item, i) => ({
        inventory_item_id: item.id,
        location_id,
        stocked_quantity: isStocked(numbers[i]) ? 100 : 0,
      })),
      { eventGroupId: EVENT_GROUP }
    )
    await eventBus.clearGroupedEvents(EVENT_GROUP)
    await createProductsWorkflow(container).run({
      input: {
        products: numbers.map((n, i) => ({
          title: `Listing product ${name(n)}`,
          handle: `listing-product-${name(n)}`,
          status: "published",
          shipping_profile_id,
          sales_channels: [{ id: sales_channel_id }],
          options: [{ title: "Size", values: ["One size"] }],
          variants: [
            {
              title: "One size",
              options: { Size: "One size" },
              manage_inventory: true,
              allow_backorder: false,
              inventory_items: [{ inventory_item_id: items[i].id, required_quantity: 1 }],
              prices: [{ currency_code: "eur", amount: 10 }],
            },
          ],
        })),
      },
    })
  }
}

// `medusa exec` runs the file's default export.
exports.default = seedStorefrontProducts
