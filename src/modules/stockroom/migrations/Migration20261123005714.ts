import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123005714 extends Migration {

  override async up(): Promise<void> {
    // Return authorization numbers (RA-1001, …) come from a sequence, so
    // concurrent authorizations never compute the same next number.
    this.addSql(`create sequence if not exists "return_authorization_number_seq" start with 1001;`);
    this.addSql(`alter table if exists "return_authorization" drop constraint if exists "return_authorization_number_unique";`);
    this.addSql(`create table if not exists "return_authorization" ("id" text not null, "number" text not null, "order_id" text not null, "state" text check ("state" in ('authorized', 'received', 'canceled')) not null default 'authorized', "reason" text not null, "return_reason_id" text null, "memo" text null, "amount" numeric not null, "currency_code" text not null, "location_id" text not null, "return_id" text null, "items_value" numeric null, "created_by" text null, "received_by" text null, "canceled_by" text null, "received_at" timestamptz null, "canceled_at" timestamptz null, "raw_amount" jsonb not null, "raw_items_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "return_authorization_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_authorization_deleted_at" ON "return_authorization" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_return_authorization_number_unique" ON "return_authorization" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_authorization_order_id" ON "return_authorization" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_authorization_return_id" ON "return_authorization" ("return_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "return_authorization_item" ("id" text not null, "inventory_unit_id" text not null, "line_item_id" text not null, "variant_id" text null, "inventory_item_id" text null, "quantity" integer not null, "required_quantity" integer not null default 1, "resellable" boolean not null default true, "restocked_quantity" integer not null default 0, "return_authorization_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "return_authorization_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_authorization_item_return_authorization_id" ON "return_authorization_item" ("return_authorization_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_return_authorization_item_deleted_at" ON "return_authorization_item" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "return_authorization_item" add constraint "return_authorization_item_return_authorization_id_foreign" foreign key ("return_authorization_id") references "return_authorization" ("id") on update cascade;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_unit_return_authorization_id" ON "inventory_unit" ("return_authorization_id") WHERE deleted_at IS NULL AND return_authorization_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "return_authorization_item" drop constraint if exists "return_authorization_item_return_authorization_id_foreign";`);

    this.addSql(`drop table if exists "return_authorization" cascade;`);

    this.addSql(`drop table if exists "return_authorization_item" cascade;`);

    this.addSql(`drop sequence if exists "return_authorization_number_seq";`);

    this.addSql(`drop index if exists "IDX_inventory_unit_return_authorization_id";`);
  }

}
