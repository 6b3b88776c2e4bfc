/**
 * The one place Stockroom's enums and DTOs are declared. Zod schemas,
 * routes, workflows and the admin import from here.
 */

export const STOCKROOM_MODULE = "stockroom"

export * from "./options"
export * from "./locations"
export * from "./ledger"
export * from "./units"
export * from "./transfers"
export * from "./return-authorizations"
export * from "./service"
export * from "./purchase-orders"
export * from "./notifications"
export * from "./stock-counts"
