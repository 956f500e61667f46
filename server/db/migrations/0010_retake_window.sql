ALTER TABLE "cycles" ADD COLUMN "retake_start" date;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "retake_end" date;