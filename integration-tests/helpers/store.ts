import path from "path"
import {
  medusaIntegrationTestRunner,
  MedusaSuiteOptions,
} from "@medusajs/test-utils"
import type { StockroomOptionsInput } from "../../src/modules/stockroom/types"
import { validatingApi } from "./openapi"

export const FIXTURE_STORE = path.resolve(__dirname, "../fixtures/store")
/** A store that registers Medusa's hooks itself and calls Stockroom's handlers. */
export const FIXTURE_STORE_OWN_HOOKS = path.resolve(__dirname, "../fixtures/store-own-hooks")
/** A store with a local notification provider for `email` and `feed`. */
export const FIXTURE_STORE_NOTIFICATIONS = path.resolve(__dirname, "../fixtures/store-notifications")

/**
 * Boots the fixture store (the built plugin loaded as a store loads it) with
 * the given plugin options, on a database of its own for this spec file.
 * Every response a Stockroom route gives the spec's `api` is checked
 * against openapi.json (see ./openapi.ts).
 */
export function stockroomStoreRunner({
  options = {},
  fixture = FIXTURE_STORE,
  testSuite,
}: {
  options?: StockroomOptionsInput & Record<string, unknown>
  fixture?: string
  testSuite: (suite: MedusaSuiteOptions) => void
}) {
  // Read by the fixture's medusa-config when the runner loads it.
  process.env.STOCKROOM_TEST_OPTIONS = JSON.stringify(options)
  return medusaIntegrationTestRunner({
    cwd: fixture,
    testSuite: (suite) => testSuite({ ...suite, api: validatingApi(suite.api) }),
  })
}
