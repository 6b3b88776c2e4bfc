import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128061338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "checkout_hold" ("id" text not null, "cart_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "checkout_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_hold_deleted_at" ON "checkout_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_hold_cart_id" ON "checkout_hold" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_hold_item_location" ON "checkout_hold" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_location_setting" add column if not exists "allocation_priority" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "checkout_hold" cascade;`);

    this.addSql(`alter table if exists "stock_location_setting" drop column if exists "allocation_priority";`);
  }

}
