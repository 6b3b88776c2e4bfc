import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { listOrderOf, selectedKeys } from "../../../list-query"
import { iterateStockMovements } from "../helpers"
import { orderableAdminStockMovementFields } from "../query-config"
import type { AdminExportStockMovementsParamsType } from "../validators"
import { csvHeader, csvRow, STOCK_MOVEMENT_CSV_COLUMNS } from "./csv"

/** Rows fetched per query while streaming. */
const EXPORT_PAGE_SIZE = 500

/**
 * GET /admin/stock-movements/export — the ledger as CSV (the list's
 * filters, `order` and `fields`; newest first by default), streamed page by page.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportStockMovementsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminExportStockMovementsParamsType
  const order = listOrderOf(req, orderableAdminStockMovementFields)
  // `fields` picks the columns; they keep the export's column order.
  const selected = selectedKeys(req)
  const columns = STOCK_MOVEMENT_CSV_COLUMNS.filter((column) => !selected || selected.has(column))
  const pages = iterateStockMovements(req.scope, params, order, EXPORT_PAGE_SIZE)
  // Fetch the first page before answering, so a bad filter still gets a
  // proper `{type, message}` error instead of a truncated file.
  let next = await pages.next()

  const date = new Date().toISOString().slice(0, 10)
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename=stock-movements-${date}.csv`
  )
  res.setHeader("Cache-Control", "no-store")

  let closed = false
  res.once("close", () => (closed = true))
  // Respect backpressure: wait for the socket to drain (or the client to
  // leave) before fetching the next page.
  const write = async (chunk: string) => {
    if (!res.write(chunk) && !closed) {
      await new Promise<void>((resolve) => {
        res.once("drain", resolve)
        res.once("close", resolve)
      })
    }
  }
  try {
    await write(csvHeader(columns))
    while (!next.done && !closed) {
      await write(next.value.map((movement) => csvRow(movement, columns)).join(""))
      next = await pages.next()
    }
    await pages.return(undefined)
    res.end()
  } catch (err) {
    // Headers are gone: the only honest signal left is a broken download.
    res.destroy(err as Error)
  }
}
