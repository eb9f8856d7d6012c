import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124032539 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_ticket" drop constraint if exists "crm_ticket_source_unique";`);
    this.addSql(`create table if not exists "crm_ticket" ("id" text not null, "display_id" serial, "customer_id" text not null, "order_id" text null, "subject" text not null, "category" text check ("category" in ('product_quality', 'logistics', 'after_sales', 'payment', 'other')) not null default 'other', "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "status" text check ("status" in ('open', 'pending_customer', 'resolved', 'closed', 'reopened')) not null default 'open', "assignee_id" text null, "source" text check ("source" in ('customer', 'staff', 'review', 'survey')) not null default 'customer', "source_id" text null, "first_responded_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "pauses" jsonb not null default '[]', "first_response_due_at" timestamptz null, "resolution_due_at" timestamptz null, "first_response_escalated_at" timestamptz null, "resolution_escalated_at" timestamptz null, "flagged" boolean not null default false, "rating_score" integer null, "rating_comment" text null, "rated_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_ticket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_status_resolution_due" ON "crm_ticket" ("status", "resolution_due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_customer_created" ON "crm_ticket" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_assignee_status" ON "crm_ticket" ("assignee_id", "status") WHERE deleted_at IS NULL AND assignee_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_order" ON "crm_ticket" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_ticket_source_unique" ON "crm_ticket" ("source", "source_id") WHERE deleted_at IS NULL AND source_id IS NOT NULL;`);

    this.addSql(`create table if not exists "crm_ticket_macro" ("id" text not null, "name" text not null, "category" text check ("category" in ('product_quality', 'logistics', 'after_sales', 'payment', 'other')) null, "body" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_ticket_macro_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_macro_deleted_at" ON "crm_ticket_macro" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_ticket_message" ("id" text not null, "ticket_id" text not null, "author_type" text check ("author_type" in ('customer', 'user', 'system')) not null, "author_id" text null, "body" text not null, "internal" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_ticket_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_message_ticket_created" ON "crm_ticket_message" ("ticket_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_ticket_settings" ("id" text not null, "sla" jsonb not null default '{"low":{"first_response_minutes":2880,"resolution_minutes":10080},"normal":{"first_response_minutes":1440,"resolution_minutes":4320},"high":{"first_response_minutes":240,"resolution_minutes":1440},"urgent":{"first_response_minutes":60,"resolution_minutes":480}}', "business_hours" jsonb null, "auto_close_days" integer not null default 7, "escalation_email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_ticket_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_settings_deleted_at" ON "crm_ticket_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table "crm_ticket" add constraint "crm_ticket_values_check" check ((rating_score is null or rating_score between 1 and 5) and jsonb_typeof(pauses) = 'array');`);
    this.addSql(`alter table if exists "crm_ticket_message" add constraint "crm_ticket_message_ticket_id_foreign" foreign key ("ticket_id") references "crm_ticket" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "crm_ticket_message" drop constraint if exists "crm_ticket_message_ticket_id_foreign";`);

    this.addSql(`drop table if exists "crm_ticket" cascade;`);

    this.addSql(`drop table if exists "crm_ticket_macro" cascade;`);

    this.addSql(`drop table if exists "crm_ticket_message" cascade;`);

    this.addSql(`drop table if exists "crm_ticket_settings" cascade;`);
  }

}
