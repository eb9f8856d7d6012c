import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123195222 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_loyalty_redemption" ("id" text not null, "account_id" text not null, "customer_id" text not null, "cart_id" text not null, "points" integer not null, "amount" numeric not null, "currency_code" text not null, "promotion_id" text null, "promotion_code" text not null, "status" text check ("status" in ('held', 'redeemed', 'released')) not null default 'held', "expires_at" timestamptz not null, "order_id" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_redemption_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_redemption_deleted_at" ON "crm_loyalty_redemption" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_redemption_cart_held" ON "crm_loyalty_redemption" ("cart_id") WHERE status = 'held' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_redemption_status_expires" ON "crm_loyalty_redemption" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_redemption_order" ON "crm_loyalty_redemption" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`alter table "crm_loyalty_redemption" add constraint "crm_loyalty_redemption_points_check" check ("points" > 0 and "amount" > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_redemption" cascade;`);
  }

}
