import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123190759 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "crm_loyalty_entry" ("id" text not null, "account_id" text not null, "type" text check ("type" in ('earn', 'activate', 'hold', 'release', 'redeem', 'reverse', 'expire', 'adjust', 'bonus')) not null, "points" integer not null default 0, "pending_delta" integer not null default 0, "held_delta" integer not null default 0, "balance_after" integer not null, "idempotency_key" text not null, "reason" text null, "note" text null, "source_type" text null, "source_id" text null, "actor_type" text null, "actor_id" text null, "lot_allocations" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_entry_deleted_at" ON "crm_loyalty_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_loyalty_entry_idempotency_key" ON "crm_loyalty_entry" ("idempotency_key");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_entry_account_created" ON "crm_loyalty_entry" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_entry_source" ON "crm_loyalty_entry" ("source_type", "source_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_loyalty_lot" ("id" text not null, "account_id" text not null, "entry_id" text not null, "status" text check ("status" in ('pending', 'available', 'exhausted', 'expired', 'reversed')) not null, "points" integer not null, "remaining" integer not null, "source_type" text null, "source_id" text null, "available_at" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_loyalty_lot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_lot_deleted_at" ON "crm_loyalty_lot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_lot_account_status" ON "crm_loyalty_lot" ("account_id", "status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_lot_status_expires" ON "crm_loyalty_lot" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_lot_status_available" ON "crm_loyalty_lot" ("status", "available_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_loyalty_lot_source" ON "crm_loyalty_lot" ("source_type", "source_id") WHERE deleted_at IS NULL;`);

    // Guards the ledger code relies on; written by hand.
    this.addSql(`alter table "crm_loyalty_entry" add constraint "crm_loyalty_entry_account_fk" foreign key ("account_id") references "crm_loyalty_account" ("id");`);
    this.addSql(`alter table "crm_loyalty_lot" add constraint "crm_loyalty_lot_account_fk" foreign key ("account_id") references "crm_loyalty_account" ("id");`);
    this.addSql(`alter table "crm_loyalty_lot" add constraint "crm_loyalty_lot_entry_fk" foreign key ("entry_id") references "crm_loyalty_entry" ("id");`);
    this.addSql(`alter table "crm_loyalty_lot" add constraint "crm_loyalty_lot_remaining_check" check ("remaining" >= 0 and "remaining" <= "points");`);
    // Held points are always covered by the balance. Only a reversal under the
    // arrears setting may take the balance below zero, and never while points are held.
    this.addSql(`alter table "crm_loyalty_account" add constraint "crm_loyalty_account_available_check" check ("points_balance" >= "held_points" or "held_points" = 0);`);
    // The ledger is append-only. Erasing a customer's data (privacy) is the
    // one exception, allowed only inside a transaction that sets crm.ledger_purge.
    this.addSql(`create or replace function crm_loyalty_entry_append_only() returns trigger language plpgsql as $$
begin
  if TG_OP = 'DELETE' and current_setting('crm.ledger_purge', true) = 'on' then
    return old;
  end if;
  raise exception 'crm_loyalty_entry is append-only: % refused', TG_OP
    using errcode = 'restrict_violation';
end $$;`);
    this.addSql(`create trigger crm_loyalty_entry_append_only before update or delete on "crm_loyalty_entry" for each row execute function crm_loyalty_entry_append_only();`);
    this.addSql(`create trigger crm_loyalty_entry_no_truncate before truncate on "crm_loyalty_entry" for each statement execute function crm_loyalty_entry_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "crm_loyalty_account" drop constraint if exists "crm_loyalty_account_available_check";`);
    this.addSql(`drop table if exists "crm_loyalty_lot" cascade;`);
    this.addSql(`drop table if exists "crm_loyalty_entry" cascade;`);
    this.addSql(`drop function if exists crm_loyalty_entry_append_only();`);
  }

}
