import path from "path"
import {
  medusaIntegrationTestRunner,
  MedusaSuiteOptions,
} from "@medusajs/test-utils"
import type { StockroomOptionsInput } from "../../src/modules/stockroom/types"

export const FIXTURE_STORE = path.resolve(__dirname, "../fixtures/store")

/**
 * Boots the fixture store (the built plugin loaded as a store loads it) with
 * the given plugin options, on a database of its own for this spec file.
 */
export function stockroomStoreRunner({
  options = {},
  testSuite,
}: {
  options?: StockroomOptionsInput & Record<string, unknown>
  testSuite: (suite: MedusaSuiteOptions) => void
}) {
  // Read by the fixture's medusa-config when the runner loads it.
  process.env.STOCKROOM_TEST_OPTIONS = JSON.stringify(options)
  return medusaIntegrationTestRunner({
    cwd: FIXTURE_STORE,
    testSuite,
  })
}
