import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123225148 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_order_line_fact" drop constraint if exists "crm_order_line_fact_line_id_unique";`);
    this.addSql(`alter table if exists "crm_order_fact" drop constraint if exists "crm_order_fact_order_id_unique";`);
    this.addSql(`create table if not exists "crm_order_fact" ("id" text not null, "order_id" text not null, "customer_id" text null, "sales_channel_id" text null, "region_id" text null, "status" text not null, "currency_code" text not null, "total" numeric not null, "spend" numeric not null, "returned_spend" numeric not null default 0, "item_count" integer not null default 0, "placed_at" timestamptz not null, "canceled_at" timestamptz null, "returned_at" timestamptz null, "raw_total" jsonb not null, "raw_spend" jsonb not null, "raw_returned_spend" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_order_fact_pkey" primary key ("id"));`);
    // No index on deleted_at alone: facts are never soft-deleted in bulk, and on millions of rows it only slows writes.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_order_fact_order_id_unique" ON "crm_order_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_fact_customer_placed" ON "crm_order_fact" ("customer_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_fact_placed_at" ON "crm_order_fact" ("placed_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_order_line_fact" ("id" text not null, "line_id" text not null, "order_id" text not null, "customer_id" text null, "product_id" text null, "variant_id" text null, "collection_id" text null, "category_ids" text[] not null default '{}', "quantity" integer not null, "returned_quantity" integer not null default 0, "spend" numeric not null, "placed_at" timestamptz not null, "canceled_at" timestamptz null, "raw_spend" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_order_line_fact_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_order_line_fact_line_id_unique" ON "crm_order_line_fact" ("line_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_line_fact_order_id" ON "crm_order_line_fact" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_line_fact_customer_placed" ON "crm_order_line_fact" ("customer_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_order_line_fact_product" ON "crm_order_line_fact" ("product_id", "placed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_order_fact" cascade;`);

    this.addSql(`drop table if exists "crm_order_line_fact" cascade;`);
  }

}
