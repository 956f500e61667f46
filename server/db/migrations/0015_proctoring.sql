CREATE TABLE "proctoring_cases" (
	"attempt_id" integer PRIMARY KEY NOT NULL,
	"enrolment_id" integer NOT NULL,
	"physician_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"paper" varchar(16) NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"consent_ip" varchar(64),
	"snapshot_count" smallint DEFAULT 0 NOT NULL,
	"lowest_similarity" smallint,
	"no_face_count" smallint DEFAULT 0 NOT NULL,
	"several_faces_count" smallint DEFAULT 0 NOT NULL,
	"reference_unusable" smallint DEFAULT 0 NOT NULL,
	"camera_issue" varchar(12),
	"camera_issue_at" timestamp with time zone,
	"mark" varchar(12) DEFAULT 'none' NOT NULL,
	"viewed_at" timestamp with time zone,
	"suspected_note" text,
	"suspected_at" timestamp with time zone,
	"confirmed_reason" text,
	"confirmed_at" timestamp with time zone,
	"previous" jsonb,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proctoring_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"attempt_id" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"trigger" varchar(8) NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"claimed_at" timestamp with time zone,
	"tries" smallint DEFAULT 0 NOT NULL,
	"faces" smallint,
	"similarity" smallint,
	"outcome" varchar(16),
	"error" text
);
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "proctoring_snapshots" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "proctoring_retention_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "proctoring_cases" ADD CONSTRAINT "proctoring_cases_attempt_id_exam_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_cases" ADD CONSTRAINT "proctoring_cases_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_cases" ADD CONSTRAINT "proctoring_cases_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_cases" ADD CONSTRAINT "proctoring_cases_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_snapshots" ADD CONSTRAINT "proctoring_snapshots_attempt_id_proctoring_cases_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."proctoring_cases"("attempt_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proctoring_cases_cycle_similarity_idx" ON "proctoring_cases" USING btree ("cycle_id","lowest_similarity");--> statement-breakpoint
CREATE INDEX "proctoring_cases_enrolment_idx" ON "proctoring_cases" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "proctoring_snapshots_attempt_idx" ON "proctoring_snapshots" USING btree ("attempt_id","taken_at");--> statement-breakpoint
CREATE INDEX "proctoring_snapshots_queue_idx" ON "proctoring_snapshots" USING btree ("id") WHERE "proctoring_snapshots"."status" in ('pending', 'processing');