import { definePolicies } from "@medusajs/framework/utils"
import {
  STOCKROOM_RESOURCE_OPERATIONS,
  type PolicyOperationName,
} from "../lib/access-control"

const pascal = (value: string) =>
  value
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("")

const human = (resource: string) => resource.replace(/^stockroom_/, "").replace(/_/g, " ")

/**
 * Stockroom's resources as Medusa RBAC policies (`ReadStockroomStockItem`,
 * `CreateStockroomStockMovement`, …). Medusa loads this folder from the
 * plugin and syncs the policies into its RBAC tables when the app starts.
 */
export const stockroomPolicies = definePolicies(
  Object.entries(STOCKROOM_RESOURCE_OPERATIONS).flatMap(([resource, operations]) =>
    operations.map((operation: PolicyOperationName) => ({
      name: `${pascal(operation)}${pascal(resource)}`,
      resource,
      operation,
      description: `${pascal(operation)} Stockroom ${human(resource)}s`,
    }))
  )
)
