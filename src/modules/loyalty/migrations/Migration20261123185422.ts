import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123185422 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_loyalty_account" drop constraint if exists "crm_loyalty_account_customer_id_unique";`);
    this.addSql(`create table if not exists "crm_loyalty_account" ("id" text not null, "customer_id" text not null, "points_balance" integer not null default 0, "pending_points" integer not null default 0, "held_points" integer not null default 0, "lifetime_points" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_deleted_at" ON "crm_loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_customer_id_unique" ON "crm_loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`);
    // Point caches can never go negative, whatever the code above them does.
    this.addSql(`alter table "crm_loyalty_account" add constraint "crm_loyalty_account_pending_points_check" check ("pending_points" >= 0), add constraint "crm_loyalty_account_held_points_check" check ("held_points" >= 0), add constraint "crm_loyalty_account_lifetime_points_check" check ("lifetime_points" >= 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_account" cascade;`);
  }

}
