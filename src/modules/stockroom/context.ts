import type { EntityManagerLike } from "./ledger/sql"
import type { StockroomOptions } from "./types"

/**
 * What an action of the module works with: the transaction (or, for reads,
 * the manager) the service opened, and the plugin's effective options.
 */
export type ActionContext = {
  manager: EntityManagerLike
  options: StockroomOptions
}
