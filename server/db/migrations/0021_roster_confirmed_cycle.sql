DROP INDEX "physicians_roster_cover_idx";--> statement-breakpoint
ALTER TABLE "physicians" ADD COLUMN "latest_confirmed_cycle_id" integer;--> statement-breakpoint
-- The highest cycle in which the physician's enrolment is not NOT_ENROLLED (enrolments_physician_idx alone).
CREATE FUNCTION "physicians_latest_confirmed_cycle_of"(physician integer) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT max(e.cycle_id) FROM enrolments e WHERE e.physician_id = physician AND e.status <> 'NOT_ENROLLED'
$$;--> statement-breakpoint
-- Filled by rewriting the table rather than by an UPDATE: an UPDATE of most rows would leave the table twice its size
-- and the index built after it in the same transaction with an entry for every old row version too (55 MB, not 32).
ALTER TABLE "physicians" ALTER COLUMN "latest_confirmed_cycle_id" TYPE integer USING "physicians_latest_confirmed_cycle_of"(id);--> statement-breakpoint
CREATE INDEX "physicians_roster_cover_idx" ON "physicians" USING btree ("id","institution_id","birth_date","first_registration_date","license_date","practice_category","physician_level","department_id","name","latest_confirmed_cycle_id") WHERE "physicians"."transferred_out_at" is null and "physicians"."hidden_at" is null;--> statement-breakpoint
-- Rewrites physicians.latest_confirmed_cycle_id for the physicians a statement on enrolments may have changed: a
-- confirmed enrolment inserted or deleted, or an update that crossed NOT_ENROLLED (or moved an enrolment). One
-- set-based update per statement, in its transaction; a row is written only when its value differs, so a 审核 step
-- writes no physician.
CREATE FUNCTION "physicians_latest_confirmed_cycle"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.physician_id) INTO changed FROM new_rows n WHERE n.status <> 'NOT_ENROLLED';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.physician_id) INTO changed FROM old_rows o WHERE o.status <> 'NOT_ENROLLED';
  ELSE
    SELECT array_agg(DISTINCT x.physician_id) INTO changed
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.physician_id), (o.physician_id)) AS x(physician_id)
      WHERE (n.status <> 'NOT_ENROLLED') <> (o.status <> 'NOT_ENROLLED') OR n.cycle_id <> o.cycle_id OR n.physician_id <> o.physician_id;
  END IF;
  IF changed IS NOT NULL THEN
    UPDATE physicians p SET latest_confirmed_cycle_id = c.latest
      FROM (SELECT u.id, physicians_latest_confirmed_cycle_of(u.id) AS latest FROM unnest(changed) AS u(id)) c
      WHERE p.id = c.id AND p.latest_confirmed_cycle_id IS DISTINCT FROM c.latest;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "physicians_latest_confirmed_cycle_insert" AFTER INSERT ON "enrolments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "physicians_latest_confirmed_cycle"();--> statement-breakpoint
CREATE TRIGGER "physicians_latest_confirmed_cycle_update" AFTER UPDATE ON "enrolments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "physicians_latest_confirmed_cycle"();--> statement-breakpoint
CREATE TRIGGER "physicians_latest_confirmed_cycle_delete" AFTER DELETE ON "enrolments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "physicians_latest_confirmed_cycle"();--> statement-breakpoint
ANALYZE "physicians";
