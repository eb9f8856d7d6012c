import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123200735 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_loyalty_account" add column if not exists "birthday" text null, add column if not exists "birthday_set_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_birthday" ON "crm_loyalty_account" ("birthday") WHERE birthday IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_crm_loyalty_account_birthday";`);
    this.addSql(`alter table if exists "crm_loyalty_account" drop column if exists "birthday", drop column if exists "birthday_set_at";`);
  }

}
