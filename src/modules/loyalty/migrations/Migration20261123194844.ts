import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123194844 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_loyalty_cursor" ("id" text not null, "position" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_cursor_deleted_at" ON "crm_loyalty_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_cursor" cascade;`);
  }

}
