import { z } from "@medusajs/framework/zod"
import { StockroomOptions } from "./types"

/**
 * Keys Medusa itself adds to every module's options. They are not the
 * merchant's to set, so they are neither validated nor ever returned.
 */
const MEDUSA_INJECTED_KEYS = new Set(["database", "providers"])

export const stockroomOptionsSchema = z
  .object({
    track_inventory_levels: z.boolean().default(true),
    allow_backorders: z.boolean().default(true),
    allow_backorder_shipping: z.boolean().default(false),
    show_zero_stock_products: z.boolean().default(true),
    restock_inventory: z.boolean().default(true),
    backorderable_default: z.boolean().default(true),
    propagate_all_variants: z.boolean().default(true),
    expose_stock_counts: z.boolean().default(true),
    low_stock_threshold: z.number().int().min(0).nullable().default(null),
    register_workflow_hooks: z.boolean().default(true),
    back_in_stock_template: z.string().trim().min(1).default("stockroom-back-in-stock"),
    admin_alerts: z.boolean().default(true),
    backorder_alert_days: z.number().int().min(1).default(7),
    checkout_hold_minutes: z.number().int().min(0).max(1440).nullable().default(null),
  })
  .strict()

export const STOCKROOM_OPTION_NAMES = Object.keys(
  stockroomOptionsSchema.shape
) as (keyof StockroomOptions)[]

const EXPECTED: Record<keyof StockroomOptions, string> = {
  track_inventory_levels: "a boolean",
  allow_backorders: "a boolean",
  allow_backorder_shipping: "a boolean",
  show_zero_stock_products: "a boolean",
  restock_inventory: "a boolean",
  backorderable_default: "a boolean",
  propagate_all_variants: "a boolean",
  expose_stock_counts: "a boolean",
  low_stock_threshold: "a whole number ≥ 0, or null",
  register_workflow_hooks: "a boolean",
  back_in_stock_template: "a non-empty string",
  admin_alerts: "a boolean",
  backorder_alert_days: "a whole number ≥ 1",
  checkout_hold_minutes: "a whole number of minutes from 0 to 1440, or null (0 and null: off)",
}

export class StockroomOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `medusa-plugin-stockroom: invalid plugin options: ${problems.join("; ")}`
    )
    this.name = "StockroomOptionsError"
  }
}

function describe(value: unknown): string {
  if (value === null) {
    return "null"
  }
  if (typeof value === "string") {
    return JSON.stringify(value)
  }
  if (typeof value === "object") {
    return Array.isArray(value) ? "an array" : "an object"
  }
  return `${typeof value} ${String(value)}`
}

/**
 * Parses the options a store passed to the plugin, filling in defaults.
 * Throws a StockroomOptionsError naming every offending option and what it
 * expected, so a misconfigured store refuses to boot with a readable message.
 */
export function parseStockroomOptions(raw: unknown): StockroomOptions {
  const input: Record<string, unknown> = {}
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== "object" || Array.isArray(raw)) {
      throw new StockroomOptionsError([
        `options must be an object, got ${describe(raw)}`,
      ])
    }
    for (const [key, value] of Object.entries(raw)) {
      if (!MEDUSA_INJECTED_KEYS.has(key)) {
        input[key] = value
      }
    }
  }

  const result = stockroomOptionsSchema.safeParse(input)
  if (result.success) {
    return result.data
  }

  const problems: string[] = []
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push(
          `unknown option "${key}" (known options: ${STOCKROOM_OPTION_NAMES.join(", ")})`
        )
      }
      continue
    }
    const name = String(issue.path[0]) as keyof StockroomOptions
    problems.push(
      `option "${name}" must be ${EXPECTED[name] ?? "valid"}, got ${describe(input[name])}`
    )
  }
  throw new StockroomOptionsError(problems)
}
