import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122222203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "inventory_unit" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "variant_id" text null, "inventory_item_id" text null, "location_id" text null, "state" text check ("state" in ('on_hand', 'backordered', 'shipped', 'returned', 'canceled')) not null default 'on_hand', "quantity" integer not null, "fulfillment_id" text null, "shipped_at" timestamptz null, "return_id" text null, "return_authorization_id" text null, "ordered_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inventory_unit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_deleted_at" ON "inventory_unit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_fill_queue" ON "inventory_unit" ("inventory_item_id", "location_id", "state", "ordered_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_order_id" ON "inventory_unit" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_line_item_id" ON "inventory_unit" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_fulfillment_id" ON "inventory_unit" ("fulfillment_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_unit" cascade;`);
  }

}
