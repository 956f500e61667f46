CREATE TABLE "physician_careers" (
	"id" serial PRIMARY KEY NOT NULL,
	"physician_id" integer NOT NULL,
	"institution_name" varchar(128) NOT NULL,
	"title" varchar(32),
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "physician_educations" (
	"id" serial PRIMARY KEY NOT NULL,
	"physician_id" integer NOT NULL,
	"education" varchar(16) NOT NULL,
	"school" varchar(128) NOT NULL,
	"major" varchar(64),
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "physician_multi_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"physician_id" integer NOT NULL,
	"institution_name" varchar(128) NOT NULL,
	"institution_id" integer,
	"department_name" varchar(64)
);
--> statement-breakpoint
ALTER TABLE "physicians" ALTER COLUMN "physician_level" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "id_number_tail_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "photo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "title_date" date;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "position" varchar(32);--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "position_date" date;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "resident_trainee" boolean;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "transferred_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "transfer_reason" varchar(16);--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "transfer_detail" varchar(200);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "bound_phone" varchar(16);--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "cancel_reason" varchar(200);--> statement-breakpoint
ALTER TABLE "physician_careers" ADD CONSTRAINT "physician_careers_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physician_educations" ADD CONSTRAINT "physician_educations_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physician_multi_sites" ADD CONSTRAINT "physician_multi_sites_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physician_multi_sites" ADD CONSTRAINT "physician_multi_sites_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "physician_careers_physician_idx" ON "physician_careers" USING btree ("physician_id");--> statement-breakpoint
CREATE INDEX "physician_educations_physician_idx" ON "physician_educations" USING btree ("physician_id");--> statement-breakpoint
CREATE INDEX "physician_multi_sites_physician_idx" ON "physician_multi_sites" USING btree ("physician_id");--> statement-breakpoint
CREATE INDEX "physicians_roster_name_idx" ON "physicians" USING btree ("institution_id","name") WHERE "physicians"."transferred_out_at" is null;--> statement-breakpoint
CREATE INDEX "physicians_roster_birth_idx" ON "physicians" USING btree ("institution_id","birth_date") WHERE "physicians"."transferred_out_at" is null;--> statement-breakpoint
CREATE INDEX "physicians_roster_registration_idx" ON "physicians" USING btree ("institution_id","first_registration_date") WHERE "physicians"."transferred_out_at" is null;--> statement-breakpoint
CREATE INDEX "physicians_roster_department_idx" ON "physicians" USING btree ("institution_id","department_id") WHERE "physicians"."transferred_out_at" is null;--> statement-breakpoint
CREATE INDEX "physicians_id_tail_idx" ON "physicians" USING btree ("id_number_tail_hash");--> statement-breakpoint
CREATE INDEX "enrolments_physician_idx" ON "enrolments" USING btree ("physician_id");