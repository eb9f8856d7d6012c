import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123191141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_loyalty_settings" ("id" text not null, "earn_rate" double precision not null default 1, "earn_rates" jsonb not null default '{}', "point_value" double precision not null default 0.01, "point_values" jsonb not null default '{}', "activation" text check ("activation" in ('delivery_or_days', 'delivery', 'days')) not null default 'delivery_or_days', "pending_days" integer not null default 14, "expiry_months" integer null default 12, "expiry_reminder_days" integer not null default 14, "max_redeem_ratio" double precision not null default 0.5, "min_redeem_points" integer not null default 100, "hold_minutes" integer not null default 1440, "reversal_overdraft" text check ("reversal_overdraft" in ('clamp', 'arrears')) not null default 'clamp', "include_shipping" boolean not null default false, "include_tax" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_settings_deleted_at" ON "crm_loyalty_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    // double precision, not real: 0.01 must read back as 0.01. Ranges by hand.
    this.addSql(`alter table "crm_loyalty_settings" add constraint "crm_loyalty_settings_ranges_check" check ("earn_rate" >= 0 and "point_value" > 0 and "max_redeem_ratio" > 0 and "max_redeem_ratio" <= 1 and "pending_days" >= 0 and ("expiry_months" is null or "expiry_months" > 0) and "expiry_reminder_days" >= 0 and "min_redeem_points" >= 1 and "hold_minutes" >= 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_loyalty_settings" cascade;`);
  }

}
