import path from "path"

/**
 * Where the schema of a module test comes from. Stockroom's own migrations,
 * plus Medusa's: the module writes `inventory_level` and reads
 * `inventory_item`, `cart` (whether a held cart completed), `order`,
 * `order_item` and the
 * `product_variant_inventory_item` link table, so those are created the way
 * a store creates them — by Medusa's own migrations (and, for the link
 * table, by Medusa's link migration planner) — not hand-written copies.
 */
const medusaPackage = (name: string) =>
  path.dirname(require.resolve(`@medusajs/${name}/package.json`))

export const STOCKROOM_MIGRATIONS = path.resolve(__dirname, "../../migrations")
export const MEDUSA_INVENTORY_MIGRATIONS = path.join(medusaPackage("inventory"), "dist", "migrations")
export const MEDUSA_ORDER_MIGRATIONS = path.join(medusaPackage("order"), "dist", "migrations")
export const MEDUSA_CART_MIGRATIONS = path.join(medusaPackage("cart"), "dist", "migrations")

/** Stockroom's tables and Medusa's inventory and cart tables. */
export const LEDGER_MIGRATIONS = [STOCKROOM_MIGRATIONS, MEDUSA_INVENTORY_MIGRATIONS, MEDUSA_CART_MIGRATIONS]

/** Also Medusa's order tables, for the audit's per-line check (invariant 5). */
export const AUDIT_MIGRATIONS = [...LEDGER_MIGRATIONS, MEDUSA_ORDER_MIGRATIONS]

/**
 * Creates the variant ↔ inventory item link table (`product_variant_inventory_item`)
 * with Medusa's link migration planner, as `medusa db:migrate` does in a store.
 */
export async function createVariantInventoryLinkTable(clientUrl: string): Promise<void> {
  const linkModules = medusaPackage("link-modules")
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { MigrationsExecutionPlanner } = require(path.join(linkModules, "dist", "migration"))
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { ProductVariantInventoryItem } = require(
    path.join(linkModules, "dist", "definitions", "product-variant-inventory-item")
  )
  const planner = new MigrationsExecutionPlanner([ProductVariantInventoryItem], {
    database: { clientUrl },
  })
  await planner.executePlan(await planner.createPlan())
}

type MikroOrmWrapperLike = {
  getOrm: () => { em: { execute: (sql: string) => Promise<unknown> }; close: (force?: boolean) => Promise<void> }
  setupDatabase: () => Promise<void>
  clearDatabase: () => Promise<void>
  forkManager: () => { execute: (sql: string, params?: unknown[]) => Promise<any[]> }
}

/** Bookkeeping tables that say which migrations ran: kept across tests. */
const MIGRATION_TABLES = ["mikro_orm_migrations", "link_module_migrations"]

/**
 * The module runner migrates a fresh schema before every test and drops it
 * after; with Medusa's migrations in the mix that DDL is most of a test's
 * time. Migrate once per file instead, and empty every table between tests
 * (DELETE with triggers off), so each test still starts from empty
 * tables. The schema is dropped after the file, as the runner would.
 * Call at the top of `testSuite` (before the runner's hooks run).
 */
export function migrateOncePerFile(
  wrapper: MikroOrmWrapperLike,
  afterMigrations?: () => Promise<void>
) {
  const setupOnce = wrapper.setupDatabase.bind(wrapper)
  // The runner's own afterAll clears the wrapper's fields, so keep the ORM.
  let orm: ReturnType<MikroOrmWrapperLike["getOrm"]> | undefined
  let migrated = false
  let tableNames: string[] | undefined
  const emptyTables = async () => {
    tableNames ??= (
      await wrapper.forkManager().execute(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`
      )
    )
      .map((table: { table_name: string }) => table.table_name)
      .filter((name: string) => !MIGRATION_TABLES.includes(name))
    // DELETE with triggers off (foreign keys and the ledger's append-only
    // guard included): far cheaper than TRUNCATE for a few rows in many
    // tables. One statement string, so it runs on one connection.
    await wrapper.forkManager().execute(
      [
        "SET session_replication_role = replica",
        ...tableNames!.map((name) => `DELETE FROM "${name}"`),
        "SET session_replication_role = DEFAULT",
      ].join("; ")
    )
  }
  wrapper.setupDatabase = async () => {
    if (!migrated) {
      await setupOnce()
      orm = wrapper.getOrm()
      await afterMigrations?.()
      migrated = true
    }
    // A run that was killed half-way may have left rows behind.
    await emptyTables()
  }
  wrapper.clearDatabase = async () => {
    await emptyTables()
  }
  afterAll(async () => {
    if (orm) {
      await orm.em.execute(`DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";`)
      await orm.close(true)
    }
  })
}
