CREATE TABLE "cycle_confirmations" (
	"cycle_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_confirmations_cycle_id_institution_id_pk" PRIMARY KEY("cycle_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_type" varchar(32) NOT NULL,
	"owner_id" integer NOT NULL,
	"slot" integer DEFAULT 0 NOT NULL,
	"original_name" varchar(255) NOT NULL,
	"mime_type" varchar(128) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(255) NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessor_application_permissions" (
	"cycle_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessor_application_permissions_cycle_id_institution_id_pk" PRIMARY KEY("cycle_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "assessor_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessor_committee_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"body" varchar(16) NOT NULL,
	"name" varchar(64) NOT NULL,
	"title" varchar(32),
	"position" varchar(64),
	"committee_role" varchar(32),
	"phone" varchar(32),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"authority_id" integer NOT NULL,
	"category" varchar(16) NOT NULL,
	"title" varchar(200) NOT NULL,
	"published_on" date NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "papers_by_procedure" jsonb DEFAULT '{"standard":["humanities","proficiency"],"simplified":["humanities"]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "proctoring_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "proctoring_threshold" integer DEFAULT 40 NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cycle_confirmations" ADD CONSTRAINT "cycle_confirmations_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_confirmations" ADD CONSTRAINT "cycle_confirmations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_application_permissions" ADD CONSTRAINT "assessor_application_permissions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_application_permissions" ADD CONSTRAINT "assessor_application_permissions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_applications" ADD CONSTRAINT "assessor_applications_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_applications" ADD CONSTRAINT "assessor_applications_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_committee_members" ADD CONSTRAINT "assessor_committee_members_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id","slot");--> statement-breakpoint
CREATE INDEX "assessor_applications_cycle_status_idx" ON "assessor_applications" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "assessor_applications_institution_idx" ON "assessor_applications" USING btree ("institution_id","cycle_id");--> statement-breakpoint
CREATE INDEX "assessor_committee_institution_idx" ON "assessor_committee_members" USING btree ("institution_id","body");--> statement-breakpoint
CREATE INDEX "notices_authority_idx" ON "notices" USING btree ("authority_id","status","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_one_current_uq" ON "cycles" USING btree ("province_code") WHERE "cycles"."is_current";