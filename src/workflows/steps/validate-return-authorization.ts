import {
  ContainerRegistrationKeys,
  defaultCurrencies,
  MedusaError,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import {
  CreateReturnAuthorizationInput,
  InventoryUnitDTO,
  ResolvedReturnAuthorizationRequest,
  ReturnAuthorizationItemInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export type ValidateReturnAuthorizationStepInput = {
  order_id: string
  items: ReturnAuthorizationItemInput[]
  reason?: string | null
  return_reason_id?: string | null
  amount?: number | null
  location_id: string
  memo?: string | null
  created_by?: string | null
}

export const validateReturnAuthorizationStepId = "validate-return-authorization"

type OrderLine = {
  id: string
  variant_id: string | null
  quantity: number
  /** Medusa's value of one unit of the line: price, discounts and tax */
  unit_value: number
  required: Map<string, number>
}

/**
 * Checks an authorization request against the order before anything is
 * written, and resolves it: each item becomes the units it takes per
 * inventory item (a kit line takes each of its items), and the amount
 * defaults to Medusa's value of the returned lines (sale price, discounts
 * and tax as Medusa computes them). Refused when the order, location or
 * return reason is unknown, the order has no shipped units, a unit belongs
 * to another order or is not shipped, or an item asks for more than is
 * shipped and not already authorized. The create step repeats the quantity
 * check under the order's lock; this one names the problem precisely.
 */
export const validateReturnAuthorizationStep = createStep(
  validateReturnAuthorizationStepId,
  async (input: ValidateReturnAuthorizationStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)

    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "currency_code",
        // A total asked for at the top makes the order module compute the
        // items' totals (refundable_total_per_unit among them).
        "total",
        "items.id",
        "items.variant_id",
        // The order module only computes an item's quantity when its raw
        // value or detail is asked for as well.
        "items.quantity",
        "items.raw_quantity",
        "items.detail.quantity",
        "items.refundable_total_per_unit",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
      ],
      filters: { id: input.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} not found`)
    }
    if (order.status === "canceled") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${order.id} is canceled: nothing of it can be returned`
      )
    }
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id"],
      filters: { id: input.location_id },
    })
    if (!locations.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock location ${input.location_id} not found (location_id)`
      )
    }
    let reason = input.reason?.trim() || null
    if (input.return_reason_id) {
      const { data: reasons } = await query.graph({
        entity: "return_reason",
        fields: ["id", "label", "return_reason_children.id"],
        filters: { id: input.return_reason_id },
      })
      const returnReason = reasons[0] as any
      if (!returnReason) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Return reason ${input.return_reason_id} not found (return_reason_id)`
        )
      }
      if ((returnReason.return_reason_children ?? []).length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Return reason ${input.return_reason_id} (${returnReason.label}) has nested reasons: choose one of them`
        )
      }
      reason ??= returnReason.label
    }
    if (!reason) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A return authorization needs a reason: give reason or return_reason_id"
      )
    }

    const lines = new Map<string, OrderLine>()
    for (const item of ((order.items ?? []) as any[]).filter(Boolean)) {
      lines.set(item.id, {
        id: item.id,
        variant_id: item.variant_id ?? null,
        quantity: quantityOf(item.quantity ?? item.detail?.quantity ?? item.raw_quantity),
        unit_value: quantityOf(item.refundable_total_per_unit),
        required: new Map(
          ((item.variant?.inventory_items ?? []) as any[])
            .filter(Boolean)
            .map((link) => [link.inventory_item_id, quantityOf(link.required_quantity ?? 1)])
        ),
      })
    }

    const units = (await stockroom.listInventoryUnits(
      { order_id: order.id },
      { take: null, order: { ordered_at: "ASC", id: "ASC" } }
    )) as unknown as InventoryUnitDTO[]
    const returnable = units.filter(
      (unit) => unit.state === "shipped" && !unit.return_authorization_id && unit.inventory_item_id
    )
    if (!units.some((unit) => unit.state === "shipped")) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${order.id} has no shipped units: only shipped goods can be authorized for return`
      )
    }
    // Shipped units not yet authorized, per unit row and per line × inventory item.
    const freeInUnit = new Map(returnable.map((unit) => [unit.id, unit.quantity]))
    const freeKey = (lineId: string, inventoryItemId: string) => `${lineId}|${inventoryItemId}`
    const freeInLine = new Map<string, number>()
    for (const unit of returnable) {
      const key = freeKey(unit.line_item_id, unit.inventory_item_id!)
      freeInLine.set(key, (freeInLine.get(key) ?? 0) + unit.quantity)
    }
    const take = (lineId: string, inventoryItemId: string, quantity: number, unitId?: string) => {
      const key = freeKey(lineId, inventoryItemId)
      freeInLine.set(key, (freeInLine.get(key) ?? 0) - quantity)
      if (unitId) {
        freeInUnit.set(unitId, (freeInUnit.get(unitId) ?? 0) - quantity)
      }
    }

    const requests: ResolvedReturnAuthorizationRequest[] = []
    const lineQuantities = new Map<string, number>()
    const byUnitFirst = [...input.items].sort(
      (a, b) => Number(!a.inventory_unit_id) - Number(!b.inventory_unit_id)
    )
    for (const item of byUnitFirst) {
      const resellable = item.resellable ?? true
      if (item.inventory_unit_id) {
        const unit =
          units.find((candidate) => candidate.id === item.inventory_unit_id) ??
          ((await stockroom.listInventoryUnits({ id: item.inventory_unit_id }, { take: 1 }))[0] as
            | InventoryUnitDTO
            | undefined)
        if (!unit) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `Inventory unit ${item.inventory_unit_id} not found`
          )
        }
        if (unit.order_id !== order.id) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Inventory unit ${unit.id} belongs to order ${unit.order_id}, not to order ${order.id}`
          )
        }
        if (unit.state !== "shipped") {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Inventory unit ${unit.id} is ${unit.state}: only shipped units can be authorized for return`
          )
        }
        if (unit.return_authorization_id) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Inventory unit ${unit.id} is already authorized for return by ${unit.return_authorization_id}`
          )
        }
        const line = lines.get(unit.line_item_id)
        const required = line?.required.get(unit.inventory_item_id!) ?? 1
        if (!line || line.required.size > 1 || required !== 1) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Inventory unit ${unit.id} belongs to line item ${unit.line_item_id}, whose variant is a kit of several inventory units: authorize its return by line_item_id`
          )
        }
        const free = freeInUnit.get(unit.id) ?? 0
        if (item.quantity > free) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Cannot authorize the return of ${item.quantity} unit(s) from inventory unit ${unit.id} (line item ${unit.line_item_id}): only ${Math.max(free, 0)} shipped and not already authorized for return`
          )
        }
        take(unit.line_item_id, unit.inventory_item_id!, item.quantity, unit.id)
        lineQuantities.set(line.id, (lineQuantities.get(line.id) ?? 0) + item.quantity)
        requests.push({
          inventory_unit_id: unit.id,
          line_item_id: unit.line_item_id,
          variant_id: unit.variant_id,
          resellable,
          parts: [
            { inventory_item_id: unit.inventory_item_id!, quantity: item.quantity, required_quantity: 1 },
          ],
        })
        continue
      }

      const line = lines.get(item.line_item_id!)
      if (!line) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Line item ${item.line_item_id} is not part of order ${order.id}`
        )
      }
      // The inventory items the line's units carry (the variant's links may
      // have changed since the order was placed).
      const lineUnits = units.filter(
        (unit) => unit.line_item_id === line.id && unit.inventory_item_id && unit.state !== "canceled"
      )
      const inventoryItemIds = [...new Set(lineUnits.map((unit) => unit.inventory_item_id!))].sort()
      if (!inventoryItemIds.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Line item ${line.id} has no tracked inventory units (its variant does not manage inventory): only shipped units can be authorized for return`
        )
      }
      const parts = inventoryItemIds.map((inventoryItemId) => {
        const required =
          line.required.get(inventoryItemId) ??
          Math.max(
            1,
            Math.round(
              lineUnits
                .filter((unit) => unit.inventory_item_id === inventoryItemId)
                .reduce((sum, unit) => sum + unit.quantity, 0) / Math.max(line.quantity, 1)
            )
          )
        return { inventory_item_id: inventoryItemId, quantity: item.quantity * required, required_quantity: required }
      })
      for (const part of parts) {
        const free = freeInLine.get(freeKey(line.id, part.inventory_item_id)) ?? 0
        if (part.quantity > free) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Cannot authorize the return of ${item.quantity} of line item ${line.id}${part.required_quantity !== 1 ? ` (${part.quantity} unit(s) of inventory item ${part.inventory_item_id})` : ""}: only ${Math.max(Math.floor(free / part.required_quantity), 0)} shipped and not already authorized for return`
          )
        }
      }
      for (const part of parts) {
        take(line.id, part.inventory_item_id, part.quantity)
      }
      lineQuantities.set(line.id, (lineQuantities.get(line.id) ?? 0) + item.quantity)
      requests.push({
        line_item_id: line.id,
        variant_id: line.variant_id,
        resellable,
        parts,
      })
    }

    const digits = defaultCurrencies[String(order.currency_code).toUpperCase()]?.decimal_digits ?? 2
    const round = (value: number) => Number(value.toFixed(digits))
    const itemsValue = round(
      [...lineQuantities].reduce(
        (sum, [lineId, quantity]) => sum + quantity * (lines.get(lineId)?.unit_value ?? 0),
        0
      )
    )
    return new StepResponse<CreateReturnAuthorizationInput>({
      order_id: order.id,
      reason,
      return_reason_id: input.return_reason_id ?? null,
      memo: input.memo?.trim() || null,
      amount: input.amount ?? itemsValue,
      currency_code: order.currency_code,
      location_id: input.location_id,
      created_by: input.created_by ?? null,
      requests,
    })
  }
)
