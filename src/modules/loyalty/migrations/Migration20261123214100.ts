import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123214100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_loyalty_account" drop constraint if exists "crm_loyalty_account_referral_code_unique";`);
    this.addSql(`alter table if exists "crm_loyalty_account" add column if not exists "referral_code" text null, add column if not exists "referred_by_account_id" text null;`);
    // Existing members get a code too; draws that collide are redrawn until every code is unique.
    this.addSql(`DO $$
      BEGIN
        LOOP
          UPDATE crm_loyalty_account a
             SET referral_code = (
               SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
                 FROM generate_series(1, 8) WHERE a.id IS NOT NULL)
           WHERE referral_code IS NULL AND deleted_at IS NULL;
          UPDATE crm_loyalty_account a SET referral_code = NULL
            FROM (SELECT id, row_number() OVER (PARTITION BY referral_code ORDER BY id) AS n
                    FROM crm_loyalty_account WHERE deleted_at IS NULL AND referral_code IS NOT NULL) d
           WHERE a.id = d.id AND d.n > 1;
          EXIT WHEN NOT FOUND;
        END LOOP;
      END $$;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_referral_code_unique" ON "crm_loyalty_account" ("referral_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_points_balance" ON "crm_loyalty_account" ("points_balance", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_account_referred_by" ON "crm_loyalty_account" ("referred_by_account_id") WHERE referred_by_account_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_crm_loyalty_account_referral_code_unique";`);
    this.addSql(`drop index if exists "IDX_crm_loyalty_account_referred_by";`);
    this.addSql(`drop index if exists "IDX_crm_loyalty_account_points_balance";`);
    this.addSql(`alter table if exists "crm_loyalty_account" drop column if exists "referral_code", drop column if exists "referred_by_account_id";`);
  }

}
