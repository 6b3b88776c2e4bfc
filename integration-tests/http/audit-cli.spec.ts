import { spawn } from "child_process"
import path from "path"
import { createAdminUser } from "../helpers/admin"
import { FIXTURE_STORE, stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

const medusaBin = path.resolve(__dirname, "../../node_modules/.bin/medusa")
// The script as the package ships it, addressed relative to the store the
// way a store runs it from node_modules/medusa-plugin-stockroom/.
const auditScript = path.relative(
  FIXTURE_STORE,
  path.resolve(__dirname, "../../.medusa/server/src/scripts/audit-stock.js")
)

const OPTIONS = { low_stock_threshold: 1 }

/** Runs `medusa exec <audit script>` against the given database, as a real process. */
function runAudit(databaseUrl: string) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(medusaBin, ["exec", auditScript], {
      cwd: FIXTURE_STORE,
      env: {
        ...process.env,
        NODE_ENV: "development",
        NODE_OPTIONS: "",
        LOG_LEVEL: "error",
        DATABASE_URL: databaseUrl,
        STOCKROOM_TEST_OPTIONS: JSON.stringify(OPTIONS),
      },
      detached: true,
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // already gone
      }
    }, 180000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/**
 * The store's reconciliation sweep runs every 5 minutes and would (rightly)
 * ledger a breach as `reconciled` before the audit sees it. Start a
 * deliberate breach well clear of the next run.
 */
async function clearOfTheSweep() {
  const period = 5 * 60 * 1000
  const untilNext = period - (Date.now() % period)
  if (untilNext < 60000) {
    await new Promise((resolve) => setTimeout(resolve, untilNext + 5000))
  }
}

stockroomStoreRunner({
  options: OPTIONS,
  testSuite: ({ api, getContainer, dbConnection, dbConfig }) => {
    let headers: Record<string, string>
    let locationId: string
    let inventoryItemId: string
    let stockItemId: string

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
      const { data: loc } = await api.post(
        "/admin/stock-locations",
        { name: "Audit depot" },
        { headers }
      )
      locationId = loc.stock_location.id
      const { data: item } = await api.post(
        "/admin/inventory-items",
        { sku: "AUDIT-1", title: "Audited" },
        { headers }
      )
      inventoryItemId = item.inventory_item.id
      // Let propagation create the level first: two requests creating the
      // same missing level collide (Medusa answers "already exists").
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await dbConnection.raw(
          "select 1 from stock_item where inventory_item_id = ? and location_id = ?",
          [inventoryItemId, locationId]
        )
        if (rows.length) {
          break
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const { data } = await api.post(
        "/admin/stock-movements",
        { inventory_item_id: inventoryItemId, location_id: locationId, quantity: 4 },
        { headers }
      )
      stockItemId = data.stock_movement.stock_item_id
    })

    it("prints a clean line and exits 0 when the ledger agrees with Medusa", async () => {
      const { code, output } = await runAudit(dbConfig.clientUrl)
      expect(output).toMatch(/Stockroom audit: OK — \d+ stock item\(s\) checked, invariants 1–5 hold/)
      expect(output).not.toContain("BREACH")
      expect(code).toBe(0)
    })

    it("lists a level written behind Stockroom's back with its numbers and exits 1", async () => {
      await clearOfTheSweep()
      // Level events from the setup are reconciled a moment after they fire
      // (see the inventory-level subscriber); let them land first, or one of
      // them would ledger the breach before the audit reads it.
      await new Promise((resolve) => setTimeout(resolve, 4000))
      await dbConnection.raw(
        `update inventory_level
            set stocked_quantity = 11,
                raw_stocked_quantity = jsonb_build_object('value', '11', 'precision', 20)
          where inventory_item_id = ? and location_id = ?`,
        [inventoryItemId, locationId]
      )
      const { code, output } = await runAudit(dbConfig.clientUrl)
      const breaches = output.split("\n").filter((line) => line.startsWith("BREACH"))
      expect(breaches).toEqual([
        expect.stringContaining(
          `BREACH invariant 1 (ledger sums = Medusa level): stock item ${stockItemId} — inventory item ${inventoryItemId} at location ${locationId}: Σ stocked_change is 4 but Medusa's stocked_quantity is 11 [expected 11, found 4]`
        ),
        expect.stringContaining(
          `stock item ${stockItemId} — inventory item ${inventoryItemId} at location ${locationId}: Σ quantity is 4 but stocked − reserved is 11 [expected 11, found 4]`
        ),
      ])
      expect(output).toContain("Stockroom audit: FAILED — 2 breach(es)")
      expect(code).toBe(1)

      // Nothing repaired it behind the test's back: the audit saw the breach as written.
      const { rows } = await dbConnection.raw(
        "select count(*)::int as n from stock_movement where stock_item_id = ?",
        [stockItemId]
      )
      expect(rows[0].n).toBe(1)
    })
  },
})
