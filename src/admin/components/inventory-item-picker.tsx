import { Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useInventoryItemSearch } from "../hooks/purchase-orders"

export type PickedInventoryItem = { id: string; title: string | null; sku: string | null }

/** Finds an inventory item by SKU or title and hands the chosen one back. */
export const InventoryItemPicker = ({ onPick }: { onPick: (item: PickedInventoryItem) => void }) => {
  const [q, setQ] = useState("")
  const search = useInventoryItemSearch(q)
  return (
    <div className="flex flex-col gap-y-1">
      <Input
        type="search"
        size="small"
        placeholder="Search by SKU or title"
        aria-label="Search inventory items"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      {q.trim() && (
        <div className="shadow-elevation-card-rest rounded-md bg-ui-bg-base" data-testid="inventory-item-results">
          {search.isLoading ? (
            <Text size="small" className="text-ui-fg-subtle px-3 py-2">Searching…</Text>
          ) : !(search.data ?? []).length ? (
            <Text size="small" className="text-ui-fg-subtle px-3 py-2">No inventory item matches “{q}”.</Text>
          ) : (
            (search.data ?? []).map((item) => (
              <button
                key={item.id}
                type="button"
                className="hover:bg-ui-bg-base-hover flex w-full flex-col px-3 py-2 text-left"
                onClick={() => {
                  onPick(item)
                  setQ("")
                }}
              >
                <Text size="small" leading="compact" weight="plus">{item.title ?? item.id}</Text>
                {item.sku && <Text size="xsmall" leading="compact" className="text-ui-fg-muted">{item.sku}</Text>}
              </button>
            ))
          )}
        </div>
      )}
    </div>
  )
}
