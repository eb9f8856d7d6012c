import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123225241 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_loyalty_tier" drop constraint if exists "crm_loyalty_tier_name_unique";`);
    this.addSql(`alter table if exists "crm_loyalty_tier" drop constraint if exists "crm_loyalty_tier_rank_unique";`);
    this.addSql(`create table if not exists "crm_loyalty_tier" ("id" text not null, "name" text not null, "description" text null, "rank" integer not null, "threshold" numeric not null, "multiplier" real not null default 1, "discount_percent" real not null default 0, "free_shipping" boolean not null default false, "birthday_bonus_points" integer null, "support_priority" text check ("support_priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "customer_group_id" text null, "discount_promotion_id" text null, "shipping_promotion_id" text null, "metadata" jsonb null, "raw_threshold" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_tier_pkey" primary key ("id"));`);
    this.addSql(`alter table "crm_loyalty_tier" add constraint "crm_loyalty_tier_values_check" check (threshold >= 0 and rank >= 0 and multiplier >= 1 and discount_percent >= 0 and discount_percent <= 100 and (birthday_bonus_points is null or birthday_bonus_points >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_deleted_at" ON "crm_loyalty_tier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_rank_unique" ON "crm_loyalty_tier" ("rank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_name_unique" ON "crm_loyalty_tier" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_loyalty_tier_change" ("id" text not null, "account_id" text not null, "customer_id" text not null, "previous_tier_id" text null, "tier_id" text null, "direction" text check ("direction" in ('up', 'down')) not null, "reason" text check ("reason" in ('signup', 'order', 'evaluation', 'tier_deleted')) not null, "qualifying_value" numeric null, "processed_at" timestamptz null, "raw_qualifying_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_tier_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_change_deleted_at" ON "crm_loyalty_tier_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_change_account" ON "crm_loyalty_tier_change" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_tier_change_unprocessed" ON "crm_loyalty_tier_change" ("created_at") WHERE processed_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "crm_loyalty_account" add column if not exists "tier_id" text null, add column if not exists "tier_since" timestamptz null, add column if not exists "tier_below_since" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_tier" ON "crm_loyalty_account" ("tier_id", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "crm_loyalty_settings" add column if not exists "tier_measure" text check ("tier_measure" in ('spend', 'points')) not null default 'spend', add column if not exists "tier_period" text check ("tier_period" in ('rolling', 'calendar_year', 'lifetime')) not null default 'rolling', add column if not exists "tier_window_months" integer not null default 12, add column if not exists "tier_grace_days" integer not null default 30, add column if not exists "tier_upgrade_email" boolean not null default true, add column if not exists "exchange_rates" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_tier" cascade;`);

    this.addSql(`drop table if exists "crm_loyalty_tier_change" cascade;`);

    this.addSql(`drop index if exists "IDX_crm_loyalty_account_tier";`);
    this.addSql(`alter table if exists "crm_loyalty_account" drop column if exists "tier_id", drop column if exists "tier_since", drop column if exists "tier_below_since";`);

    this.addSql(`alter table if exists "crm_loyalty_settings" drop column if exists "tier_measure", drop column if exists "tier_period", drop column if exists "tier_window_months", drop column if exists "tier_grace_days", drop column if exists "tier_upgrade_email", drop column if exists "exchange_rates";`);
  }

}
