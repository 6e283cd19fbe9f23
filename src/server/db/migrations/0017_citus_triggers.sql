-- Citus (docs/DATABASE.md, "Citus"): the settlement rollup's triggers run on the workers, on the shards
-- of `dossiers` and `dossier_files`, whose NEW/OLD carry the shard's row type (dossiers_102008), not
-- `dossiers`; and a SQL-language function with parameters that reads a distributed table cannot be
-- planned there (PL/pgSQL can). The trigger copies the row into a `dossiers` variable (by position:
-- shard and table have the same columns) and the file count is PL/pgSQL. Same results everywhere.
CREATE OR REPLACE FUNCTION settlement_file_count(d dossiers) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
  n bigint;
BEGIN
  IF d.status IN (9, 10) AND d.result IS NOT NULL THEN
    SELECT count(*) INTO n FROM dossier_files f WHERE f.unit_code = d.unit_code AND f.dossier_code = d.code;
    RETURN n;
  END IF;
  RETURN 0;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION settlement_rollup_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o dossiers;
  n dossiers;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := OLD; END IF;
  IF TG_OP <> 'DELETE' THEN n := NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM settlement_rollup_move(NULL, 0, n, settlement_file_count(n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM settlement_rollup_move(o, settlement_file_count(o), NULL, 0);
  -- Only when something the report reads changed (the end as the report takes it: processing end,
  -- else return); most actions (steps, assignment, transfer, return) leave all of it as it was.
  ELSIF (o.unit_code, o.procedure_code, o.field_code, settlement_status_class(o.status), o.channel, o.received_at,
         o.due_at, o.due_at_legal, o.processing_ended_at, coalesce(o.processing_ended_at, o.returned_at), o.paused_at,
         o.supplement_requests, o.result IS NULL)
        IS DISTINCT FROM
        (n.unit_code, n.procedure_code, n.field_code, settlement_status_class(n.status), n.channel, n.received_at,
         n.due_at, n.due_at_legal, n.processing_ended_at, coalesce(n.processing_ended_at, n.returned_at), n.paused_at,
         n.supplement_requests, n.result IS NULL) THEN
    PERFORM settlement_rollup_move(o, settlement_file_count(o), n, settlement_file_count(n));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every unique key of a tenant table includes unit_code (Citus enforces uniqueness per shard only).
ALTER TABLE "link_attempts" DROP CONSTRAINT "link_attempts_pkey";--> statement-breakpoint
ALTER TABLE "link_attempts" ADD CONSTRAINT "link_attempts_pkey" PRIMARY KEY ("unit_code", "id");--> statement-breakpoint
DROP INDEX "queue_tickets_id_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_id_idx" ON "queue_tickets" USING btree ("id", "unit_code");
