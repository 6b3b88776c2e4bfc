import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { quantityOf } from "./medusa-values"

/** One inventory item a variant is made of, and how many of it one variant takes. */
export type VariantInventoryItem = {
  inventory_item_id: string
  required_quantity: number
}

/**
 * The inventory items of each variant (`product_variant.inventory_items`),
 * in one query for all of them. Every variant found has an entry, possibly
 * empty (an untracked variant); a variant that does not exist has none, so
 * callers can tell "no items" from "no such variant".
 */
export async function resolveVariantInventoryItems(
  query: Omit<RemoteQueryFunction, symbol>,
  variantIds: string[]
): Promise<Map<string, VariantInventoryItem[]>> {
  const ids = [...new Set(variantIds.filter(Boolean))]
  const itemsByVariant = new Map<string, VariantInventoryItem[]>()
  if (!ids.length) {
    return itemsByVariant
  }
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: ids },
  })
  for (const variant of variants as any[]) {
    itemsByVariant.set(
      variant.id,
      (variant.inventory_items ?? [])
        .filter((link: any) => link?.inventory_item_id)
        .map((link: any) => ({
          inventory_item_id: link.inventory_item_id,
          required_quantity: quantityOf(link.required_quantity ?? 1),
        }))
    )
  }
  return itemsByVariant
}

/** The inventory item ids of the given variants, each once. */
export function inventoryItemIdsOf(itemsByVariant: Map<string, VariantInventoryItem[]>): string[] {
  return [
    ...new Set([...itemsByVariant.values()].flat().map((item) => item.inventory_item_id)),
  ]
}
