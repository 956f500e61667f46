CREATE TABLE "multi_site_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"work_performance" varchar(8) NOT NULL,
	"work_performance_reason" varchar(200),
	"ethics" varchar(8) NOT NULL,
	"ethics_reason" varchar(200),
	"evaluated_by" integer,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "multi_site_evaluation_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "multi_site_evaluations" ADD CONSTRAINT "multi_site_evaluations_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "multi_site_evaluations" ADD CONSTRAINT "multi_site_evaluations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "multi_site_evaluations" ADD CONSTRAINT "multi_site_evaluations_evaluated_by_accounts_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "multi_site_evaluations_enrolment_institution_uq" ON "multi_site_evaluations" USING btree ("enrolment_id","institution_id");--> statement-breakpoint
CREATE INDEX "multi_site_evaluations_institution_idx" ON "multi_site_evaluations" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "physician_multi_sites_institution_idx" ON "physician_multi_sites" USING btree ("institution_id","physician_id") WHERE "physician_multi_sites"."institution_id" is not null;