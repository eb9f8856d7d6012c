import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123200051 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_loyalty_campaign" ("id" text not null, "name" text not null, "multiplier" double precision not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "weekdays" jsonb null, "days_of_month" jsonb null, "tier_ids" jsonb null, "segment_ids" jsonb null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_campaign_deleted_at" ON "crm_loyalty_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_campaign_window" ON "crm_loyalty_campaign" ("active", "starts_at", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "crm_loyalty_settings" add column if not exists "signup_bonus_points" integer not null default 0, add column if not exists "birthday_bonus_points" integer not null default 0, add column if not exists "referrer_bonus_points" integer not null default 0, add column if not exists "referee_bonus_points" integer not null default 0, add column if not exists "review_bonus_points" integer not null default 0, add column if not exists "survey_bonus_points" integer not null default 0;`);
    this.addSql(`alter table "crm_loyalty_campaign" add constraint "crm_loyalty_campaign_check" check ("multiplier" > 0 and "ends_at" > "starts_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_campaign" cascade;`);

    this.addSql(`alter table if exists "crm_loyalty_settings" drop column if exists "signup_bonus_points", drop column if exists "birthday_bonus_points", drop column if exists "referrer_bonus_points", drop column if exists "referee_bonus_points", drop column if exists "review_bonus_points", drop column if exists "survey_bonus_points";`);
  }

}
