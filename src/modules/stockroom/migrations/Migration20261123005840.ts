import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123005840 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "variant_tracking_suspension" drop constraint if exists "variant_tracking_suspension_variant_id_unique";`);
    this.addSql(`create table if not exists "variant_tracking_suspension" ("id" text not null, "variant_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "variant_tracking_suspension_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_variant_tracking_suspension_deleted_at" ON "variant_tracking_suspension" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_variant_tracking_suspension_variant_id_unique" ON "variant_tracking_suspension" ("variant_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "variant_tracking_suspension" cascade;`);
  }

}
