import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { InventoryUnitDTO } from "../../../modules/stockroom/types"

/** Drops undefined filters so the module's list gets only real ones. */
export function definedFilters(filters: Record<string, string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined)
  )
}

/**
 * Adds what an admin needs to recognise a unit: the order's display id and
 * email, the variant's title and SKU with its product's title. Two queries
 * for the whole page, not one per unit.
 */
export async function withOrderAndVariant(
  container: MedusaContainer,
  units: InventoryUnitDTO[]
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(units.map((unit) => unit.order_id))]
  const variantIds = [
    ...new Set(units.map((unit) => unit.variant_id).filter((id): id is string => !!id)),
  ]
  const [{ data: orders }, { data: variants }] = await Promise.all([
    orderIds.length
      ? query.graph({
          entity: "order",
          fields: ["id", "display_id", "email", "created_at", "status"],
          filters: { id: orderIds },
        })
      : { data: [] as any[] },
    variantIds.length
      ? query.graph({
          entity: "product_variant",
          fields: ["id", "title", "sku", "product.id", "product.title"],
          filters: { id: variantIds },
        })
      : { data: [] as any[] },
  ])
  const orderById = new Map((orders as any[]).map((order) => [order.id, order]))
  const variantById = new Map((variants as any[]).map((variant) => [variant.id, variant]))
  return units.map((unit) => ({
    ...unit,
    order: orderById.get(unit.order_id) ?? null,
    variant: unit.variant_id ? variantById.get(unit.variant_id) ?? null : null,
  }))
}
