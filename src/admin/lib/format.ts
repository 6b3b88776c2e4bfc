import type { InventoryUnitState, ReturnAuthorizationState, StockMovementKind } from "./types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** Stock coming in is green, going out orange, bookkeeping blue/purple. */
export const KIND_COLORS: Record<StockMovementKind, BadgeColor> = {
  received: "green",
  returned: "green",
  transfer_in: "green",
  unshipped: "green",
  released: "blue",
  adjusted: "blue",
  allocated: "orange",
  shipped: "orange",
  transfer_out: "orange",
  reconciled: "purple",
}

/** Units still owed are orange; gone out blue; back in purple; void grey. */
export const UNIT_STATE_COLORS: Record<InventoryUnitState, BadgeColor> = {
  on_hand: "green",
  backordered: "orange",
  shipped: "blue",
  returned: "purple",
  canceled: "grey",
}

export const humanize = (value: string) =>
  (value.charAt(0).toUpperCase() + value.slice(1)).replace(/_/g, " ")

export const signed = (quantity: number) =>
  quantity > 0 ? `+${quantity}` : String(quantity)

const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
})

export const formatDateTime = (value: string | Date) => dateTime.format(new Date(value))

/** An amount in the order's currency, as the dashboard shows money. */
export function formatAmount(amount: number | string | null | undefined, currencyCode: string) {
  const value = Number(amount ?? 0)
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).format(value)
  } catch {
    return `${value} ${currencyCode.toUpperCase()}`
  }
}

/** Return authorizations waiting are orange, done green, void grey. */
export const RETURN_AUTHORIZATION_STATE_COLORS: Record<ReturnAuthorizationState, BadgeColor> = {
  authorized: "orange",
  received: "green",
  canceled: "grey",
}

/** "3 min ago"-style, as the dashboard's activity lists show it. */
export function formatRelative(value: string | Date, now = Date.now()) {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["second", 60],
    ["minute", 60],
    ["hour", 24],
    ["day", 30],
    ["month", 12],
  ]
  let amount = seconds
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) {
      return format.format(amount, unit)
    }
    amount = Math.round(amount / size)
  }
  return format.format(amount, "year")
}

/** Builds a query string the way the routes read it (arrays repeated, ranges nested). */
export function toSearch(params: Record<string, unknown>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") {
      continue
    }
    if (Array.isArray(value)) {
      value.forEach((entry) => search.append(key, String(entry)))
    } else if (typeof value === "object") {
      for (const [op, inner] of Object.entries(value as Record<string, unknown>)) {
        if (inner !== undefined && inner !== "") {
          search.append(`${key}[${op}]`, String(inner))
        }
      }
    } else {
      search.append(key, String(value))
    }
  }
  return search.toString()
}

/** When an authorization reached its state, for its row. */
export const describeReturnAuthorizationTime = (authorization: {
  state: ReturnAuthorizationState
  created_at: string | Date
  received_at: string | Date | null
  canceled_at: string | Date | null
}) =>
  authorization.state === "received" && authorization.received_at
    ? `Received ${formatDateTime(authorization.received_at)}`
    : authorization.state === "canceled" && authorization.canceled_at
      ? `Canceled ${formatDateTime(authorization.canceled_at)}`
      : `Authorized ${formatDateTime(authorization.created_at)}`
