import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124021859 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_moderation_actor_created" ON "crm_review_moderation" ("actor_id", "created_at") WHERE deleted_at IS NULL AND event = 'submitted';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_crm_review_moderation_actor_created";`);
  }

}
