import { toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import type { ItemStockSectionProps } from "../components/item-stock-section"
import type { MoveStockDrawerProps, MoveStockValues } from "../components/move-stock-drawer"
import { signed } from "../lib/format"
import type { StockItem } from "../lib/types"
import { useCreateStockMovement, useStockMovements } from "./stock-movements"
import { useStockItems, useUpdateStockItem } from "./stock-items"
import { useStockLocations } from "./stock-locations"
import { useInventoryItemLabels, useUserLabels } from "./labels"
import { usePermissions } from "./permissions"

export const RECENT_MOVEMENTS = 5

/**
 * Everything the variant and inventory item widgets show: the item's stock
 * per location, its latest movements, labels for both, and the mutations.
 */
export function useItemStock(
  filter: { variant_id: string } | { inventory_item_id: string }
) {
  const permissions = usePermissions()
  const stockItems = useStockItems({ ...filter, limit: 200 })
  const movements = useStockMovements(
    { ...filter, limit: RECENT_MOVEMENTS },
    { enabled: permissions.can("viewMovements") }
  )
  const locations = useStockLocations()
  const rows = stockItems.data?.stock_items ?? []
  const itemLabels = useInventoryItemLabels(rows.map((row) => row.inventory_item_id))
  const userLabels = useUserLabels(
    (movements.data?.stock_movements ?? []).map((movement) => movement.actor_id)
  )
  const locationLabels = Object.fromEntries(
    (locations.data ?? []).map((location) => [location.id, location.name])
  ) as Record<string, string>

  return {
    permissions,
    stockItems,
    movements,
    locationLabels,
    itemLabels: itemLabels.data ?? {},
    userLabels: userLabels.data ?? {},
    createMovement: useCreateStockMovement(),
    updateStockItem: useUpdateStockItem(),
  }
}

/**
 * The variant and inventory item widgets' behaviour: the props for the
 * section and the Move stock drawer, with the confirmation before a decrease
 * and a toast for every outcome.
 */
export function useItemStockSection(
  filter: { variant_id: string } | { inventory_item_id: string },
  ledgerHref: string
): { section: ItemStockSectionProps; drawer: MoveStockDrawerProps } {
  const stock = useItemStock(filter)
  const prompt = usePrompt()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [savingId, setSavingId] = useState<string | null>(null)
  const rows = stock.stockItems.data?.stock_items ?? []
  const severalItems = new Set(rows.map((row) => row.inventory_item_id)).size > 1

  const labelOf = (stockItem: StockItem) => {
    const location = stock.locationLabels[stockItem.location_id] ?? stockItem.location_id
    const item = stock.itemLabels[stockItem.inventory_item_id] ?? stockItem.inventory_item_id
    return severalItems ? `${location} — ${item}` : location
  }

  const onSubmit = async (values: MoveStockValues) => {
    const target = rows.find((row) => row.id === values.stock_item_id)
    const where = target ? labelOf(target) : "this location"
    if (values.quantity < 0) {
      const confirmed = await prompt({
        title: "Remove stock?",
        description: `${-values.quantity} unit(s) will be taken out of ${where}. The ledger keeps a record; a later correction is a new movement.`,
        confirmText: "Remove stock",
        cancelText: "Cancel",
      })
      if (!confirmed) {
        return
      }
    }
    setServerError(null)
    stock.createMovement.mutate(values, {
      onSuccess: () => {
        toast.success("Stock moved", {
          description: `${signed(values.quantity)} at ${where}`,
        })
        setDrawerOpen(false)
      },
      onError: (error) => {
        setServerError(error.message)
        toast.error("Stock was not moved", { description: error.message })
      },
    })
  }

  const onBackorderableChange = (stockItem: StockItem, backorderable: boolean) => {
    setSavingId(stockItem.id)
    stock.updateStockItem.mutate(
      { id: stockItem.id, backorderable },
      {
        onSuccess: () =>
          toast.success(
            backorderable
              ? `Backorders allowed at ${labelOf(stockItem)}`
              : `Backorders turned off at ${labelOf(stockItem)}`
          ),
        onError: (error) =>
          toast.error("Could not change backorders", { description: error.message }),
        onSettled: () => setSavingId(null),
      }
    )
  }

  const onSafetyStockChange = async (stockItem: StockItem, safetyStock: number) => {
    try {
      await stock.updateStockItem.mutateAsync({ id: stockItem.id, safety_stock: safetyStock })
      toast.success(`Safety stock at ${labelOf(stockItem)} set to ${safetyStock}`)
    } catch (error) {
      toast.error("Could not change safety stock", { description: (error as Error).message })
      throw error
    }
  }

  const loadable = <T,>(
    query: { isLoading: boolean; error: Error | null; refetch: () => unknown },
    data: T | undefined
  ) => ({
    data,
    isLoading: query.isLoading,
    error: query.error ? query.error.message : null,
    retry: () => void query.refetch(),
  })

  return {
    section: {
      stockItems: loadable(stock.stockItems, stock.stockItems.data?.stock_items),
      movements: {
        ...loadable(stock.movements, stock.movements.data?.stock_movements),
        count: stock.movements.data?.count ?? 0,
      },
      locationLabels: stock.locationLabels,
      itemLabels: stock.itemLabels,
      userLabels: stock.userLabels,
      ledgerHref,
      savingStockItemId: savingId,
      onMoveStock: stock.permissions.can("moveStock")
        ? () => {
            setServerError(null)
            setDrawerOpen(true)
          }
        : undefined,
      onBackorderableChange: stock.permissions.can("editStockItem")
        ? onBackorderableChange
        : undefined,
      onSafetyStockChange: stock.permissions.can("editStockItem")
        ? onSafetyStockChange
        : undefined,
      movementsDenied: stock.permissions.can("viewMovements")
        ? undefined
        : stock.permissions.missing("viewMovements"),
    },
    drawer: {
      open: drawerOpen,
      onOpenChange: setDrawerOpen,
      options: rows.map((row) => ({
        stockItemId: row.id,
        label: labelOf(row),
        countOnHand: row.count_on_hand,
      })),
      isPending: stock.createMovement.isPending,
      serverError,
      onSubmit: (values) => void onSubmit(values),
    },
  }
}
