import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122214306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_stock_item_sequence_unique";`);
    this.addSql(`alter table if exists "stock_item" drop constraint if exists "stock_item_inventory_item_location_unique";`);
    this.addSql(`create table if not exists "stock_item" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "backorderable" boolean not null default true, "low_stock_threshold" integer null, "last_sequence" integer not null default 0, "ledger_on_hand" integer not null default 0, "ledger_count_on_hand" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_item_deleted_at" ON "stock_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_item_inventory_item_location_unique" ON "stock_item" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_item_location_id" ON "stock_item" ("location_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_movement" ("id" text not null, "stock_item_id" text not null, "inventory_item_id" text not null, "location_id" text not null, "kind" text check ("kind" in ('received', 'adjusted', 'allocated', 'released', 'shipped', 'unshipped', 'returned', 'transfer_out', 'transfer_in', 'reconciled')) not null, "quantity" integer not null, "stocked_change" integer not null, "count_on_hand_after" integer not null, "stocked_after" integer not null, "sequence" integer not null, "originator_type" text check ("originator_type" in ('order', 'fulfillment', 'stock_transfer', 'return_authorization', 'return', 'user', 'system')) null, "originator_id" text null, "actor_id" text null, "reason" text null, "note" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_deleted_at" ON "stock_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_movement_stock_item_sequence_unique" ON "stock_movement" ("stock_item_id", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_inventory_item_id" ON "stock_movement" ("inventory_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_location_id" ON "stock_movement" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_originator" ON "stock_movement" ("originator_type", "originator_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_movement_created_at" ON "stock_movement" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_transfer" ("id" text not null, "reference" text null, "source_location_id" text null, "destination_location_id" text not null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_transfer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_deleted_at" ON "stock_transfer" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_transfer_item" ("id" text not null, "inventory_item_id" text not null, "variant_id" text null, "quantity" integer not null, "transfer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_transfer_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_item_transfer_id" ON "stock_transfer_item" ("transfer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_transfer_item_deleted_at" ON "stock_transfer_item" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "stock_transfer_item" add constraint "stock_transfer_item_transfer_id_foreign" foreign key ("transfer_id") references "stock_transfer" ("id") on update cascade;`);

    // The ledger is append-only: refuse UPDATE and DELETE at the database,
    // whatever code path tries them.
    this.addSql(`CREATE OR REPLACE FUNCTION stockroom_stock_movement_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movement is append-only: % is not allowed', TG_OP;
      END;
    $$ LANGUAGE plpgsql;`);
    this.addSql(`DROP TRIGGER IF EXISTS "stock_movement_append_only" ON "stock_movement";`);
    this.addSql(`CREATE TRIGGER "stock_movement_append_only" BEFORE UPDATE OR DELETE ON "stock_movement" FOR EACH ROW EXECUTE FUNCTION stockroom_stock_movement_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS "stock_movement_append_only" ON "stock_movement";`);
    this.addSql(`DROP FUNCTION IF EXISTS stockroom_stock_movement_append_only();`);
    this.addSql(`alter table if exists "stock_transfer_item" drop constraint if exists "stock_transfer_item_transfer_id_foreign";`);

    this.addSql(`drop table if exists "stock_item" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);

    this.addSql(`drop table if exists "stock_transfer" cascade;`);

    this.addSql(`drop table if exists "stock_transfer_item" cascade;`);
  }

}
