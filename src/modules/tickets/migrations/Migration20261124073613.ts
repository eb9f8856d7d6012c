import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124073613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_ticket_rated" ON "crm_ticket" ("rated_at", "rating_score") WHERE deleted_at IS NULL AND rating_score IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_crm_ticket_rated";`);
  }

}
