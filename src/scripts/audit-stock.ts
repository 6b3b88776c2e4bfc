import { ExecArgs } from "@medusajs/framework/types"
import { AuditProblem, STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"

const INVARIANTS: Record<AuditProblem["invariant"], string> = {
  1: "ledger sums = Medusa level",
  2: "balances chain in sequence order",
  3: "movements never edited or removed",
  4: "on_hand units within on hand, backorders filled",
  5: "units add up to each order line",
}

/** One breach on one line, with the ids and the numbers that disagree. */
export function describeProblem(problem: AuditProblem): string {
  const numbers =
    problem.expected !== undefined || problem.actual !== undefined
      ? ` [expected ${problem.expected ?? "?"}, found ${problem.actual ?? "?"}]`
      : ""
  return `BREACH invariant ${problem.invariant} (${INVARIANTS[problem.invariant]}): stock item ${problem.stock_item_id} — inventory item ${problem.inventory_item_id} at location ${problem.location_id}: ${problem.message}${numbers}`
}

/**
 * Checks the stock ledger's invariants 1–5 from a store's command line:
 *
 *   npx medusa exec ./node_modules/medusa-plugin-stockroom/.medusa/server/src/scripts/audit-stock.js
 *
 * Prints every breach with its numbers, or one clean line, and exits with
 * status 1 when anything is wrong (so it can gate a deploy or a cron alert).
 */
export default async function auditStock({ container }: ExecArgs) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const { ok, checked, problems } = await stockroom.audit()
  // Written straight to stdout: this is the command's output, not a log
  // line that LOG_LEVEL could silence.
  if (ok) {
    process.stdout.write(
      `Stockroom audit: OK — ${checked} stock item(s) checked, invariants 1–5 hold\n`
    )
    return
  }
  for (const problem of problems) {
    process.stdout.write(`${describeProblem(problem)}\n`)
  }
  process.stdout.write(
    `Stockroom audit: FAILED — ${problems.length} breach(es) across ${checked} stock item(s) checked\n`
  )
  process.exitCode = 1
}
