import { useQuery } from "@tanstack/react-query"
import { labelsQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

const unique = (ids: (string | null | undefined)[]) =>
  [...new Set(ids.filter((id): id is string => !!id))].sort()

/** Inventory items' titles and SKUs by id. */
export const useInventoryItemLabels = (ids: (string | null | undefined)[]) => {
  const wanted = unique(ids)
  return useQuery({
    queryKey: labelsQueryKeys.inventoryItems(wanted),
    queryFn: () =>
      sdk.admin.inventoryItem.list({
        id: wanted,
        fields: "id,title,sku",
        limit: wanted.length,
      }),
    select: (data) =>
      Object.fromEntries(
        data.inventory_items.map((item) => [
          item.id,
          item.title && item.sku && item.title !== item.sku
            ? `${item.title} · ${item.sku}`
            : item.title || item.sku || item.id,
        ])
      ) as Record<string, string>,
    enabled: wanted.length > 0,
    staleTime: 60_000,
  })
}

/** Admin users' names by id, for "who moved it". */
export const useUserLabels = (ids: (string | null | undefined)[]) => {
  const wanted = unique(ids).filter((id) => id.startsWith("user_"))
  return useQuery({
    queryKey: labelsQueryKeys.users(wanted),
    queryFn: () =>
      sdk.admin.user.list({
        id: wanted,
        fields: "id,email,first_name,last_name",
        limit: wanted.length,
      } as any),
    select: (data) =>
      Object.fromEntries(
        data.users.map((user) => [
          user.id,
          [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email,
        ])
      ) as Record<string, string>,
    enabled: wanted.length > 0,
    staleTime: 60_000,
  })
}
