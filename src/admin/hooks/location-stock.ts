import { toast } from "@medusajs/ui"
import { useState } from "react"
import type { LocationSettingsCardProps } from "../components/location-settings-card"
import type { LocationStockSectionProps } from "../components/location-stock-section"
import type { TransferStockDrawerProps } from "../components/transfer-stock-drawer"
import type { StockItem } from "../lib/types"
import { useInventoryItemLabels } from "./labels"
import { usePermissions } from "./permissions"
import { useStockItems, useUpdateStockItem } from "./stock-items"
import {
  useStockLocations,
  useStockLocationSetting,
  useUpdateStockLocationSetting,
} from "./stock-locations"
import { useCreateStockTransfer, useStockTransfers } from "./stock-transfers"

const isMissingRoute = (error: unknown) =>
  !!error && typeof error === "object" && (error as { status?: number }).status === 404

/**
 * The location widget's behaviour: the Stockroom settings of one location,
 * its stock items (low stock highlighted, optionally only those) and the
 * Transfer stock drawer — shown only when the transfers route answers.
 */
export function useLocationStockroom(location: { id: string; name: string }) {
  const [lowStockOnly, setLowStockOnly] = useState(false)
  const [savingKey, setSavingKey] = useState<LocationSettingsCardProps["savingKey"]>(null)
  const [savingStockItemId, setSavingStockItemId] = useState<string | null>(null)
  const [transferOpen, setTransferOpen] = useState(false)
  const [transferError, setTransferError] = useState<string | null>(null)

  const permissions = usePermissions()
  const canViewSettings = permissions.can("viewLocationSettings")
  const setting = useStockLocationSetting(location.id, { enabled: canViewSettings })
  const updateSetting = useUpdateStockLocationSetting(location.id)
  const stockItems = useStockItems({
    location_id: location.id,
    low_stock: lowStockOnly ? "true" : undefined,
    order: "count_on_hand",
    limit: 100,
  })
  const rows = stockItems.data?.stock_items ?? []
  const itemLabels = useInventoryItemLabels(rows.map((row) => row.inventory_item_id))
  const updateStockItem = useUpdateStockItem()
  const transfers = useStockTransfers({ limit: 1 }, { enabled: permissions.can("viewTransfers") })
  const createTransfer = useCreateStockTransfer()
  const locations = useStockLocations()
  const labels = itemLabels.data ?? {}

  const settingsCard: LocationSettingsCardProps = {
    setting: setting.data?.stock_location_setting,
    isLoading: setting.isLoading,
    error: setting.error
      ? isMissingRoute(setting.error)
        ? "This server's Stockroom does not offer location settings yet."
        : setting.error.message
      : null,
    savingKey,
    denied: canViewSettings ? undefined : permissions.missing("viewLocationSettings"),
    readOnly: !permissions.can("editLocationSettings"),
    onRetry: () => void setting.refetch(),
    onChange: (key, value) => {
      setSavingKey(key)
      updateSetting.mutate(
        { [key]: value },
        {
          onSuccess: () => toast.success("Stockroom settings saved"),
          onError: (error) =>
            toast.error("Settings were not saved", { description: error.message }),
          onSettled: () => setSavingKey(null),
        }
      )
    },
  }

  settingsCard.onPriorityChange = (value) =>
    updateSetting.mutate(
      { allocation_priority: value },
      {
        onSuccess: () => toast.success("Allocation priority saved"),
        onError: (error) => toast.error("Allocation priority was not saved", { description: error.message }),
      }
    )

  const onBackorderableChange = (stockItem: StockItem, backorderable: boolean) => {
    setSavingStockItemId(stockItem.id)
    updateStockItem.mutate(
      { id: stockItem.id, backorderable },
      {
        onSuccess: () =>
          toast.success(
            `${labels[stockItem.inventory_item_id] ?? "Item"}: backorders ${backorderable ? "allowed" : "turned off"}`
          ),
        onError: (error) =>
          toast.error("Could not change backorders", { description: error.message }),
        onSettled: () => setSavingStockItemId(null),
      }
    )
  }

  const stockSection: LocationStockSectionProps = {
    stockItems: rows,
    count: stockItems.data?.count ?? 0,
    isLoading: stockItems.isLoading,
    error: stockItems.error ? stockItems.error.message : null,
    itemLabels: labels,
    lowStockOnly,
    onLowStockOnlyChange: setLowStockOnly,
    onRetry: () => void stockItems.refetch(),
    onTransfer: transfers.isSuccess && permissions.can("transferStock")
      ? () => {
          setTransferError(null)
          setTransferOpen(true)
        }
      : undefined,
    savingStockItemId,
    onBackorderableChange: permissions.can("editStockItem") ? onBackorderableChange : undefined,
    onSafetyStockChange: permissions.can("editStockItem")
      ? async (stockItem: StockItem, safetyStock: number) => {
          try {
            await updateStockItem.mutateAsync({ id: stockItem.id, safety_stock: safetyStock })
            toast.success(`${labels[stockItem.inventory_item_id] ?? "Item"}: safety stock set to ${safetyStock}`)
          } catch (error) {
            toast.error("Could not change safety stock", { description: (error as Error).message })
            throw error
          }
        }
      : undefined,
  }

  const transferDrawer: TransferStockDrawerProps = {
    open: transferOpen,
    onOpenChange: setTransferOpen,
    sourceLocationId: location.id,
    sourceLocationName: location.name,
    destinations: (locations.data ?? []).filter((entry) => entry.id !== location.id),
    items: rows.map((row) => ({
      inventoryItemId: row.inventory_item_id,
      label: labels[row.inventory_item_id] ?? row.inventory_item_id,
      countOnHand: row.count_on_hand,
    })),
    isPending: createTransfer.isPending,
    serverError: transferError,
    onSubmit: (body) => {
      setTransferError(null)
      createTransfer.mutate(body, {
        onSuccess: () => {
          const units = body.items.reduce((sum, item) => sum + item.quantity, 0)
          toast.success("Stock transferred", {
            description: `${units} unit(s) moved from ${location.name}`,
          })
          setTransferOpen(false)
        },
        onError: (error) => {
          setTransferError(error.message)
          toast.error("Stock was not transferred", { description: error.message })
        },
      })
    },
  }

  return { settingsCard, stockSection, transferDrawer }
}
