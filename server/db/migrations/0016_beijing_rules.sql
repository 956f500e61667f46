ALTER TABLE "physicians" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "hidden_reason" varchar(200);--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "institution_return_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "physician_hiding_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "password_change_sms_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "physicians_hidden_idx" ON "physicians" USING btree ("institution_id","hidden_at") WHERE "physicians"."hidden_at" is not null;