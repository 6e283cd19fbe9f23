CREATE TABLE "settlement_rollup" (
	"unit_code" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"procedure_code" text NOT NULL,
	"field_code" text NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"direct" integer DEFAULT 0 NOT NULL,
	"ended" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"withdrawn_not_late" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"due_passed" integer DEFAULT 0 NOT NULL,
	"due_passed_ended" integer DEFAULT 0 NOT NULL,
	"paused_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "settlement_rollup_unit_code_grain_bucket_procedure_code_field_code_pk" PRIMARY KEY("unit_code","grain","bucket","procedure_code","field_code")
);
--> statement-breakpoint
DROP INDEX "dossiers_report_idx";--> statement-breakpoint
-- Vietnamese calendar day (UTC+7, no daylight saving) of an instant.
CREATE FUNCTION motcua_vn_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
-- What one dossier adds to the settlement rollup, one row per day it counts on. The placement rules
-- of the live report (src/server/modules/reports/settlement.ts, `settlementCountsLive`) split into
-- events, so that for a period [s, t) every column is a difference of sums over days before s and t:
--   received online / direct: on the day of receipt;
--   ended, and its outcome (early, on time, late; withdrawn or stopped, and not late; digitised): on the
--     day processing ended (never before the receipt);
--   due_passed: on the later of receipt and appointment day (open at t with the appointment before t);
--   due_passed_ended: the same once ended, on the later of appointment and end;
--   paused_in_time: waiting for the applicant (status 5/6) since before the appointment, on the later
--     of receipt, appointment and pause — such a dossier is still within time.
-- Dossiers not received (status 1, 3) add nothing; nor does a NULL status. `files` is the dossier's
-- number of files. (Columns, not the row: a whole-row argument defeats the planner in a LATERAL join.)
CREATE FUNCTION settlement_contributions(status smallint, channel smallint, received_at timestamptz, due_at timestamptz,
  due_at_legal timestamptz, processing_ended_at timestamptz, returned_at timestamptz, paused_at timestamptz,
  supplement_requests smallint, has_result boolean, files bigint)
RETURNS TABLE (day date, online int, direct int, ended int, early int, on_time int, late int, withdrawn int,
               withdrawn_not_late int, digitised int, due_passed int, due_passed_ended int, paused_in_time int)
