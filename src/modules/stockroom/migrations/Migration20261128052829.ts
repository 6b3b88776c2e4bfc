import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128052829 extends Migration {

  override async up(): Promise<void> {
    // Purchase order numbers (PO-1001, …) come from a sequence, so
    // concurrent creations never compute the same next number.
    this.addSql(`create sequence if not exists "purchase_order_number_seq" start with 1001;`);
    this.addSql(`alter table if exists "purchase_order" drop constraint if exists "purchase_order_number_unique";`);
    this.addSql(`create table if not exists "purchase_order" ("id" text not null, "number" text not null, "supplier" text not null, "reference" text null, "location_id" text not null, "state" text check ("state" in ('draft', 'ordered', 'partially_received', 'received', 'canceled')) not null default 'draft', "expected_at" text null, "note" text null, "currency_code" text null, "created_by" text null, "ordered_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_deleted_at" ON "purchase_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_order_number_unique" ON "purchase_order" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_location_state" ON "purchase_order" ("location_id", "state") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_item" ("id" text not null, "inventory_item_id" text not null, "variant_id" text null, "quantity" integer not null, "received_quantity" integer not null default 0, "rejected_quantity" integer not null default 0, "unit_cost" numeric null, "purchase_order_id" text not null, "raw_unit_cost" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_item_purchase_order_id" ON "purchase_order_item" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_item_deleted_at" ON "purchase_order_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_item_inventory_item_id" ON "purchase_order_item" ("inventory_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_receipt" ("id" text not null, "received_by" text null, "note" text null, "complete" boolean not null default false, "purchase_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_purchase_order_id" ON "purchase_order_receipt" ("purchase_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_deleted_at" ON "purchase_order_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "purchase_order_receipt_line" ("id" text not null, "purchase_order_item_id" text not null, "inventory_item_id" text not null, "accepted" integer not null, "rejected" integer not null default 0, "rejection_reason" text null, "receipt_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_order_receipt_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_line_receipt_id" ON "purchase_order_receipt_line" ("receipt_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_order_receipt_line_deleted_at" ON "purchase_order_receipt_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "purchase_order_item" add constraint "purchase_order_item_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "purchase_order_receipt" add constraint "purchase_order_receipt_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade;`);

    this.addSql(`alter table if exists "purchase_order_receipt_line" add constraint "purchase_order_receipt_line_receipt_id_foreign" foreign key ("receipt_id") references "purchase_order_receipt" ("id") on update cascade;`);

    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_originator_type_check";`);

    this.addSql(`alter table if exists "stock_movement" add constraint "stock_movement_originator_type_check" check("originator_type" in ('order', 'fulfillment', 'stock_transfer', 'return_authorization', 'return', 'user', 'system', 'purchase_order'));`);

    this.addSql(`alter table if exists "stock_transfer" add column if not exists "state" text check ("state" in ('in_transit', 'received', 'canceled')) not null default 'received', add column if not exists "expected_at" text null, add column if not exists "received_by" text null, add column if not exists "received_at" timestamptz null, add column if not exists "canceled_at" timestamptz null;`);

    this.addSql(`alter table if exists "stock_transfer_item" add column if not exists "received_quantity" integer not null default 0, add column if not exists "rejected_quantity" integer not null default 0, add column if not exists "rejection_reason" text null;`);
    // Transfers made before transit existed were received when made.
    this.addSql(`update "stock_transfer_item" set "received_quantity" = "quantity" where "received_quantity" = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "purchase_order_item" drop constraint if exists "purchase_order_item_purchase_order_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order_receipt" drop constraint if exists "purchase_order_receipt_purchase_order_id_foreign";`);

    this.addSql(`alter table if exists "purchase_order_receipt_line" drop constraint if exists "purchase_order_receipt_line_receipt_id_foreign";`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "purchase_order_item" cascade;`);

    this.addSql(`drop table if exists "purchase_order_receipt" cascade;`);

    this.addSql(`drop table if exists "purchase_order_receipt_line" cascade;`);
    this.addSql(`drop sequence if exists "purchase_order_number_seq";`);

    this.addSql(`alter table if exists "stock_movement" drop constraint if exists "stock_movement_originator_type_check";`);

    this.addSql(`alter table if exists "stock_movement" add constraint "stock_movement_originator_type_check" check("originator_type" in ('order', 'fulfillment', 'stock_transfer', 'return_authorization', 'return', 'user', 'system'));`);

    this.addSql(`alter table if exists "stock_transfer" drop column if exists "state", drop column if exists "expected_at", drop column if exists "received_by", drop column if exists "received_at", drop column if exists "canceled_at";`);

    this.addSql(`alter table if exists "stock_transfer_item" drop column if exists "received_quantity", drop column if exists "rejected_quantity", drop column if exists "rejection_reason";`);
  }

}
