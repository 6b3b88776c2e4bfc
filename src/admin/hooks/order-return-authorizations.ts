import { toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import type {
  ReturnableLine,
  ReturnAuthorizationDrawerProps,
  ReturnAuthorizationValues,
} from "../components/return-authorization-drawer"
import type { ReturnAuthorizationsSectionProps } from "../components/return-authorizations-section"
import { describeReturnAuthorizationTime, formatAmount } from "../lib/format"
import type { ReturnAuthorization } from "../lib/types"
import { useOrderInventoryUnits } from "./inventory-units"
import { usePermissions } from "./permissions"
import {
  useCancelReturnAuthorization,
  useCreateReturnAuthorization,
  useOrderReturnAuthorizations,
  useReceiveReturnAuthorization,
  useReturnReasons,
} from "./return-authorizations"
import { useStockLocations } from "./stock-locations"

type OrderLine = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  unit_price?: number | null
  refundable_total_per_unit?: number | null
  variant?: {
    inventory_items?: { inventory_item_id: string; required_quantity?: number | null }[] | null
  } | null
}

type Order = { id: string; currency_code: string; items?: OrderLine[] | null }

const lineLabel = (item: OrderLine | undefined, lineId: string) => ({
  title: item?.product_title || item?.title || "Removed line item",
  subtitle: [item?.variant_title, item?.variant_sku].filter(Boolean).join(" · ") || lineId,
})

/**
 * The order page's return authorizations: the section's rows and actions,
 * the "Authorize return" drawer built from the order's shipped units not yet
 * authorized, confirmations before receiving or canceling, and a toast for
 * every outcome.
 */
