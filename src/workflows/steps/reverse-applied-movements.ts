import type { MedusaContainer } from "@medusajs/framework/types"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
  type LedgerResult,
} from "../../modules/stockroom/types"

/**
 * The movements a step booked for its own change, as its compensation
 * input: a `reconciled` movement records what Medusa had already done and
 * stays.
 */
export function appliedMovementIds(result: LedgerResult): string[] {
  return result.movements.filter((movement) => movement.kind !== "reconciled").map((movement) => movement.id)
}

/** Compensation: the step's movements taken back by opposite ones (the ledger is never edited). */
export async function reverseAppliedMovements(container: MedusaContainer, movementIds?: string[]) {
  if (!movementIds?.length) {
    return
  }
  await container
    .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    .reverseMovements(movementIds, "the operation that wrote it failed")
}
