ALTER TABLE "enrolments" ADD COLUMN "practice_category" varchar(16);--> statement-breakpoint
UPDATE "enrolments" e SET "practice_category" = p."practice_category" FROM "physicians" p WHERE p."id" = e."physician_id";--> statement-breakpoint
CREATE INDEX "enrolments_category_idx" ON "enrolments" USING btree ("cycle_id","practice_category","status","institution_id");--> statement-breakpoint
CREATE FUNCTION "enrolments_practice_category"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.practice_category INTO NEW.practice_category FROM physicians p WHERE p.id = NEW.physician_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrolments_practice_category" BEFORE INSERT OR UPDATE OF "physician_id", "practice_category" ON "enrolments"
  FOR EACH ROW EXECUTE FUNCTION "enrolments_practice_category"();--> statement-breakpoint
CREATE FUNCTION "physicians_practice_category"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrolments SET practice_category = NEW.practice_category WHERE physician_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "physicians_practice_category" AFTER UPDATE OF "practice_category" ON "physicians"
  FOR EACH ROW WHEN (OLD."practice_category" IS DISTINCT FROM NEW."practice_category") EXECUTE FUNCTION "physicians_practice_category"();--> statement-breakpoint
ANALYZE "enrolments";
