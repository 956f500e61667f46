CREATE TABLE "certificate_counters" (
	"prefix" varchar(16) PRIMARY KEY NOT NULL,
	"last_serial" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" varchar(24) NOT NULL,
	"enrolment_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"physician_id" integer NOT NULL,
	"institution_id" integer,
	"province_code" varchar(6) NOT NULL,
	"name" varchar(64) NOT NULL,
	"sex" varchar(8) NOT NULL,
	"id_number_masked" varchar(32) NOT NULL,
	"practice_category" varchar(16) NOT NULL,
	"practice_scope" varchar(64) NOT NULL,
	"physician_level" varchar(16),
	"institution_name" varchar(128) NOT NULL,
	"cycle_name" varchar(64) NOT NULL,
	"issuer_name" varchar(128) NOT NULL,
	"issued_on" date NOT NULL,
	"status" varchar(16) DEFAULT 'valid' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" varchar(200),
	"revoked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_enrolment_uq" ON "certificates" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "certificates_physician_idx" ON "certificates" USING btree ("physician_id");--> statement-breakpoint
CREATE INDEX "certificates_cycle_institution_idx" ON "certificates" USING btree ("cycle_id","institution_id");--> statement-breakpoint
CREATE INDEX "enrolments_completed_passed_idx" ON "enrolments" USING btree ("id") WHERE "enrolments"."status" = 'COMPLETED' and "enrolments"."result" = 'passed';