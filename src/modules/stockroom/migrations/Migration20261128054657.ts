import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128054657 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_count_item" drop constraint if exists "stock_count_item_count_stock_item_unique";`);
    this.addSql(`alter table if exists "stock_count" drop constraint if exists "stock_count_number_unique";`);
    this.addSql(`create table if not exists "stock_count" ("id" text not null, "number" text not null, "location_id" text not null, "state" text check ("state" in ('open', 'applied', 'canceled')) not null default 'open', "created_by" text null, "applied_by" text null, "applied_at" timestamptz null, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_count_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_count_deleted_at" ON "stock_count" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_count_number_unique" ON "stock_count" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_count_location_id" ON "stock_count" ("location_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_count_item" ("id" text not null, "stock_item_id" text not null, "inventory_item_id" text not null, "sku" text null, "expected" integer not null, "counted" integer null, "counted_at" timestamptz null, "expected_at_count" integer null, "difference" integer null, "movement_id" text null, "stock_count_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_count_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_count_item_stock_count_id" ON "stock_count_item" ("stock_count_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_count_item_deleted_at" ON "stock_count_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_count_item_count_stock_item_unique" ON "stock_count_item" ("stock_count_id", "stock_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_count_item" add constraint "stock_count_item_stock_count_id_foreign" foreign key ("stock_count_id") references "stock_count" ("id") on update cascade;`);

    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_originator_type_check";`);

    this.addSql(`alter table if exists "stock_item" add column if not exists "safety_stock" integer not null default 0;`);

    this.addSql(`alter table if exists "stock_movement" add column if not exists "reason_code" text check ("reason_code" in ('correction', 'cycle_count', 'received', 'return_restock', 'damaged', 'shrinkage', 'promotion', 'other')) null;`);
    this.addSql(`alter table if exists "stock_movement" add constraint "stock_movement_originator_type_check" check("originator_type" in ('order', 'fulfillment', 'stock_transfer', 'return_authorization', 'return', 'user', 'system', 'purchase_order', 'stock_count'));`);
    // Movements written before reason codes existed: an admin's own rows get
    // the code their kind implies (or their free-text reason when it names a
    // code exactly); no existing value changes, `reason` keeps its text, and
    // system rows stay without a code. The append-only trigger is lifted for
    // this one statement only, inside the migration's transaction.
    this.addSql(`alter table "stock_movement" disable trigger "stock_movement_append_only";`);
    this.addSql(`update "stock_movement" set "reason_code" = case
        when lower(trim("reason")) in ('correction', 'cycle_count', 'received', 'return_restock', 'damaged', 'shrinkage', 'promotion', 'other') then lower(trim("reason"))
        when "kind" = 'received' then 'received'
        when "kind" in ('adjusted', 'reconciled') then 'correction'
        else 'other' end
      where "reason_code" is null and "originator_type" = 'user';`);
    this.addSql(`alter table "stock_movement" enable trigger "stock_movement_append_only";`);
    // Stock count numbers (SC-1001, …) come from a sequence, like return authorizations'.
    this.addSql(`create sequence if not exists "stock_count_number_seq" start with 1001;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_stock_item_created_at" ON "stock_movement" ("stock_item_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_location_created_at" ON "stock_movement" ("location_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_kind_created_at" ON "stock_movement" ("kind", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_reason_code_created_at" ON "stock_movement" ("reason_code", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "stock_count_item" drop constraint if exists "stock_count_item_stock_count_id_foreign";`);

    this.addSql(`drop table if exists "stock_count" cascade;`);
    this.addSql(`drop sequence if exists "stock_count_number_seq";`);

    this.addSql(`drop table if exists "stock_count_item" cascade;`);

    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_originator_type_check";`);

    this.addSql(`alter table if exists "stock_item" drop column if exists "safety_stock";`);

    this.addSql(`drop index if exists "IDX_stock_movement_stock_item_created_at";`);
    this.addSql(`drop index if exists "IDX_stock_movement_location_created_at";`);
    this.addSql(`drop index if exists "IDX_stock_movement_kind_created_at";`);
    this.addSql(`drop index if exists "IDX_stock_movement_reason_code_created_at";`);
    this.addSql(`alter table if exists "stock_movement" drop column if exists "reason_code";`);

    this.addSql(`alter table if exists "stock_movement" add constraint "stock_movement_originator_type_check" check("originator_type" in ('order', 'fulfillment', 'stock_transfer', 'return_authorization', 'return', 'user', 'system', 'purchase_order'));`);
  }

}
