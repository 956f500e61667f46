CREATE TABLE "regions" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name" varchar(64) NOT NULL,
	"parent_code" varchar(6)
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(128) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"contact_person" varchar(64),
	"contact_phone" varchar(32),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"name" varchar(64) NOT NULL,
	"status" varchar(16) DEFAULT 'enabled' NOT NULL,
	"clinical_subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(128) NOT NULL,
	"authority_id" integer NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"street" varchar(200),
	"type" varchar(24) NOT NULL,
	"level" varchar(16) NOT NULL,
	"grade" varchar(16) NOT NULL,
	"bed_count" integer DEFAULT 0 NOT NULL,
	"physician_total" integer DEFAULT 0 NOT NULL,
	"licensed_physician_count" integer DEFAULT 0 NOT NULL,
	"assistant_physician_count" integer DEFAULT 0 NOT NULL,
	"legal_representative" varchar(64),
	"contact_person" varchar(64),
	"contact_phone" varchar(32),
	"mobile" varchar(16),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "physicians" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"department_id" integer,
	"name" varchar(64) NOT NULL,
	"sex" varchar(8) NOT NULL,
	"birth_date" date,
	"id_type" varchar(16) NOT NULL,
	"id_number_cipher" varchar(256) NOT NULL,
	"id_number_hash" varchar(64) NOT NULL,
	"id_number_masked" varchar(32) NOT NULL,
	"ethnicity" varchar(16),
	"education" varchar(16),
	"email" varchar(128),
	"mobile" varchar(16),
	"practice_category" varchar(16) NOT NULL,
	"practice_scope" varchar(64) NOT NULL,
	"physician_level" varchar(16) NOT NULL,
	"specialty" varchar(16),
	"title" varchar(32),
	"license_number" varchar(32) NOT NULL,
	"license_date" date,
	"qualification_number" varchar(32) NOT NULL,
	"qualification_date" date,
	"first_registration_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"login_name" varchar(64),
	"authority_id" integer,
	"institution_id" integer,
	"physician_id" integer,
	"password_hash" varchar(256),
	"must_change_password" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captchas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"answer" varchar(16) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"role" varchar(16) NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" varchar(64),
	"user_agent" varchar(256)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" integer,
	"actor_role" varchar(16),
	"action" varchar(48) NOT NULL,
	"target_type" varchar(32),
	"target_id" varchar(64),
	"before" jsonb,
	"after" jsonb,
	"ip" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "assessor_assignments" (
	"cycle_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"assigned_assessor_id" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessor_assignments_cycle_id_institution_id_pk" PRIMARY KEY("cycle_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "assessors" (
	"cycle_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessors_cycle_id_institution_id_pk" PRIMARY KEY("cycle_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"name" varchar(64) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"assessor_application_start" date NOT NULL,
	"assessor_application_end" date NOT NULL,
	"registration_start" date NOT NULL,
	"registration_end" date NOT NULL,
	"review_start" date NOT NULL,
	"review_end" date NOT NULL,
	"test_start" date NOT NULL,
	"test_end" date NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"province_code" varchar(6) PRIMARY KEY NOT NULL,
	"initial_password_rule" varchar(16) DEFAULT 'fixed666666' NOT NULL,
	"lockout_max_failures" integer DEFAULT 5 NOT NULL,
	"lockout_minutes" integer DEFAULT 15 NOT NULL,
	"retake_allowed" boolean DEFAULT true NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" integer NOT NULL,
	"physician_id" integer NOT NULL,
	"institution_id" integer NOT NULL,
	"status" varchar(32) NOT NULL,
	"result" varchar(16),
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physicians" ADD CONSTRAINT "physicians_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physicians" ADD CONSTRAINT "physicians_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_assignments" ADD CONSTRAINT "assessor_assignments_assigned_assessor_id_institutions_id_fk" FOREIGN KEY ("assigned_assessor_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessors" ADD CONSTRAINT "assessors_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessors" ADD CONSTRAINT "assessors_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "authorities_region_uq" ON "authorities" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_institution_name_uq" ON "departments" USING btree ("institution_id","name");--> statement-breakpoint
CREATE INDEX "institutions_authority_idx" ON "institutions" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "institutions_region_idx" ON "institutions" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "physicians_id_number_hash_uq" ON "physicians" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "physicians_institution_idx" ON "physicians" USING btree ("institution_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_login_name_uq" ON "accounts" USING btree (lower("login_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_physician_uq" ON "accounts" USING btree ("physician_id");--> statement-breakpoint
CREATE INDEX "accounts_institution_idx" ON "accounts" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "accounts_authority_idx" ON "accounts" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "captchas_expires_idx" ON "captchas" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_last_seen_idx" ON "sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "audit_target_idx" ON "audit_events" USING btree ("target_type","target_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor_account_id","at");--> statement-breakpoint
CREATE INDEX "assessor_assignments_assessor_idx" ON "assessor_assignments" USING btree ("cycle_id","assigned_assessor_id");--> statement-breakpoint
CREATE INDEX "cycles_province_idx" ON "cycles" USING btree ("province_code");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_cycle_physician_uq" ON "enrolments" USING btree ("cycle_id","physician_id");--> statement-breakpoint
CREATE INDEX "enrolments_institution_status_idx" ON "enrolments" USING btree ("cycle_id","institution_id","status");