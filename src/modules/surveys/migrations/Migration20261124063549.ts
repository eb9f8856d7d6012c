import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124063549 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_survey_response" drop constraint if exists "crm_survey_response_invitation_unique";`);
    this.addSql(`alter table if exists "crm_survey_invitation" drop constraint if exists "crm_survey_invitation_source_unique";`);
    this.addSql(`create table if not exists "crm_survey" ("id" text not null, "name" text not null, "type" text check ("type" in ('nps', 'csat', 'custom')) not null, "questions" jsonb not null default '[]', "trigger" text check ("trigger" in ('delivery', 'ticket_resolved', 'manual')) not null default 'manual', "delay_hours" integer not null default 0, "active" boolean not null default false, "expiry_days" integer not null default 14, "completion_points" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_survey_pkey" primary key ("id"));`);

    this.addSql(`create table if not exists "crm_survey_invitation" ("id" text not null, "survey_id" text not null, "customer_id" text not null, "source_type" text not null, "source_id" text null, "status" text check ("status" in ('scheduled', 'sent', 'answered', 'expired', 'skipped')) not null default 'scheduled', "token_hash" text null, "due_at" timestamptz not null, "sent_at" timestamptz null, "expires_at" timestamptz null, "answered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_survey_invitation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_survey_id" ON "crm_survey_invitation" ("survey_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_source_unique" ON "crm_survey_invitation" ("survey_id", "source_type", "source_id") WHERE deleted_at IS NULL AND source_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_token_hash" ON "crm_survey_invitation" ("token_hash") WHERE deleted_at IS NULL AND token_hash IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_due" ON "crm_survey_invitation" ("due_at") WHERE deleted_at IS NULL AND status = 'scheduled';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_invitation_customer_sent" ON "crm_survey_invitation" ("customer_id", "sent_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_survey_response" ("id" text not null, "survey_id" text not null, "invitation_id" text not null, "customer_id" text not null, "order_id" text null, "ticket_id" text null, "score" integer null, "answers" jsonb not null default '[]', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_survey_response_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_survey_response_invitation_unique" ON "crm_survey_response" ("invitation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_response_survey_created" ON "crm_survey_response" ("survey_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_survey_response_order" ON "crm_survey_response" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);

    this.addSql(`alter table "crm_survey" add constraint "crm_survey_values_check" check (delay_hours >= 0 and expiry_days >= 1 and completion_points >= 0 and jsonb_typeof(questions) = 'array');`);
    this.addSql(`alter table "crm_survey_invitation" add constraint "crm_survey_invitation_values_check" check (source_type in ('order', 'ticket', 'manual') and (status = 'scheduled' or token_hash is not null or status = 'skipped'));`);
    this.addSql(`alter table "crm_survey_response" add constraint "crm_survey_response_values_check" check ((score is null or score between 0 and 10) and jsonb_typeof(answers) = 'array');`);
    this.addSql(`alter table if exists "crm_survey_invitation" add constraint "crm_survey_invitation_survey_id_foreign" foreign key ("survey_id") references "crm_survey" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "crm_survey_invitation" drop constraint if exists "crm_survey_invitation_survey_id_foreign";`);

    this.addSql(`drop table if exists "crm_survey" cascade;`);

    this.addSql(`drop table if exists "crm_survey_invitation" cascade;`);

    this.addSql(`drop table if exists "crm_survey_response" cascade;`);
  }

}
