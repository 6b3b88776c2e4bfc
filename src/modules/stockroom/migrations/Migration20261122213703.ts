import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122213703 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_location_setting" drop constraint if exists "stock_location_setting_stock_location_id_unique";`);
    this.addSql(`create table if not exists "stock_location_setting" ("id" text not null, "stock_location_id" text not null, "backorderable_default" boolean not null default true, "propagate_all_variants" boolean not null default true, "restock_inventory" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_location_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_location_setting_deleted_at" ON "stock_location_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_location_setting_stock_location_id_unique" ON "stock_location_setting" ("stock_location_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_location_setting" cascade;`);
  }

}
