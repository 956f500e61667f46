-- name_chars is generated: the ALTER computes it for every existing row (the backfill), inserts and updates keep it.
-- The GIN index is not partial: 考核进度 and the 审核 lists filter 姓名 without the roster's transferred_out_at condition.
ALTER TABLE "physicians" ADD COLUMN "name_chars" text[] GENERATED ALWAYS AS (string_to_array(name, null)) STORED;--> statement-breakpoint
CREATE INDEX "physicians_name_chars_idx" ON "physicians" USING gin ("name_chars");