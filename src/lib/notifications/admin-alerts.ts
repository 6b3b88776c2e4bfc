import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService, type RaisedStockAlert } from "../../modules/stockroom/types"

const TITLES: Record<RaisedStockAlert["kind"], string> = {
  low_stock: "Low stock",
  out_of_stock: "Out of stock",
  backorder_age: "Backorder waiting",
}

type Names = {
  items: Map<string, { sku: string | null; title: string | null }>
  locations: Map<string, string>
}

function describe(alert: RaisedStockAlert, names: Names, days: number): string {
  const item = names.items.get(alert.inventory_item_id)
  const what = item?.sku ?? item?.title ?? alert.inventory_item_id
  const where = names.locations.get(alert.location_id) ?? alert.location_id
  switch (alert.kind) {
    case "low_stock":
      return `${what} at ${where}: ${alert.count_on_hand} left (threshold ${alert.threshold})`
    case "out_of_stock":
      return `${what} at ${where} is out of stock (${alert.count_on_hand} on hand)`
    case "backorder_age":
      return `${what} at ${where} has a backorder waiting more than ${days} days`
  }
}

/**
 * Posts raised alerts to the admin's notification feed (Medusa's `feed`
 * channel, `to: ""` so every admin sees it in the dashboard's bell).
 */
export async function postStockAlerts(
  container: MedusaContainer,
  alerts: RaisedStockAlert[]
): Promise<number> {
  if (!alerts.length) {
    return 0
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: items }, { data: locations }] = await Promise.all([
    query.graph({
      entity: "inventory_item",
      fields: ["id", "sku", "title"],
      filters: { id: [...new Set(alerts.map((alert) => alert.inventory_item_id))] },
    }),
    query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: [...new Set(alerts.map((alert) => alert.location_id))] },
    }),
  ])
  const names: Names = {
    items: new Map(items.map((item: any) => [item.id, { sku: item.sku ?? null, title: item.title ?? null }])),
    locations: new Map(locations.map((location: any) => [location.id, location.name])),
  }
  const days = stockroom.getOptions().backorder_alert_days
  await container.resolve(Modules.NOTIFICATION).createNotifications(
    alerts.map((alert) => ({
      to: "",
      channel: "feed",
      template: "admin-ui",
      trigger_type: `stockroom.${alert.kind}`,
      resource_id: alert.stock_item_id,
      resource_type: "stock_item",
      data: {
        title: TITLES[alert.kind],
        description: describe(alert, names, days),
        kind: alert.kind,
        stock_item_id: alert.stock_item_id,
        inventory_item_id: alert.inventory_item_id,
        location_id: alert.location_id,
        count_on_hand: alert.count_on_hand,
      },
    }))
  )
  return alerts.length
}
