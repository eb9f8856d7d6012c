import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124073337 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_survey_settings" ("id" text not null, "frequency_cap_days" integer not null default 30, "store_name" text null, "brand_color" text not null default '#2563eb', "background_color" text not null default '#f4f4f5', "text_color" text not null default '#18181b', "link_base_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_survey_settings_pkey" primary key ("id"));`);
    this.addSql(`alter table "crm_survey_settings" add constraint "crm_survey_settings_values_check" check (frequency_cap_days between 0 and 365 and brand_color ~ '^#[0-9a-fA-F]{6}$' and background_color ~ '^#[0-9a-fA-F]{6}$' and text_color ~ '^#[0-9a-fA-F]{6}$');`);

    this.addSql(`alter table if exists "crm_survey" add column if not exists "review_prompt" boolean not null default true;`);

    this.addSql(`alter table if exists "crm_survey_invitation" add column if not exists "source_display_id" integer null, add column if not exists "email" text null, add column if not exists "skip_reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_expiry" ON "crm_survey_invitation" ("expires_at") WHERE deleted_at IS NULL AND status = 'sent';`);

    this.addSql(`alter table if exists "crm_survey_response" add column if not exists "has_text" boolean not null default false;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_response_survey_text" ON "crm_survey_response" ("survey_id", "created_at") WHERE deleted_at IS NULL AND has_text;`);
    this.addSql(`alter table "crm_survey_invitation" add constraint "crm_survey_invitation_skip_check" check (skip_reason is null or (status = 'skipped' and skip_reason in ('frequency_cap', 'survey_inactive', 'no_email')));`);

    // Results read these per-day counters (kept by the send job and each answer), not the responses: a survey's whole history is at most a few thousand rows.
    this.addSql(`create table if not exists "crm_survey_daily_count" ("survey_id" text not null, "day" date not null, "score" smallint not null default -1, "invitations" integer not null default 0, "responses" integer not null default 0, "text_responses" integer not null default 0, constraint "crm_survey_daily_count_pkey" primary key ("survey_id", "day", "score"), constraint "crm_survey_daily_count_values_check" check (score between -1 and 10 and invitations >= 0 and responses >= 0 and text_responses between 0 and responses));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_response_customer" ON "crm_survey_response" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_survey_settings" cascade;`);
    this.addSql(`drop table if exists "crm_survey_daily_count" cascade;`);
    this.addSql(`alter table if exists "crm_survey_invitation" drop constraint if exists "crm_survey_invitation_skip_check";`);

    this.addSql(`alter table if exists "crm_survey" drop column if exists "review_prompt";`);

    this.addSql(`drop index if exists "IDX_crm_survey_invitation_expiry";`);
    this.addSql(`alter table if exists "crm_survey_invitation" drop column if exists "source_display_id", drop column if exists "email", drop column if exists "skip_reason";`);

    this.addSql(`drop index if exists "IDX_crm_survey_response_survey_text";`);
    this.addSql(`drop index if exists "IDX_crm_survey_response_customer";`);
    this.addSql(`alter table if exists "crm_survey_response" drop column if exists "has_text";`);
  }

}
