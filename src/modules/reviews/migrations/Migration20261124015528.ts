import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124015528 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "crm_review_vote" drop constraint if exists "crm_review_vote_unique";`);
    this.addSql(`alter table if exists "crm_review_summary" drop constraint if exists "crm_review_summary_product_unique";`);
    this.addSql(`alter table if exists "crm_review" drop constraint if exists "crm_review_customer_line_unique";`);
    this.addSql(`alter table if exists "crm_review" drop constraint if exists "crm_review_customer_product_unique";`);
    this.addSql(`create table if not exists "crm_review" ("id" text not null, "product_id" text not null, "customer_id" text not null, "order_id" text null, "order_line_item_id" text null, "rating" integer not null, "title" text null, "content" text not null default '', "quality_rating" integer null, "logistics_rating" integer null, "service_rating" integer null, "images" jsonb not null default '[]', "author_name" text not null, "verified_purchase" boolean not null default false, "status" text check ("status" in ('pending', 'approved', 'rejected', 'flagged')) not null default 'pending', "status_reason" text null, "auto_moderation" jsonb not null default '[]', "content_fingerprint" text null, "response" text null, "responded_at" timestamptz null, "responded_by" text null, "helpful_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_product_status_created" ON "crm_review" ("product_id", "status", "created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_product_status_helpful" ON "crm_review" ("product_id", "status", "helpful_count", "created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_product_status_rating" ON "crm_review" ("product_id", "status", "rating", "created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_status_created" ON "crm_review" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_customer_created" ON "crm_review" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_order" ON "crm_review" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_fingerprint" ON "crm_review" ("content_fingerprint") WHERE deleted_at IS NULL AND content_fingerprint IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_review_customer_product_unique" ON "crm_review" ("customer_id", "product_id") WHERE deleted_at IS NULL AND order_line_item_id IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_review_customer_line_unique" ON "crm_review" ("customer_id", "order_line_item_id") WHERE deleted_at IS NULL AND order_line_item_id IS NOT NULL;`);

    this.addSql(`create table if not exists "crm_review_moderation" ("id" text not null, "review_id" text not null, "event" text check ("event" in ('submitted', 'edited', 'approved', 'rejected', 'flagged', 'responded', 'response_removed', 'deleted')) not null, "from_status" text check ("from_status" in ('pending', 'approved', 'rejected', 'flagged')) null, "to_status" text check ("to_status" in ('pending', 'approved', 'rejected', 'flagged')) null, "reason" text null, "actor_type" text check ("actor_type" in ('customer', 'user', 'system')) not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_review_moderation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_moderation_review_created" ON "crm_review_moderation" ("review_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_moderation_actor_created" ON "crm_review_moderation" ("actor_id", "created_at") WHERE deleted_at IS NULL AND event = 'submitted';`);

    this.addSql(`create table if not exists "crm_review_settings" ("id" text not null, "require_verified_purchase" boolean not null default false, "auto_approve" text check ("auto_approve" in ('all', 'verified', 'none')) not null default 'verified', "auto_approve_rating_only" boolean not null default true, "blocked_words" jsonb not null default '[]', "blocked_words_action" text check ("blocked_words_action" in ('off', 'pending', 'reject')) not null default 'reject', "links_action" text check ("links_action" in ('off', 'pending', 'reject')) not null default 'pending', "all_caps_action" text check ("all_caps_action" in ('off', 'pending', 'reject')) not null default 'pending', "min_content_length" integer not null default 10, "too_short_action" text check ("too_short_action" in ('off', 'pending', 'reject')) not null default 'pending', "repeated_characters_run" integer not null default 6, "repeated_characters_action" text check ("repeated_characters_action" in ('off', 'pending', 'reject')) not null default 'pending', "duplicate_text_action" text check ("duplicate_text_action" in ('off', 'pending', 'reject')) not null default 'pending', "rate_limit_count" integer not null default 5, "rate_limit_window_minutes" integer not null default 60, "complaint_max_rating" integer null default 2, "reply_email" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_review_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_crm_review_settings_deleted_at" ON "crm_review_settings" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_review_summary" ("id" text not null, "product_id" text not null, "review_count" integer not null default 0, "rating_sum" integer not null default 0, "rating_1" integer not null default 0, "rating_2" integer not null default 0, "rating_3" integer not null default 0, "rating_4" integer not null default 0, "rating_5" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_review_summary_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_review_summary_product_unique" ON "crm_review_summary" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "crm_review_vote" ("id" text not null, "review_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "crm_review_vote_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_crm_review_vote_unique" ON "crm_review_vote" ("review_id", "customer_id") WHERE deleted_at IS NULL;`);

    // The database guards what the code assumes: ratings 1-5, counts never below 0.
    this.addSql(`alter table "crm_review" add constraint "crm_review_values_check" check (rating between 1 and 5 and coalesce(quality_rating, 1) between 1 and 5 and coalesce(logistics_rating, 1) between 1 and 5 and coalesce(service_rating, 1) between 1 and 5 and helpful_count >= 0 and jsonb_typeof(images) = 'array');`);
    this.addSql(`alter table "crm_review_summary" add constraint "crm_review_summary_counts_check" check (least(review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5) >= 0 and review_count = rating_1 + rating_2 + rating_3 + rating_4 + rating_5);`);
    this.addSql(`alter table if exists "crm_review_moderation" add constraint "crm_review_moderation_review_id_foreign" foreign key ("review_id") references "crm_review" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "crm_review_moderation" drop constraint if exists "crm_review_moderation_review_id_foreign";`);

    this.addSql(`drop table if exists "crm_review" cascade;`);

    this.addSql(`drop table if exists "crm_review_moderation" cascade;`);

    this.addSql(`drop table if exists "crm_review_settings" cascade;`);

    this.addSql(`drop table if exists "crm_review_summary" cascade;`);

    this.addSql(`drop table if exists "crm_review_vote" cascade;`);
  }

}
