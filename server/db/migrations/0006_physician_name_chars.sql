-- name_chars is generated: the ALTER computes it for every existing row (the backfill), inserts and updates keep it.
ALTER TABLE "physicians" ADD COLUMN "name_chars" text[] GENERATED ALWAYS AS (string_to_array(name, null)) STORED;--> statement-breakpoint
CREATE INDEX "physicians_name_chars_idx" ON "physicians" USING gin ("name_chars") WHERE "physicians"."transferred_out_at" is null;