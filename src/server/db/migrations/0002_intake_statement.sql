ALTER TABLE "unit_counters" ADD COLUMN "last_at" timestamp with time zone;--> statement-breakpoint
-- A counter intake is one statement (src/server/modules/dossiers/repository.ts, `writeIntake`). When
-- another intake of the same unit and day was numbered with a later time of receipt (it took the
-- counter first), the statement calls this to abort itself, counters included, and tells the server
-- that time (epoch milliseconds) so it can retry at or after it: codes follow receipt order.
CREATE FUNCTION motcua_intake_out_of_order(last_at timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'intake out of receipt order'
    USING ERRCODE = 'MC001', DETAIL = (extract(epoch FROM last_at) * 1000)::bigint::text;
END $$;
