import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124045943 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_ticket_compensation" ("id" text not null, "ticket_id" text not null, "type" text check ("type" in ('points', 'promotion')) not null, "points" integer null, "promotion_id" text null, "promotion_code" text null, "value_type" text check ("value_type" in ('percentage', 'fixed')) null, "value" real null, "currency_code" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_ticket_compensation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_ticket_compensation_ticket_type" ON "crm_ticket_compensation" ("ticket_id", "type") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table "crm_ticket_compensation" add constraint "crm_ticket_compensation_values_check" check ((type = 'points' and points > 0) or (type = 'promotion' and promotion_id is not null and value > 0));`);
    this.addSql(`alter table if exists "crm_ticket_compensation" add constraint "crm_ticket_compensation_ticket_id_foreign" foreign key ("ticket_id") references "crm_ticket" ("id") on update cascade;`);

    this.addSql(`drop index if exists "IDX_crm_ticket_status_resolution_due";`);

    this.addSql(`alter table if exists "crm_ticket" add column if not exists "product_id" text null, add column if not exists "sla_priority" text check ("sla_priority" in ('low', 'normal', 'high', 'urgent')) null, add column if not exists "next_due_at" timestamptz null, add column if not exists "last_message_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_status_next_due" ON "crm_ticket" ("status", "next_due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_unresolved_next_due" ON "crm_ticket" ("next_due_at", "id") WHERE deleted_at IS NULL AND status IN ('open', 'reopened', 'pending_customer');`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_product" ON "crm_ticket" ("product_id") WHERE deleted_at IS NULL AND product_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_created" ON "crm_ticket" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_ticket_compensation" cascade;`);

    this.addSql(`drop index if exists "IDX_crm_ticket_status_next_due";`);
    this.addSql(`drop index if exists "IDX_crm_ticket_unresolved_next_due";`);
    this.addSql(`drop index if exists "IDX_crm_ticket_product";`);
    this.addSql(`drop index if exists "IDX_crm_ticket_created";`);
    this.addSql(`alter table if exists "crm_ticket" drop column if exists "product_id", drop column if exists "sla_priority", drop column if exists "next_due_at", drop column if exists "last_message_at";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_status_resolution_due" ON "crm_ticket" ("status", "resolution_due_at") WHERE deleted_at IS NULL;`);
  }

}
