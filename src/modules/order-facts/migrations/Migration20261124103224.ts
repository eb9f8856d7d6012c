import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124103224 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_order_fact" add column if not exists "country_code" text null;`);
    // Orders recorded before the column existed: their country from the order's addresses (when the store's orders are there).
    this.addSql(`DO $$ BEGIN
      IF to_regclass('public."order"') IS NOT NULL AND to_regclass('public.order_address') IS NOT NULL THEN
        UPDATE "crm_order_fact" f SET "country_code" = lower(COALESCE(sa.country_code, ba.country_code))
          FROM "order" o
          LEFT JOIN order_address sa ON sa.id = o.shipping_address_id
          LEFT JOIN order_address ba ON ba.id = o.billing_address_id
         WHERE o.id = f.order_id AND f.country_code IS NULL AND COALESCE(sa.country_code, ba.country_code) IS NOT NULL;
      END IF;
    END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "crm_order_fact" drop column if exists "country_code";`);
  }

}
