import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124103223 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_rfm_run" ("id" text not null, "scored_at" timestamptz not null, "customers" integer not null default 0, "changed" integer not null default 0, "duration_ms" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_rfm_run_pkey" primary key ("id"), constraint "crm_rfm_run_counts_check" check ("customers" >= 0 and "changed" >= 0 and "duration_ms" >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_rfm_run_scored_at" ON "crm_rfm_run" ("scored_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_segment" ("id" text not null, "name" text not null, "description" text null, "rules" jsonb not null, "refresh" text check ("refresh" in ('manual', 'hourly', 'daily')) not null default 'daily', "customer_group_id" text null, "member_count" integer not null default 0, "refreshed_at" timestamptz null, "last_joined" integer not null default 0, "last_left" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_segment_pkey" primary key ("id"), constraint "crm_segment_counts_check" check ("member_count" >= 0 and "last_joined" >= 0 and "last_left" >= 0), constraint "crm_segment_name_check" check (length(trim("name")) between 1 and 200));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_segment_name_unique" ON "crm_segment" ("name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_segment_refresh_due" ON "crm_segment" ("refresh", "refreshed_at") WHERE deleted_at IS NULL AND refresh <> 'manual';`);

    // Plain tables, no soft delete: a member row is only ever inserted or
    // deleted by a refresh (joined and left are exactly those rows), and a
    // score row is rewritten only when it changes, at a million customers.
    this.addSql(`create table if not exists "crm_segment_member" ("segment_id" text not null, "customer_id" text not null, "joined_at" timestamptz not null default now(), constraint "crm_segment_member_pkey" primary key ("segment_id", "customer_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_segment_member_joined" ON "crm_segment_member" ("segment_id", "joined_at" DESC, "customer_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_segment_member_customer" ON "crm_segment_member" ("customer_id");`);
    this.addSql(`create table if not exists "crm_customer_rfm" ("customer_id" text not null, "recency" smallint not null, "frequency" smallint not null, "monetary" smallint not null, "rfm_group" text not null, "last_order_at" timestamptz not null, "order_count" integer not null, "monetary_value" numeric not null, "updated_at" timestamptz not null default now(), constraint "crm_customer_rfm_pkey" primary key ("customer_id"), constraint "crm_customer_rfm_scores_check" check ("recency" between 1 and 5 and "frequency" between 1 and 5 and "monetary" between 1 and 5), constraint "crm_customer_rfm_group_check" check ("rfm_group" in ('champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'need_attention', 'at_risk', 'cannot_lose_them', 'hibernating', 'lost')), constraint "crm_customer_rfm_order_count_check" check ("order_count" > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_customer_rfm_group" ON "crm_customer_rfm" ("rfm_group");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_customer_rfm" cascade;`);
    this.addSql(`drop table if exists "crm_segment_member" cascade;`);
    this.addSql(`drop table if exists "crm_rfm_run" cascade;`);

    this.addSql(`drop table if exists "crm_segment" cascade;`);
  }

}