export function useOrderReturnAuthorizationsSection(order: Order): {
  section: ReturnAuthorizationsSectionProps
  drawer: ReturnAuthorizationDrawerProps
} {
  const authorizations = useOrderReturnAuthorizations(order.id)
  const units = useOrderInventoryUnits(order.id)
  const locations = useStockLocations()
  const reasons = useReturnReasons()
  const create = useCreateReturnAuthorization()
  const receive = useReceiveReturnAuthorization()
  const cancel = useCancelReturnAuthorization()
  const prompt = usePrompt()
  const permissions = usePermissions()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)

  const currency = order.currency_code
  const lineById = new Map((order.items ?? []).map((item) => [item.id, item]))
  const locationName = (id: string) =>
    (locations.data ?? []).find((location) => location.id === id)?.name ?? id

  // Per line, the line quantity whose units are all shipped and free: a kit
  // line needs each component × its required quantity.
  const free = new Map<string, Map<string, number>>()
  const shippedFrom = new Map<string, number>()
  for (const unit of units.data?.inventory_units ?? []) {
    if (unit.state !== "shipped" || unit.return_authorization_id || !unit.inventory_item_id) {
      continue
    }
    const perItem = free.get(unit.line_item_id) ?? new Map<string, number>()
    perItem.set(unit.inventory_item_id, (perItem.get(unit.inventory_item_id) ?? 0) + unit.quantity)
    free.set(unit.line_item_id, perItem)
    if (unit.location_id) {
      shippedFrom.set(unit.location_id, (shippedFrom.get(unit.location_id) ?? 0) + unit.quantity)
    }
  }
  const lines: ReturnableLine[] = [...free]
    .map(([lineId, perItem]) => {
      const item = lineById.get(lineId)
      const required = new Map(
        (item?.variant?.inventory_items ?? []).map((link) => [
          link.inventory_item_id,
          Number(link.required_quantity ?? 1) || 1,
        ])
      )
      const returnable = Math.min(
        ...[...perItem].map(([inventoryItemId, quantity]) =>
          Math.floor(quantity / (required.get(inventoryItemId) ?? 1))
        )
      )
      return {
        lineItemId: lineId,
        ...lineLabel(item, lineId),
        returnable,
        unitValue: Number(item?.refundable_total_per_unit ?? item?.unit_price ?? 0),
      }
    })
    .filter((line) => line.returnable > 0)
  const returnableUnits = lines.reduce((sum, line) => sum + line.returnable, 0)
  // Goods usually come back to where they shipped from.
  const defaultLocationId =
    [...shippedFrom].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null

  const itemsOf = (authorization: ReturnAuthorization) => {
    const perLine = new Map<string, { quantity: number; resellable: boolean }>()
    for (const item of authorization.items ?? []) {
      const key = `${item.line_item_id}|${item.resellable}`
      const entry = perLine.get(key) ?? { quantity: 0, resellable: item.resellable }
      // A kit line's components each carry quantity × required: count the line once.
      entry.quantity = Math.max(entry.quantity, item.quantity / Math.max(item.required_quantity, 1))
      perLine.set(key, entry)
    }
    return [...perLine].map(([key, entry]) => {
      const { title } = lineLabel(lineById.get(key.split("|")[0]), key.split("|")[0])
      return `${entry.quantity} × ${title}${entry.resellable ? "" : " · not resellable"}`
    })
  }

  const rows = (authorizations.data?.return_authorizations ?? []).map((authorization) => ({
    id: authorization.id,
    number: authorization.number,
    state: authorization.state,
    amount: formatAmount(authorization.amount, authorization.currency_code),
    itemsValue:
      authorization.items_value !== null &&
      authorization.items_value !== undefined &&
      Number(authorization.items_value) !== Number(authorization.amount)
        ? formatAmount(authorization.items_value, authorization.currency_code)
        : null,
    reason: authorization.reason,
    memo: authorization.memo,
    items: itemsOf(authorization),
    location: locationName(authorization.location_id),
    when: describeReturnAuthorizationTime(authorization),
  }))
  const byId = new Map(
    (authorizations.data?.return_authorizations ?? []).map((authorization) => [authorization.id, authorization])
  )

  const onReceive = async (id: string) => {
    const authorization = byId.get(id)
    if (!authorization) {
      return
    }
    const amount = formatAmount(authorization.amount, authorization.currency_code)
    const confirmed = await prompt({
      title: `Receive ${authorization.number}?`,
      description: `The goods are back at ${locationName(authorization.location_id)}. Medusa's return is received, resellable units go back into stock, and ${amount} is credited to the order, ready to refund from its payment.`,
      confirmText: "Receive",
      cancelText: "Not yet",
    })
    if (!confirmed) {
      return
    }
    setBusyId(id)
    receive.mutate(id, {
      onSuccess: () =>
        toast.success(`${authorization.number} received`, {
          description: `${amount} is owed to the customer: refund it from the order's payment.`,
        }),
      onError: (error) =>
        toast.error(`${authorization.number} was not received`, { description: error.message }),
      onSettled: () => setBusyId(null),
    })
  }

  const onCancel = async (id: string) => {
    const authorization = byId.get(id)
    if (!authorization) {
      return
    }
    const confirmed = await prompt({
      title: `Cancel ${authorization.number}?`,
      description: "Its units are no longer authorized for return. Nothing has moved yet, so nothing else changes.",
      confirmText: "Cancel authorization",
      cancelText: "Keep it",
    })
    if (!confirmed) {
      return
    }
    setBusyId(id)
    cancel.mutate(id, {
      onSuccess: () => toast.success(`${authorization.number} canceled`),
      onError: (error) =>
        toast.error(`${authorization.number} was not canceled`, { description: error.message }),
      onSettled: () => setBusyId(null),
    })
  }

  const onSubmit = (values: ReturnAuthorizationValues) => {
    setServerError(null)
    create.mutate(
      { order_id: order.id, ...values },
      {
        onSuccess: ({ return_authorization }) => {
          toast.success(`${return_authorization.number} authorized`, {
            description: `Receive it when the goods are back; ${formatAmount(return_authorization.amount, return_authorization.currency_code)} will then be credited.`,
          })
          setDrawerOpen(false)
        },
        onError: (error) => {
          setServerError(error.message)
          toast.error("The return was not authorized", { description: error.message })
        },
      }
    )
  }

  const loading = authorizations.isLoading || units.isLoading
  const error = authorizations.error ?? units.error
  return {
    section: {
      rows,
      returnableUnits,
      isLoading: loading,
      error: error ? error.message : null,
      onRetry: () => {
        void authorizations.refetch()
        void units.refetch()
      },
      onCreate: permissions.can("authorizeReturn")
        ? () => {
            setServerError(null)
            setDrawerOpen(true)
          }
        : undefined,
      onReceive: permissions.can("receiveReturn") ? (id) => void onReceive(id) : undefined,
      onCancel: permissions.can("cancelReturn") ? (id) => void onCancel(id) : undefined,
      busyId,
    },
    drawer: {
      open: drawerOpen,
      onOpenChange: setDrawerOpen,
      lines,
      reasons: reasons.data ?? [],
      locations: (locations.data ?? []).map((location) => ({ id: location.id, name: location.name })),
      defaultLocationId,
      currencyCode: currency,
      isPending: create.isPending,
      serverError,
      onSubmit,
    },
  }
}
