import { LoaderOptions } from "@medusajs/framework/types"
import { parseStockroomOptions } from "../options"

/**
 * Runs when the store boots. A wrong option stops the boot with a message
 * naming the option and what it expected, instead of failing later.
 */
export default async function validateOptionsLoader({
  options,
}: LoaderOptions<Record<string, unknown>>): Promise<void> {
  parseStockroomOptions(options)
}
