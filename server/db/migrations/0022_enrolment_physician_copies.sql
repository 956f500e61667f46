ALTER TABLE "enrolments" ADD COLUMN "name" varchar(64);--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "name_chars" text[];--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "physician_level" varchar(16);--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "birth_date" date;--> statement-breakpoint
-- The enrolment's physician, for filling the copies below (a USING expression cannot hold a subquery).
CREATE FUNCTION "enrolments_physician_of"(physician integer) RETURNS "physicians" LANGUAGE sql STABLE AS $$
  SELECT * FROM physicians WHERE id = physician
$$;--> statement-breakpoint
-- Filled by rewriting the table once rather than by an UPDATE, which would leave it twice its size (see 0021).
ALTER TABLE "enrolments"
  ALTER COLUMN "name" TYPE varchar(64) USING ("enrolments_physician_of"(physician_id)).name,
  ALTER COLUMN "name_chars" TYPE text[] USING ("enrolments_physician_of"(physician_id)).name_chars,
  ALTER COLUMN "physician_level" TYPE varchar(16) USING ("enrolments_physician_of"(physician_id)).physician_level,
  ALTER COLUMN "birth_date" TYPE date USING ("enrolments_physician_of"(physician_id)).birth_date;--> statement-breakpoint
DROP FUNCTION "enrolments_physician_of"(integer);--> statement-breakpoint
CREATE INDEX "enrolments_name_chars_idx" ON "enrolments" USING gin ("name_chars");--> statement-breakpoint
CREATE INDEX "enrolments_level_idx" ON "enrolments" USING btree ("cycle_id","physician_level","status","institution_id");--> statement-breakpoint
CREATE INDEX "enrolments_birth_date_idx" ON "enrolments" USING btree ("cycle_id","birth_date","status","institution_id");--> statement-breakpoint
-- 0018's two triggers, now for every copy: an enrolment takes its physician's values when written; a physician's
-- change is written to all of their enrolments in the same transaction.
DROP TRIGGER "enrolments_practice_category" ON "enrolments";--> statement-breakpoint
DROP FUNCTION "enrolments_practice_category"();--> statement-breakpoint
CREATE FUNCTION "enrolments_physician_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.practice_category, p.name, p.name_chars, p.physician_level, p.birth_date
    INTO NEW.practice_category, NEW.name, NEW.name_chars, NEW.physician_level, NEW.birth_date
    FROM physicians p WHERE p.id = NEW.physician_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrolments_physician_copy"
  BEFORE INSERT OR UPDATE OF "physician_id", "practice_category", "name", "name_chars", "physician_level", "birth_date" ON "enrolments"
  FOR EACH ROW EXECUTE FUNCTION "enrolments_physician_copy"();--> statement-breakpoint
DROP TRIGGER "physicians_practice_category" ON "physicians";--> statement-breakpoint
DROP FUNCTION "physicians_practice_category"();--> statement-breakpoint
CREATE FUNCTION "physicians_enrolment_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrolments SET practice_category = NEW.practice_category, name = NEW.name, name_chars = NEW.name_chars,
    physician_level = NEW.physician_level, birth_date = NEW.birth_date
    WHERE physician_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "physicians_enrolment_copy" AFTER UPDATE OF "practice_category", "name", "physician_level", "birth_date" ON "physicians"
  FOR EACH ROW WHEN (
    OLD."practice_category" IS DISTINCT FROM NEW."practice_category" OR OLD."name" IS DISTINCT FROM NEW."name"
    OR OLD."physician_level" IS DISTINCT FROM NEW."physician_level" OR OLD."birth_date" IS DISTINCT FROM NEW."birth_date"
  ) EXECUTE FUNCTION "physicians_enrolment_copy"();--> statement-breakpoint
ANALYZE "enrolments";
