import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128052625 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "stock_subscription" drop constraint if exists "stock_subscription_token_unique";`);
    this.addSql(`alter table if exists "stock_alert" drop constraint if exists "stock_alert_item_kind_unique";`);
    this.addSql(`create table if not exists "stock_alert" ("id" text not null, "stock_item_id" text not null, "kind" text check ("kind" in ('low_stock', 'out_of_stock', 'backorder_age')) not null, "sequence" integer not null default 0, "raised_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_alert_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_alert_deleted_at" ON "stock_alert" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_alert_item_kind_unique" ON "stock_alert" ("stock_item_id", "kind") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "stock_subscription" ("id" text not null, "variant_id" text not null, "email" text not null, "customer_id" text null, "sales_channel_id" text not null, "token" text not null, "notified_at" timestamptz null, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_subscription_deleted_at" ON "stock_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_subscription_token_unique" ON "stock_subscription" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_subscription_waiting" ON "stock_subscription" ("variant_id", "sales_channel_id") WHERE deleted_at IS NULL AND notified_at IS NULL AND canceled_at IS NULL;`);
    // One active subscription per variant, email (case-insensitive) and channel: an expression index the data-model language cannot declare.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_subscription_active_unique" ON "stock_subscription" ("variant_id", lower("email"), "sales_channel_id") WHERE deleted_at IS NULL AND notified_at IS NULL AND canceled_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_alert" cascade;`);

    this.addSql(`drop table if exists "stock_subscription" cascade;`);
  }

}
