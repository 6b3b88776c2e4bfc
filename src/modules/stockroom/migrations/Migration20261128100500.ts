import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Indexes for the audit at scale, written here rather than in the model
 * (like the append-only trigger): the model's indexes cannot carry INCLUDE
 * columns and are always partial on `deleted_at IS NULL`, while the audit
 * reads every movement, removed ones included.
 *
 * - IDX_stock_movement_chain: each stock item's movements in sequence
 *   order with every column the balance-chain check reads, so the audit's
 *   window pass is an index-only scan: no sort, no heap.
 * - IDX_stock_movement_edited: only movements edited or removed after being
 *   written (none while the append-only trigger stands), so finding them
 *   reads an empty index instead of the whole ledger.
 */
export class Migration20261128100500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_chain" ON "stock_movement" ("stock_item_id", "sequence") INCLUDE ("stocked_change", "quantity", "stocked_after", "count_on_hand_after", "id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_edited" ON "stock_movement" ("stock_item_id") WHERE deleted_at IS NOT NULL OR updated_at <> created_at;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_stock_movement_chain";`);
    this.addSql(`drop index if exists "IDX_stock_movement_edited";`);
  }

}