LANGUAGE sql IMMUTABLE AS $$
  SELECT v.*
  FROM (
    SELECT y.*, (y.sup > 1 OR y.e > y.due) AS late, motcua_vn_day(y.e) < motcua_vn_day(y.due) AS early
    FROM (
      SELECT $1 AS status, $2 AS channel, $3 AS r, coalesce($5, $4) AS due, $8 AS p, $9 AS sup, ($10 AND $11 > 1) AS dig,
             CASE WHEN $1 IN (9, 10) AND coalesce($6, $7) IS NOT NULL THEN greatest(coalesce($6, $7), $3)
                  WHEN $1 IN (7, 8) AND $6 IS NOT NULL THEN greatest($6, $3) END AS e
      WHERE $1 NOT IN (1, 3)
    ) y
  ) x
  CROSS JOIN LATERAL (
    SELECT motcua_vn_day(x.r), (x.channel = 2)::int, (x.channel <> 2)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    UNION ALL
    SELECT motcua_vn_day(x.e), 0, 0, 1,
           (x.status IN (9, 10) AND NOT x.late AND x.early)::int,
           (x.status IN (9, 10) AND NOT x.late AND NOT x.early)::int,
           (x.status IN (9, 10) AND x.late)::int,
           (x.status IN (7, 8))::int,
           (x.status IN (7, 8) AND NOT x.late)::int,
           (x.status IN (9, 10) AND x.dig)::int,
           0, 0, 0
    WHERE x.e IS NOT NULL
    UNION ALL
    SELECT motcua_vn_day(greatest(x.r, x.due)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
    UNION ALL
    SELECT motcua_vn_day(greatest(x.due, x.e)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
    WHERE x.e IS NOT NULL
    UNION ALL
    SELECT motcua_vn_day(greatest(x.r, x.due, x.p)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    WHERE x.status IN (5, 6) AND x.p IS NOT NULL AND x.p <= x.due
  ) v
$$;
--> statement-breakpoint
-- Files a dossier's digitised flag depends on (only a settled dossier with a result looks).
CREATE FUNCTION settlement_file_count(d dossiers) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN d.status IN (9, 10) AND d.result IS NOT NULL
              THEN (SELECT count(*) FROM dossier_files f WHERE f.unit_code = d.unit_code AND f.dossier_code = d.code)
              ELSE 0 END
$$;
--> statement-breakpoint
-- Moves a dossier's contribution from its old version (o, NULL when new) to its new one (n, NULL when
-- deleted) at day, month and year grain, in one statement and in key order (a stable lock order).
-- PL/pgSQL, not SQL, so the statement's plan is prepared once per session and reused: a SQL-language
-- function called from a trigger is planned again on every call (~2 ms a time here).
CREATE FUNCTION settlement_rollup_move(o dossiers, ofiles bigint, n dossiers, nfiles bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO settlement_rollup AS t (unit_code, grain, bucket, procedure_code, field_code, online, direct, ended, early,
    on_time, late, withdrawn, withdrawn_not_late, digitised, due_passed, due_passed_ended, paused_in_time)
  SELECT c.unit_code, g.grain, g.bucket, c.procedure_code, c.field_code, sum(c.s * c.online), sum(c.s * c.direct),
         sum(c.s * c.ended), sum(c.s * c.early), sum(c.s * c.on_time), sum(c.s * c.late), sum(c.s * c.withdrawn),
         sum(c.s * c.withdrawn_not_late), sum(c.s * c.digitised), sum(c.s * c.due_passed), sum(c.s * c.due_passed_ended),
         sum(c.s * c.paused_in_time)
  FROM (
    SELECT o.unit_code, o.procedure_code, o.field_code, -1 AS s, x.*
    FROM settlement_contributions(o.status, o.channel, o.received_at, o.due_at, o.due_at_legal, o.processing_ended_at,
      o.returned_at, o.paused_at, o.supplement_requests, o.result IS NOT NULL, ofiles) x
    UNION ALL
    SELECT n.unit_code, n.procedure_code, n.field_code, 1 AS s, x.*
    FROM settlement_contributions(n.status, n.channel, n.received_at, n.due_at, n.due_at_legal, n.processing_ended_at,
      n.returned_at, n.paused_at, n.supplement_requests, n.result IS NOT NULL, nfiles) x
  ) c
  CROSS JOIN LATERAL (VALUES ('d', c.day), ('m', date_trunc('month', c.day)::date), ('y', date_trunc('year', c.day)::date)) g (grain, bucket)
  GROUP BY 1, 2, 3, 4, 5
  HAVING (sum(c.s * c.online) <> 0 OR sum(c.s * c.direct) <> 0 OR sum(c.s * c.ended) <> 0 OR sum(c.s * c.early) <> 0
          OR sum(c.s * c.on_time) <> 0 OR sum(c.s * c.late) <> 0 OR sum(c.s * c.withdrawn) <> 0
          OR sum(c.s * c.withdrawn_not_late) <> 0 OR sum(c.s * c.digitised) <> 0 OR sum(c.s * c.due_passed) <> 0
          OR sum(c.s * c.due_passed_ended) <> 0 OR sum(c.s * c.paused_in_time) <> 0)
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_code, grain, bucket, procedure_code, field_code) DO UPDATE SET
    online = t.online + excluded.online, direct = t.direct + excluded.direct, ended = t.ended + excluded.ended,
    early = t.early + excluded.early, on_time = t.on_time + excluded.on_time, late = t.late + excluded.late,
    withdrawn = t.withdrawn + excluded.withdrawn, withdrawn_not_late = t.withdrawn_not_late + excluded.withdrawn_not_late,
    digitised = t.digitised + excluded.digitised, due_passed = t.due_passed + excluded.due_passed,
    due_passed_ended = t.due_passed_ended + excluded.due_passed_ended, paused_in_time = t.paused_in_time + excluded.paused_in_time;
END $$;
--> statement-breakpoint
-- What a dossier's status means to the rollup: not received, open, waiting for the applicant, withdrawn
-- or stopped, settled. A change within a class (2 → 4 at transfer, 9 → 10 at return) counts nothing new.
CREATE FUNCTION settlement_status_class(status smallint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN $1 IN (1, 3) THEN 'x' WHEN $1 IN (5, 6) THEN 'p' WHEN $1 IN (7, 8) THEN 'w' WHEN $1 IN (9, 10) THEN 's' ELSE 'o' END
$$;
--> statement-breakpoint
CREATE FUNCTION settlement_rollup_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM settlement_rollup_move(NULL, 0, NEW, settlement_file_count(NEW));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM settlement_rollup_move(OLD, settlement_file_count(OLD), NULL, 0);
  -- Only when something the report reads changed (the end as the report takes it: processing end,
  -- else return); most actions (steps, assignment, transfer, return) leave all of it as it was.
  ELSIF (OLD.unit_code, OLD.procedure_code, OLD.field_code, settlement_status_class(OLD.status), OLD.channel, OLD.received_at,
         OLD.due_at, OLD.due_at_legal, OLD.processing_ended_at, coalesce(OLD.processing_ended_at, OLD.returned_at), OLD.paused_at,
         OLD.supplement_requests, OLD.result IS NULL)
        IS DISTINCT FROM
        (NEW.unit_code, NEW.procedure_code, NEW.field_code, settlement_status_class(NEW.status), NEW.channel, NEW.received_at,
         NEW.due_at, NEW.due_at_legal, NEW.processing_ended_at, coalesce(NEW.processing_ended_at, NEW.returned_at), NEW.paused_at,
         NEW.supplement_requests, NEW.result IS NULL) THEN
    PERFORM settlement_rollup_move(OLD, settlement_file_count(OLD), NEW, settlement_file_count(NEW));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settlement_rollup_dossiers AFTER INSERT OR UPDATE OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION settlement_rollup_on_dossier();
--> statement-breakpoint
-- Files added to or removed from a settled dossier with a result can change whether it counts as
-- digitised. Per statement, from its transition table: row triggers fire after the whole statement,
-- so a row trigger would see every file of a multi-row statement already there (or gone).
CREATE FUNCTION settlement_rollup_on_files() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d dossiers;
  k record;
  after_count bigint;
  before_count bigint;
BEGIN
  FOR k IN SELECT unit_code, dossier_code, count(*) AS n FROM changed_files GROUP BY 1, 2 ORDER BY 1, 2 LOOP
    SELECT * INTO d FROM dossiers WHERE unit_code = k.unit_code AND code = k.dossier_code;
    CONTINUE WHEN NOT FOUND OR d.result IS NULL OR d.status NOT IN (9, 10);
    after_count := settlement_file_count(d);
    before_count := after_count + CASE WHEN TG_OP = 'INSERT' THEN -k.n ELSE k.n END;
    IF (before_count > 1) IS DISTINCT FROM (after_count > 1) THEN
      PERFORM settlement_rollup_move(d, before_count, d, after_count);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settlement_rollup_files_added AFTER INSERT ON dossier_files
  REFERENCING NEW TABLE AS changed_files FOR EACH STATEMENT EXECUTE FUNCTION settlement_rollup_on_files();
--> statement-breakpoint
CREATE TRIGGER settlement_rollup_files_removed AFTER DELETE ON dossier_files
  REFERENCING OLD TABLE AS changed_files FOR EACH STATEMENT EXECUTE FUNCTION settlement_rollup_on_files();
--> statement-breakpoint
-- TRUNCATE fires no row trigger: the rollup follows.
CREATE FUNCTION settlement_rollup_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM settlement_rollup;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER settlement_rollup_truncate AFTER TRUNCATE ON dossiers
  FOR EACH STATEMENT EXECUTE FUNCTION settlement_rollup_on_truncate();
--> statement-breakpoint
-- Recomputes the whole rollup from the dossiers (this migration, bulk loads that bypass the triggers,
-- `motcua rollup --rebuild`). Counted per day first, then summed into months and years.
CREATE FUNCTION settlement_rollup_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM settlement_rollup;
  CREATE TEMP TABLE settlement_rollup_days AS
    SELECT d.unit_code, x.day, d.procedure_code, d.field_code, sum(x.online) AS online, sum(x.direct) AS direct,
           sum(x.ended) AS ended, sum(x.early) AS early, sum(x.on_time) AS on_time, sum(x.late) AS late,
           sum(x.withdrawn) AS withdrawn, sum(x.withdrawn_not_late) AS withdrawn_not_late, sum(x.digitised) AS digitised,
           sum(x.due_passed) AS due_passed, sum(x.due_passed_ended) AS due_passed_ended, sum(x.paused_in_time) AS paused_in_time
    FROM dossiers d
    LEFT JOIN (
      SELECT f.unit_code, f.dossier_code, count(*) AS n FROM dossier_files f GROUP BY f.unit_code, f.dossier_code HAVING count(*) > 1
    ) fc ON fc.unit_code = d.unit_code AND fc.dossier_code = d.code
    CROSS JOIN LATERAL settlement_contributions(d.status, d.channel, d.received_at, d.due_at, d.due_at_legal,
      d.processing_ended_at, d.returned_at, d.paused_at, d.supplement_requests, d.result IS NOT NULL, coalesce(fc.n, 0)) x
    GROUP BY d.unit_code, x.day, d.procedure_code, d.field_code;
  INSERT INTO settlement_rollup (unit_code, grain, bucket, procedure_code, field_code, online, direct, ended, early,
    on_time, late, withdrawn, withdrawn_not_late, digitised, due_passed, due_passed_ended, paused_in_time)
  SELECT r.unit_code, g.grain, g.bucket, r.procedure_code, r.field_code, sum(r.online), sum(r.direct), sum(r.ended),
         sum(r.early), sum(r.on_time), sum(r.late), sum(r.withdrawn), sum(r.withdrawn_not_late), sum(r.digitised),
         sum(r.due_passed), sum(r.due_passed_ended), sum(r.paused_in_time)
  FROM settlement_rollup_days r
  CROSS JOIN LATERAL (VALUES ('d', r.day), ('m', date_trunc('month', r.day)::date), ('y', date_trunc('year', r.day)::date)) g (grain, bucket)
  GROUP BY 1, 2, 3, 4, 5;
  GET DIAGNOSTICS n = ROW_COUNT;
  DROP TABLE settlement_rollup_days;
  RETURN n;
END $$;
--> statement-breakpoint
SELECT settlement_rollup_rebuild();
