CREATE TABLE "evaluations" (
	"enrolment_id" integer PRIMARY KEY NOT NULL,
	"work_performance" varchar(8) NOT NULL,
	"work_performance_reason" varchar(200),
	"ethics" varchar(8) NOT NULL,
	"ethics_reason" varchar(200),
	"evaluated_by" integer,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"title" varchar(64) NOT NULL,
	"content" varchar(500) NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"institution_name" varchar(128) NOT NULL,
	"opinion" varchar(500) NOT NULL,
	"opinion_date" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "procedure" varchar(16);--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_evaluated_by_accounts_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_opinions" ADD CONSTRAINT "review_opinions_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_opinions" ADD CONSTRAINT "review_opinions_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_account_idx" ON "messages" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "review_opinions_enrolment_idx" ON "review_opinions" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "registrations_exemption_idx" ON "registrations" USING btree ("cycle_id","exemption_status");--> statement-breakpoint
UPDATE "enrolments" SET "procedure" = r."procedure"->>'procedure' FROM "registrations" r WHERE r."enrolment_id" = "enrolments"."id" AND r."submitted_at" IS NOT NULL;
