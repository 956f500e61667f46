CREATE TABLE "exam_answers" (
	"attempt_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"answer" varchar(8) NOT NULL,
	"seq" integer NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_answers_attempt_id_position_pk" PRIMARY KEY("attempt_id","position")
);
--> statement-breakpoint
CREATE TABLE "exam_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"physician_id" integer NOT NULL,
	"enrolment_id" integer,
	"cycle_id" integer,
	"kind" varchar(8) NOT NULL,
	"paper" varchar(16) NOT NULL,
	"stage" varchar(8),
	"status" varchar(12) DEFAULT 'in_progress' NOT NULL,
	"draw" jsonb NOT NULL,
	"question_count" smallint NOT NULL,
	"rule" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" varchar(12),
	"score" numeric(6, 1),
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "paper_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" integer NOT NULL,
	"paper" varchar(16) NOT NULL,
	"practice_category" varchar(16) DEFAULT '' NOT NULL,
	"sections" jsonb NOT NULL,
	"pass_score" numeric(6, 1) NOT NULL,
	"duration_minutes" integer NOT NULL,
	"multiple_scoring" varchar(16) DEFAULT 'all_or_nothing' NOT NULL,
	"review_allowed" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_bank_revisions" (
	"province_code" varchar(6) PRIMARY KEY NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"type" varchar(4) NOT NULL,
	"paper" varchar(16) NOT NULL,
	"practice_category" varchar(16),
	"clinical_subject" varchar(16),
	"shared" text,
	"shared_options" jsonb,
	"status" varchar(12) DEFAULT 'enabled' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" varchar(8) NOT NULL,
	"explanation" text NOT NULL,
	"difficulty" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exam_answers" ADD CONSTRAINT "exam_answers_attempt_id_exam_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_physician_id_physicians_id_fk" FOREIGN KEY ("physician_id") REFERENCES "public"."physicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_rules" ADD CONSTRAINT "paper_rules_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_bank_revisions" ADD CONSTRAINT "question_bank_revisions_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_items" ADD CONSTRAINT "question_items_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_item_id_question_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."question_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exam_attempts_enrolment_paper_stage_uq" ON "exam_attempts" USING btree ("enrolment_id","paper","stage") WHERE "exam_attempts"."kind" = 'exam';--> statement-breakpoint
CREATE INDEX "exam_attempts_physician_idx" ON "exam_attempts" USING btree ("physician_id","kind");--> statement-breakpoint
CREATE INDEX "exam_attempts_due_idx" ON "exam_attempts" USING btree ("deadline") WHERE "exam_attempts"."status" = 'in_progress' and "exam_attempts"."kind" = 'exam';--> statement-breakpoint
CREATE UNIQUE INDEX "paper_rules_cycle_paper_category_uq" ON "paper_rules" USING btree ("cycle_id","paper","practice_category");--> statement-breakpoint
CREATE INDEX "question_items_bank_idx" ON "question_items" USING btree ("province_code","paper","practice_category","type","status");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_item_position_uq" ON "questions" USING btree ("item_id","position");